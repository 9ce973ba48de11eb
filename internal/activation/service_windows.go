package activation

import (
	"context"
	"errors"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/svc/mgr"
)

// QueryService asks the service manager with the least rights that answer
// (a standard user may query, not manage), which mgr.Connect would not.
func QueryService(ctx context.Context, name string) ServiceState {
	st := ServiceState{Name: name}
	done := make(chan ServiceState, 1)
	go func() { done <- queryService(st) }()
	select {
	case st = <-done:
	case <-ctx.Done():
		st.Err = ctx.Err()
	}
	return st
}

func queryService(st ServiceState) ServiceState {
	scm, err := windows.OpenSCManager(nil, nil, windows.SC_MANAGER_CONNECT)
	if err != nil {
		st.Err = err
		return st
	}
	defer windows.CloseServiceHandle(scm)
	namePtr, err := windows.UTF16PtrFromString(st.Name)
	if err != nil {
		st.Err = err
		return st
	}
	h, err := windows.OpenService(scm, namePtr, windows.SERVICE_QUERY_STATUS|windows.SERVICE_QUERY_CONFIG)
	if errors.Is(err, windows.ERROR_SERVICE_DOES_NOT_EXIST) {
		return st
	}
	if err != nil {
		st.Err = err
		return st
	}
	s := &mgr.Service{Name: st.Name, Handle: h}
	defer s.Close()
	st.Installed = true
	status, err := s.Query()
	if err != nil {
		st.Err = err
		return st
	}
	st.Running, st.Starting = runState(uint32(status.State))
	if cfg, err := s.Config(); err == nil {
		st.Disabled = cfg.StartType == mgr.StartDisabled
		// sppsvc is started by trigger or demand: being stopped is normal.
		st.OnDemand = cfg.StartType == mgr.StartManual || (st.Name == "sppsvc" && !st.Disabled)
	}
	return st
}
