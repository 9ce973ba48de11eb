//go:build !linux && !windows

package probe

import (
	"context"
	"os"
	"runtime"

	"actwiz/internal/facts"
)

// Native returns the reader for this machine. Only Windows and Linux are
// probed; elsewhere every section is unknown with the reason.
func Native() Reader { return unsupported{} }

type unsupported struct{}

var errUnsupported = recordedError{"reading hardware is not supported on " + runtime.GOOS, facts.KindUnsupported}

func (unsupported) Host(context.Context) facts.Host {
	name, _ := os.Hostname()
	return facts.Host{Name: name, OSFamily: runtime.GOOS}
}
func (unsupported) BIOS(context.Context) (*facts.BIOS, FieldErrors, error) {
	return nil, nil, errUnsupported
}
func (unsupported) Baseboard(context.Context) (*facts.Baseboard, FieldErrors, error) {
	return nil, nil, errUnsupported
}
func (unsupported) Disks(context.Context) ([]facts.Disk, FieldErrors, error) {
	return nil, nil, errUnsupported
}
func (unsupported) NICs(context.Context) ([]facts.NIC, FieldErrors, error) {
	return nil, nil, errUnsupported
}
