//go:build !windows

package activation

import "context"

type nativeMachine struct{}

// NativeMachine names nothing off Windows: there is no registry, and a
// KMS host only matters to Windows.
func NativeMachine() MachineReader { return nativeMachine{} }

func (nativeMachine) ReadMachine(context.Context) Machine { return Machine{} }
