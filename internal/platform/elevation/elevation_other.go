//go:build !windows

package elevation

import "os"

func elevated() bool { return os.Geteuid() == 0 }

func restart(string, []string, string) error { return ErrUnsupported }
