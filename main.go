// Command actwiz takes a Windows PC through activation troubleshooting.
package main

import (
	"context"
	"os"

	"actwiz/internal/cli"
)

func main() {
	// Ctrl+C, SIGTERM, SIGHUP and Windows' console close, logoff and
	// shutdown all end the run the same way (see cli.NotifyContext).
	ctx, stop := cli.NotifyContext(context.Background())
	code := cli.Run(ctx, os.Args[1:], cli.OSEnv())
	stop()
	os.Exit(code)
}
