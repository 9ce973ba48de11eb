package probe

// The go-ole fallback for WMI property reads.
//
// Why it exists: the wmi library reads a property with IDispatch::Invoke
// and DISPATCH_PROPERTYGET alone. Real Windows accepts that. Wine 8's
// SWbemObject (wbemdisp, object_Invoke) accepts exactly
// DISPATCH_METHOD|DISPATCH_PROPERTYGET, which is what VBScript sends, and
// answers anything else with E_NOTIMPL; the library, told to allow missing
// fields, then leaves every field nil, and every check would say
// "unknown". This file repeats the same query and reads each property with
// both flags (wmiole.Property), which Windows and Wine both answer. It
// runs only when the library could read nothing (see queryWMI), so real
// Windows keeps the library's path.

import (
	"sync"

	"github.com/go-ole/go-ole"

	"actwiz/internal/platform/wmiole"
)

// fallbackMu serialises fallback queries, as the library does its own:
// one query at a time keeps Wine's WMI and any slow provider from being
// hit by four sections at once.
var fallbackMu sync.Mutex

// queryWMIFallback runs query and loads every row into a T, property by
// property, returning for each row why any field was left nil.
func queryWMIFallback[T wmiRow](query string) (rows []T, why []map[string]string, err error) {
	fallbackMu.Lock()
	defer fallbackMu.Unlock()
	err = wmiole.OnCOMThread(func() error {
		return wmiole.Connect(`root\cimv2`, func(svc *ole.IDispatch) error {
			return wmiole.Each(svc, query, func(item *ole.IDispatch) error {
				var row T
				why = append(why, loadRow(&row, func(prop string) (any, error) {
					return wmiole.Property(item, prop)
				}))
				rows = append(rows, row)
				return nil
			})
		})
	})
	if err != nil {
		return nil, nil, err
	}
	return rows, why, nil
}
