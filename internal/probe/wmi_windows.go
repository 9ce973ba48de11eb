package probe

// Running one WMI query. The wmi library reads the rows; when it returns
// rows of which it could read no property at all, the query is repeated
// through the go-ole fallback (wmifallback_windows.go), which reads each
// property the way VBScript does. That happens under Wine; on Windows the
// library's answer is used as it is.

import (
	"fmt"

	"github.com/yusufpapurcu/wmi"

	"actwiz/internal/platform/wmiole"
)

// wmiClient keeps NULL properties nil (PtrNil) and lets a property a
// Windows version lacks leave its field nil instead of failing the query
// (AllowMissingFields). The library serialises all queries behind one
// package mutex and initialises COM itself, so it is safe to call from the
// concurrent section queries of probe.Stream.
var wmiClient = &wmi.Client{AllowMissingFields: true, PtrNil: true}

// queryWMI reads every row of T's class. why[i] holds, for row i, the
// reason each unread field is nil; the library path cannot tell a NULL
// from a failed read, so it never reports one.
func queryWMI[T wmiRow]() (rows []T, why []map[string]string, err error) {
	q := wmiSelect[T]()
	if err := wmiClient.Query(q, &rows); err != nil {
		return nil, nil, fmt.Errorf("WMI query %q: %w", q, wmiole.Describe(err))
	}
	if !nothingRead(rows) {
		return rows, make([]map[string]string, len(rows)), nil
	}
	n := len(rows)
	rows, why, err = queryWMIFallback[T](q)
	if err != nil {
		return nil, nil, fmt.Errorf("WMI query %q returned %d rows whose properties could not be read, and reading them property by property failed: %w", q, n, err)
	}
	return rows, why, nil
}
