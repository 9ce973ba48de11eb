//go:build !windows

package activation

import "context"

// QueryService answers that there are no Windows services here.
func QueryService(_ context.Context, name string) ServiceState {
	return ServiceState{Name: name, NotWindows: true}
}
