//go:build !linux && !windows

package cli

import "os"

// echoOff is not implemented here: the serial is read as a plain line.
func echoOff(*os.File) (func(), bool) { return nil, false }
