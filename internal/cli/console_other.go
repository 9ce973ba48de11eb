//go:build !windows

package cli

func consoleCodePage() uint32 { return 0 }
