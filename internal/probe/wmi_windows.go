package probe

// Running one WMI query on a connection of its own. The wmi library reads
// the rows; when it returns rows of which it could read no property at all,
// the query is repeated through the go-ole fallback
// (wmifallback_windows.go), which reads each property the way VBScript
// does. That happens under Wine; on Windows the library's answer is used
// as it is.

import (
	"fmt"

	"github.com/yusufpapurcu/wmi"

	"actwiz/internal/platform/wmiole"
)

// wmiClient keeps NULL properties nil (PtrNil) and lets a property a
// Windows version lacks leave its field nil instead of failing the query
// (AllowMissingFields). Its own Query is not used: it takes a package-wide
// lock for the life of the query, so one provider that never answers (a
// stuck Win32_NetworkAdapter) would hold every other section behind it
// until the probe's deadline. Queries go through SWbemServices instances
// instead, each with its own COM thread and no shared lock.
var wmiClient = &wmi.Client{AllowMissingFields: true, PtrNil: true}

// ownConnections is the wmiSource of the real machine: every query gets a
// new SWbemServices (its own thread, locator and connection), used once,
// and is given up on when its section's deadline passes (perQuery).
var ownConnections = perQuery{run: queryOwnConnection}

func queryOwnConnection(wql string, dst any) ([]map[string]string, error) {
	svc, err := wmi.InitializeSWbemServices(wmiClient)
	if err != nil {
		return nil, fmt.Errorf("connecting to WMI for %q: %w", wql, wmiole.Describe(err))
	}
	defer svc.Close()
	if err := svc.Query(wql, dst); err != nil {
		return nil, fmt.Errorf("WMI query %q: %w", wql, wmiole.Describe(err))
	}
	n := rowCount(dst)
	if !nothingRead(dst) {
		return nil, nil
	}
	why, err := queryWMIFallback(wql, dst)
	if err != nil {
		return nil, fmt.Errorf("WMI query %q returned %d rows whose properties could not be read, and reading them property by property failed: %w", wql, n, err)
	}
	return why, nil
}
