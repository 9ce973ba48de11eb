//go:build !unix

package files

import "os"

// openNoBlock is a plain open: Windows opens a named pipe or a device
// without waiting, and OpenInput refuses both by the opened handle's type.
func openNoBlock(path string) (*os.File, error) { return os.Open(path) }
