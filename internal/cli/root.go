package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"actwiz/internal/i18n"
)

func init() {
	// cobra shows a "this is a command line tool" splash and exits when a
	// program is started from Explorer; actwiz's wizard is meant to be
	// double-clicked, so the splash must never appear.
	cobra.MousetrapHelpText = ""
}

var (
	msgUnknownCommandSuggest = i18n.T("没有 %q 这个命令；是不是要用 actwiz %s？运行 actwiz help 查看所有命令。",
		"There is no command %q. Did you mean 'actwiz %s'? Run 'actwiz help' to see the commands.")
)

// runState carries what a cobra run produced back to Run.
type runState struct {
	code int
	err  error
	// lang is set once the configuration is loaded, for reporting errors.
	lang    i18n.Lang
	hasLang bool
}

// runCobra is Run: it normalises the arguments, picks the command and lets
// cobra parse the flags and run it.
func runCobra(ctx context.Context, args []string, env Env) int {
	var st runState
	var g globalFlags
	root := newRoot(ctx, env, &g, &st, preliminaryLang(args, env))
	line := commandLine(args, root)
	root.SetArgs(line)
	if len(args) > 0 && strings.HasPrefix(args[0], "__complete") {
		root.SetArgs(args)
	} else if name := line[0]; !isCommand(name) {
		lang := preliminaryLang(args, env)
		msg := msgUnknownCommand.F(maskIfSerial(name))
		if s := root.SuggestionsFor(name); len(s) > 0 {
			msg = msgUnknownCommandSuggest.F(maskIfSerial(name), s[0])
		}
		fmt.Fprintln(env.Stderr, msg.In(lang))
		return ExitUsage
	}
	if err := root.ExecuteContext(ctx); err != nil {
		st.err = err
	}
	if st.err != nil {
		lang := preliminaryLang(args, env)
		if st.hasLang {
			lang = st.lang
		}
		var ferr flagError
		if errors.As(st.err, &ferr) {
			fmt.Fprintln(env.Stderr, ferr.text(lang))
			return ExitUsage
		}
		return reportError(env, lang, st.err)
	}
	return st.code
}

// commandLine puts the command name first: "actwiz --only network collect"
// becomes "collect --only network". "/?" and "-?" (a Windows admin's
// reflex) ask for help; --version and -v without a command are the version
// command, --help and -h the top-level help, and no command the wizard.
func commandLine(args []string, root *cobra.Command) []string {
	norm := make([]string, 0, len(args))
	for i, a := range args {
		if (a == "/?" || a == "-?") && !slices.Contains(args[:i], "--") {
			a = "--help"
		}
		norm = append(norm, a)
	}
	name, rest := splitCommand(norm, valueFlags(root))
	if name == "" {
		switch {
		case hasFlag(rest, "--version", "-v"):
			return append([]string{"version"}, dropFlag(rest, "--version", "-v")...)
		case hasFlag(rest, "--help", "-h"):
			return append([]string{"help"}, dropFlag(rest, "--help", "-h")...)
		}
		name = defaultCommand
	}
	return append([]string{name}, rest...)
}

func hasFlag(args []string, names ...string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if slices.Contains(names, a) {
			return true
		}
	}
	return false
}

func dropFlag(args []string, names ...string) []string {
	var out []string
	for _, a := range args {
		if !slices.Contains(names, a) {
			out = append(out, a)
		}
	}
	return out
}

func splitCommand(args []string, takesValue map[string]bool) (string, []string) {
	for i, a := range args {
		if a == "--" {
			break
		}
		if len(a) > 0 && a[0] != '-' {
			// A flag's value ("--lang zh") is not a command name.
			if i > 0 && takesValue[args[i-1]] {
				continue
			}
			return a, append(append([]string{}, args[:i]...), args[i+1:]...)
		}
	}
	return "", args
}

// valueFlags lists every flag of every command that takes a separate
// value, so the value is not mistaken for the command name. --save takes
// its folder as a separate argument too (see saveFlag.takeFolder).
func valueFlags(root *cobra.Command) map[string]bool {
	m := map[string]bool{"--save": true}
	add := func(f *pflag.Flag) {
		if f.Value.Type() == "bool" || f.NoOptDefVal != "" {
			return
		}
		m["--"+f.Name] = true
		if f.Shorthand != "" {
			m["-"+f.Shorthand] = true
		}
	}
	root.PersistentFlags().VisitAll(add)
	for _, c := range root.Commands() {
		c.Flags().VisitAll(add)
	}
	return m
}

func isCommand(name string) bool {
	_, ok := lookup(name)
	return ok
}

// newRoot builds the command tree: one cobra command per Command, the
// global flags on the root.
// lang is the language of the descriptions shell completion shows.
func newRoot(ctx context.Context, env Env, g *globalFlags, st *runState, lang i18n.Lang) *cobra.Command {
	root := &cobra.Command{
		Use:                        "actwiz",
		SilenceErrors:              true,
		SilenceUsage:               true,
		SuggestionsMinimumDistance: 2,
		// Completion is our own command, with help in the user's language.
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
	}
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SetIn(env.Stdin)
	g.add(root.PersistentFlags())
	translateFlags(root.PersistentFlags(), lang)
	completeFlagValues(root, root.PersistentFlags())
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return flagError{err: err, command: c.Name()}
	})
	root.SetHelpFunc(func(c *cobra.Command, _ []string) {
		app, err := newApp(ctx, *g, c.Flags(), env)
		if err != nil {
			st.err = err
			return
		}
		if cmd, ok := lookup(c.Name()); ok && c != root {
			writeCommandHelp(app, cmd)
			return
		}
		_, _ = (&helpCmd{}).Run(ctx, app, nil) // help only writes; a help func has no error to return
	})
	for _, mk := range commands {
		cmd := mk()
		cc := &cobra.Command{
			Use:   cmd.Name(),
			Short: cmd.Summary().In(lang),
			Args:  cobra.ArbitraryArgs,
			RunE: func(c *cobra.Command, args []string) error {
				app, err := newApp(ctx, *g, c.Flags(), env)
				if err != nil {
					return err
				}
				st.lang, st.hasLang = app.Lang, true
				st.code, err = cmd.Run(ctx, app, args)
				return err
			},
		}
		cc.Flags().SortFlags = false
		cmd.Flags(cc.Flags())
		translateFlags(cc.Flags(), lang)
		completeFlagValues(cc, cc.Flags())
		if cmd.Name() == "help" {
			cc.ValidArgsFunction = completeCommandNames
			root.SetHelpCommand(cc)
			continue
		}
		if cmd.Name() == "completion" {
			cc.ValidArgs = completionShells
		}
		root.AddCommand(cc)
	}
	return root
}

// translateFlags puts the flags' descriptions in lang, for completion.
func translateFlags(fs *pflag.FlagSet, lang i18n.Lang) {
	if lang != i18n.ZH {
		return
	}
	fs.VisitAll(func(f *pflag.Flag) {
		if zh, ok := flagHelpZH[f.Usage]; ok {
			f.Usage = zh
		}
	})
}
