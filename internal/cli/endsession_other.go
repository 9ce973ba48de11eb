//go:build !windows

package cli

// watchEndSession has nothing to watch outside Windows: the end of a
// session reaches a program as SIGHUP or SIGTERM.
func watchEndSession(end func(), finished <-chan struct{}) {}
