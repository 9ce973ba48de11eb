//go:build linux

package probe

// Native returns the reader for this machine: the Linux reader over the
// running system's own files.
func Native() Reader { return NewLinux("/") }
