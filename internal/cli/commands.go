package cli

import (
	"context"

	"github.com/spf13/pflag"

	"actwiz/internal/i18n"
)

// Command is one subcommand. A new instance is made for every run; its
// flags bind to its own fields.
type Command interface {
	Name() string
	Summary() i18n.Text
	// Usage is the command name and its arguments ("decode CODE"); help
	// adds every flag to make the synopsis.
	Usage() string
	Flags(fs *pflag.FlagSet)
	Run(ctx context.Context, app *App, args []string) (int, error)
}

// commands lists every subcommand in the order help shows them. Adding a
// command is one new type and one line here.
var commands = []func() Command{
	func() Command { return &wizardCmd{} },
	func() Command { return &checkCmd{} },
	func() Command { return &snapshotCmd{} },
	func() Command { return &serialCmd{} },
	func() Command { return &activateCmd{} },
	func() Command { return &decodeCmd{} },
	func() Command { return &collectCmd{} },
	func() Command { return &uploadCmd{} },
	func() Command { return &fleetCmd{} },
	func() Command { return &openCmd{} },
	func() Command { return &configCmd{} },
	func() Command { return &completionCmd{} },
	func() Command { return &versionCmd{} },
	func() Command { return &helpCmd{} },
}

// defaultCommand runs when no command is given.
const defaultCommand = "wizard"

func lookup(name string) (Command, bool) {
	if name == "" {
		name = defaultCommand
	}
	for _, make := range commands {
		if c := make(); c.Name() == name {
			return c, true
		}
	}
	return nil, false
}

// noArgs refuses positional arguments for commands that take none.
func noArgs(name string, args []string) error {
	if len(args) > 0 {
		return usagef(msgUnexpectedArg, args[0], name)
	}
	return nil
}
