package cli

import (
	"context"
	"fmt"
	"runtime"

	"github.com/spf13/pflag"

	"actwiz/i18n"
)

type versionCmd struct{}

func (*versionCmd) Name() string         { return "version" }
func (*versionCmd) Summary() i18n.Text   { return i18n.T("显示版本", "Show the version") }
func (*versionCmd) Usage() string        { return "version" }
func (*versionCmd) Flags(*pflag.FlagSet) {}

func (c *versionCmd) Run(_ context.Context, app *App, args []string) (int, error) {
	if err := noArgs(c.Name(), args); err != nil {
		return 0, err
	}
	fmtLine(app.Stdout, fmt.Sprintf("actwiz %s (%s/%s, %s)", version(), runtime.GOOS, runtime.GOARCH, runtime.Version()))
	return ExitOK, nil
}
