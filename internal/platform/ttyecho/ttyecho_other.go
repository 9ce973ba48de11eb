//go:build !linux && !windows

package ttyecho

import "os"

// Off is not implemented here: the serial is read as a plain line.
func Off(*os.File) (func(), bool) { return nil, false }
