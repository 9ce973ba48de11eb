//go:build !windows

package serial

import "context"

func readRegistry(context.Context, RegistryPath) (string, error) {
	return "", notOnThisOS{msgRegistryOnlyWindows}
}

func readPartialKey(context.Context) (string, error) {
	return "", notOnThisOS{msgSPPOnlyWindows}
}
