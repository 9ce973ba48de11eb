package cli

import (
	"context"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"actwiz/internal/i18n"
)

// completionCmd prints a shell completion script. The scripts call
// "actwiz __complete", so completions follow the installed version.
type completionCmd struct{}

var completionShells = []string{"bash", "zsh", "fish", "powershell"}

func (*completionCmd) Name() string { return "completion" }
func (*completionCmd) Summary() i18n.Text {
	return i18n.T("输出 shell 的命令补全脚本（bash、zsh、fish 或 powershell）",
		"Print a shell completion script (bash, zsh, fish or powershell)")
}
func (*completionCmd) Usage() string        { return "completion bash|zsh|fish|powershell" }
func (*completionCmd) Flags(*pflag.FlagSet) {}

var msgCompletionShell = i18n.T(
	"请写明 shell：bash、zsh、fish 或 powershell，例如 source <(actwiz completion bash)。",
	"Name the shell: bash, zsh, fish or powershell, as in source <(actwiz completion bash).")

func (c *completionCmd) Run(ctx context.Context, app *App, args []string) (int, error) {
	if len(args) != 1 {
		return 0, usagef(msgCompletionShell)
	}
	var g globalFlags
	root := newRoot(ctx, app.Env, &g, &runState{}, app.Lang)
	var err error
	switch args[0] {
	case "bash":
		err = root.GenBashCompletionV2(app.Stdout, true)
	case "zsh":
		err = root.GenZshCompletion(app.Stdout)
	case "fish":
		err = root.GenFishCompletion(app.Stdout, true)
	case "powershell":
		err = root.GenPowerShellCompletionWithDesc(app.Stdout)
	default:
		return 0, usagef(msgCompletionShell)
	}
	if err != nil {
		return 0, err
	}
	return ExitOK, nil
}

// completeFlagValues offers the values a flag's metavar lists
// ("text|json") and file names for FILE, DIR and PATH.
func completeFlagValues(c *cobra.Command, fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		meta := flagMetavar(f)
		switch {
		case strings.Contains(meta, "|"):
			values := strings.Split(meta, "|")
			// These fail only for a flag c does not have; VisitAll found it on c.
			_ = c.RegisterFlagCompletionFunc(f.Name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
		case meta == "DIR":
			_ = c.MarkFlagDirname(f.Name)
		case meta == "FILE":
			_ = c.MarkFlagFilename(f.Name)
		}
	})
}

// completeCommandNames completes "actwiz help ch".
func completeCommandNames(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var names []string
	for _, mk := range commands {
		if n := mk().Name(); strings.HasPrefix(n, toComplete) {
			names = append(names, n)
		}
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}
