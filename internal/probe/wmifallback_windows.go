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
// runs only when the library could read nothing (see queryOwnConnection),
// so real Windows keeps the library's path. Like the library's path, each
// call has its own COM thread and connection and shares no lock.

import (
	"reflect"

	"github.com/go-ole/go-ole"

	"actwiz/internal/platform/wmiole"
)

// queryWMIFallback runs query and replaces the rows in dst (a *[]T) with
// ones loaded property by property, returning for each row why any field
// was left nil.
func queryWMIFallback(query string, dst any) (why []map[string]string, err error) {
	slice := reflect.ValueOf(dst).Elem()
	rows := reflect.MakeSlice(slice.Type(), 0, slice.Len())
	err = wmiole.OnCOMThread(func() error {
		return wmiole.Connect(`root\cimv2`, func(svc *ole.IDispatch) error {
			return wmiole.Each(svc, query, func(item *ole.IDispatch) error {
				row := reflect.New(slice.Type().Elem())
				why = append(why, loadRow(row.Interface(), func(prop string) (any, error) {
					return wmiole.Property(item, prop)
				}))
				rows = reflect.Append(rows, row.Elem())
				return nil
			})
		})
	})
	if err != nil {
		return nil, err
	}
	slice.Set(rows)
	return why, nil
}
