//go:build !windows

package collect

import "os"

func openShared(path string) (*os.File, error) { return os.Open(path) }
