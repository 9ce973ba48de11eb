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
// both flags, which Windows and Wine both answer. It runs only when the
// library could read nothing (see queryWMI), so real Windows keeps the
// library's path.

import (
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/go-ole/go-ole"
	"github.com/go-ole/go-ole/oleutil"
)

// fallbackMu serialises fallback queries, as the library does its own:
// one query at a time keeps Wine's WMI and any slow provider from being
// hit by four sections at once.
var fallbackMu sync.Mutex

const (
	sFalse          = 0x00000001 // S_FALSE: COM was already initialised on this thread
	rpcEChangedMode = 0x80010106 // RPC_E_CHANGED_MODE: the thread is in a single-threaded apartment
)

// queryWMIFallback runs query and loads every row into a T, property by
// property, returning for each row why any field was left nil.
func queryWMIFallback[T wmiRow](query string) (rows []T, why []map[string]string, err error) {
	fallbackMu.Lock()
	defer fallbackMu.Unlock()
	// COM initialisation belongs to the OS thread, so the goroutine must
	// stay on one thread from CoInitializeEx to CoUninitialize.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	uninit, err := initCOM()
	if err != nil {
		return nil, nil, err
	}
	defer uninit()

	err = eachWMIObject(query, func(item *ole.IDispatch) {
		var row T
		why = append(why, loadRow(&row, func(prop string) (any, error) {
			return readProperty(item, prop)
		}))
		rows = append(rows, row)
	})
	if err != nil {
		return nil, nil, err
	}
	return rows, why, nil
}

// initCOM joins the multithreaded apartment on the current (locked) thread
// and returns the matching uninitialise call. S_FALSE means this thread had
// already joined: that still needs its CoUninitialize. RPC_E_CHANGED_MODE
// means some earlier code made the thread single-threaded; COM is usable
// there too, but that initialisation is not ours to undo.
func initCOM() (uninit func(), err error) {
	err = ole.CoInitializeEx(0, ole.COINIT_MULTITHREADED)
	if err == nil {
		return ole.CoUninitialize, nil
	}
	var oe *ole.OleError
	if errors.As(err, &oe) {
		switch oe.Code() {
		case sFalse:
			return ole.CoUninitialize, nil
		case rpcEChangedMode:
			return func() {}, nil
		}
	}
	return nil, fmt.Errorf("initialising COM: %w", describeCOM(err))
}

// eachWMIObject connects to root\cimv2 through the scripting API (the same
// objects the wmi library uses), runs query and calls f for every object.
func eachWMIObject(query string, f func(item *ole.IDispatch)) error {
	unknown, err := oleutil.CreateObject("WbemScripting.SWbemLocator")
	if err != nil {
		return fmt.Errorf("creating WbemScripting.SWbemLocator: %w", describeCOM(err))
	}
	defer unknown.Release()
	locator, err := unknown.QueryInterface(ole.IID_IDispatch)
	if err != nil {
		return fmt.Errorf("asking SWbemLocator for IDispatch: %w", describeCOM(err))
	}
	defer locator.Release()

	serviceV, err := oleutil.CallMethod(locator, "ConnectServer")
	if err != nil {
		return fmt.Errorf("connecting to WMI: %w", describeCOM(err))
	}
	defer serviceV.Clear()
	resultV, err := oleutil.CallMethod(serviceV.ToIDispatch(), "ExecQuery", query)
	if err != nil {
		return fmt.Errorf("running the query: %w", describeCOM(err))
	}
	defer resultV.Clear()

	enumV, err := resultV.ToIDispatch().GetProperty("_NewEnum")
	if err != nil {
		return fmt.Errorf("enumerating the result: %w", describeCOM(err))
	}
	defer enumV.Clear()
	enum, err := enumV.ToIUnknown().IEnumVARIANT(ole.IID_IEnumVariant)
	if err != nil {
		return fmt.Errorf("enumerating the result: %w", describeCOM(err))
	}
	if enum == nil {
		return errors.New("enumerating the result: no IEnumVARIANT")
	}
	defer enum.Release()

	for {
		// Next reports the end as S_FALSE with no item, which go-ole turns
		// into an error; the count tells the two apart.
		itemV, n, err := enum.Next(1)
		if n == 0 {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading the next result row: %w", describeCOM(err))
		}
		func() {
			defer itemV.Clear()
			f(itemV.ToIDispatch())
		}()
	}
}

// readProperty reads one property the way VBScript does and converts the
// VARIANT to a plain Go value (nil for NULL).
func readProperty(item *ole.IDispatch, name string) (any, error) {
	v, err := item.InvokeWithOptionalArgs(name, ole.DISPATCH_METHOD|ole.DISPATCH_PROPERTYGET, nil)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, describeCOM(err))
	}
	defer v.Clear()
	return variantValue(v)
}

// variantValue converts the VARIANT types WMI's scripting API produces for
// the properties read here: NULL/EMPTY, BSTR, BOOL and integers of every
// width (go-ole's Value does the width-preserving conversion). Anything
// else (arrays, objects) is refused with its type code.
func variantValue(v *ole.VARIANT) (any, error) {
	switch v.VT {
	case ole.VT_NULL, ole.VT_EMPTY:
		return nil, nil
	case ole.VT_BSTR, ole.VT_BOOL,
		ole.VT_I1, ole.VT_I2, ole.VT_I4, ole.VT_I8, ole.VT_INT,
		ole.VT_UI1, ole.VT_UI2, ole.VT_UI4, ole.VT_UI8, ole.VT_UINT:
		return v.Value(), nil
	}
	return nil, fmt.Errorf("unsupported VARIANT type 0x%X", uint16(v.VT))
}
