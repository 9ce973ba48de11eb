//go:build !windows

package netproxy

import "os"

// Native is this machine's settings: off Windows, the environment, read
// at each decision so that a changed variable counts.
func Native(kind Kind) Resolver {
	return Resolver{In: Inputs{Getenv: os.Getenv}, Kind: kind}
}
