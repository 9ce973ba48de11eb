package cli

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/pflag"

	"actwiz/internal/i18n"
)

// Commit and BuildDate are stamped by the release script with
// -ldflags "-X actwiz/cli.Commit=… -X actwiz/cli.BuildDate=…", like Version.
// A plain "go build" in a git checkout gets them from the VCS stamp Go
// records in the binary instead.
var (
	Commit    = ""
	BuildDate = ""
)

type versionCmd struct{}

func (*versionCmd) Name() string         { return "version" }
func (*versionCmd) Summary() i18n.Text   { return i18n.T("显示版本", "Show the version") }
func (*versionCmd) Usage() string        { return "version" }
func (*versionCmd) Flags(*pflag.FlagSet) {}

var (
	msgVersionCommit   = i18n.T("提交：  %s", "commit: %s")
	msgVersionBuilt    = i18n.T("构建于：%s", "built:  %s")
	msgVersionModified = i18n.T("%s（含未提交的修改）", "%s (with uncommitted changes)")
	msgVersionUnknown  = i18n.T("未知", "unknown")
)

func (c *versionCmd) Run(_ context.Context, app *App, args []string) (int, error) {
	if err := noArgs(c.Name(), args); err != nil {
		return 0, err
	}
	b := readBuild()
	commit, date := b.commit, b.date
	if commit == "" {
		commit = msgVersionUnknown.In(app.Lang)
	} else if b.modified {
		commit = msgVersionModified.F(commit).In(app.Lang)
	}
	if date == "" {
		date = msgVersionUnknown.In(app.Lang)
	}
	fmtLine(app.Stdout, fmt.Sprintf("actwiz %s (%s/%s, %s)", version(), runtime.GOOS, runtime.GOARCH, runtime.Version()))
	fmtLine(app.Stdout, msgVersionCommit.F(commit).In(app.Lang))
	fmtLine(app.Stdout, msgVersionBuilt.F(date).In(app.Lang))
	return ExitOK, nil
}

type build struct {
	commit, date string
	modified     bool
}

// readBuild prefers the stamped values and falls back to the VCS
// information Go embeds (vcs.revision, vcs.time, vcs.modified).
func readBuild() build {
	b := build{commit: Commit, date: BuildDate}
	if info, ok := debug.ReadBuildInfo(); ok {
		b = mergeVCS(b, info.Settings)
	}
	return b
}

func mergeVCS(b build, settings []debug.BuildSetting) build {
	stamped := b.commit != ""
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			if b.commit == "" {
				b.commit = s.Value
			}
		case "vcs.time":
			if b.date == "" {
				b.date = s.Value
			}
		case "vcs.modified":
			if !stamped {
				b.modified = s.Value == "true"
			}
		}
	}
	return b
}
