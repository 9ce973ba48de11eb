// Command actwiz takes a Windows PC through activation troubleshooting.
package main

import (
	"context"
	"os"
	"os/signal"

	"actwiz/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], cli.OSEnv())
	stop()
	os.Exit(code)
}
