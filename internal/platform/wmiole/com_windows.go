package wmiole

import (
	"errors"
	"fmt"
	"runtime"

	"github.com/go-ole/go-ole"
	"github.com/go-ole/go-ole/oleutil"
)

const (
	sFalse          = 0x00000001 // S_FALSE: COM was already initialised on this thread
	rpcEChangedMode = 0x80010106 // RPC_E_CHANGED_MODE: the thread is in a single-threaded apartment
)

// OnCOMThread runs f with COM initialised. COM initialisation belongs to
// the OS thread, so the calling goroutine stays on one thread from
// CoInitializeEx to CoUninitialize; everything f does with COM objects
// must happen inside f, on that goroutine.
func OnCOMThread(f func() error) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	uninit, err := initCOM()
	if err != nil {
		return err
	}
	defer uninit()
	return f()
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
	return nil, fmt.Errorf("initialising COM: %w", Describe(err))
}

// Connect connects to a WMI namespace on this machine (`root\cimv2`)
// through the scripting API, the same objects the wmi library and
// slmgr.vbs use, and gives f the SWbemServices object. Call it inside
// OnCOMThread.
func Connect(namespace string, f func(svc *ole.IDispatch) error) error {
	unknown, err := oleutil.CreateObject("WbemScripting.SWbemLocator")
	if err != nil {
		return fmt.Errorf("creating WbemScripting.SWbemLocator: %w", Describe(err))
	}
	defer unknown.Release()
	locator, err := unknown.QueryInterface(ole.IID_IDispatch)
	if err != nil {
		return fmt.Errorf("asking SWbemLocator for IDispatch: %w", Describe(err))
	}
	defer locator.Release()

	serviceV, err := oleutil.CallMethod(locator, "ConnectServer", ".", namespace)
	if err != nil {
		return fmt.Errorf("connecting to WMI: %w", Describe(err))
	}
	defer serviceV.Clear()
	return f(serviceV.ToIDispatch())
}

// Each runs query on svc and calls f for every object, enumerating through
// _NewEnum and IEnumVARIANT, which both Windows and Wine support. The
// object is valid only during f. An error from f stops the enumeration
// and is returned as it is.
func Each(svc *ole.IDispatch, query string, f func(item *ole.IDispatch) error) error {
	resultV, err := oleutil.CallMethod(svc, "ExecQuery", query)
	if err != nil {
		return fmt.Errorf("running the query: %w", Describe(err))
	}
	defer resultV.Clear()

	enumV, err := resultV.ToIDispatch().GetProperty("_NewEnum")
	if err != nil {
		return fmt.Errorf("enumerating the result: %w", Describe(err))
	}
	defer enumV.Clear()
	enum, err := enumV.ToIUnknown().IEnumVARIANT(ole.IID_IEnumVariant)
	if err != nil {
		return fmt.Errorf("enumerating the result: %w", Describe(err))
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
			return fmt.Errorf("reading the next result row: %w", Describe(err))
		}
		if err := each(&itemV, f); err != nil {
			return err
		}
	}
}

func each(itemV *ole.VARIANT, f func(item *ole.IDispatch) error) error {
	defer itemV.Clear()
	return f(itemV.ToIDispatch())
}

// Property reads one property the way VBScript does and converts the
// VARIANT to a plain Go value (nil for NULL).
//
// Why both flags: the wmi library reads a property with IDispatch::Invoke
// and DISPATCH_PROPERTYGET alone. Real Windows accepts that. Wine 8's
// SWbemObject (wbemdisp, object_Invoke) accepts exactly
// DISPATCH_METHOD|DISPATCH_PROPERTYGET, which is what VBScript sends, and
// answers anything else with E_NOTIMPL. Windows and Wine both answer the
// pair.
func Property(item *ole.IDispatch, name string) (any, error) {
	v, err := item.InvokeWithOptionalArgs(name, ole.DISPATCH_METHOD|ole.DISPATCH_PROPERTYGET, nil)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, Describe(err))
	}
	defer v.Clear()
	return Value(v)
}

// Value converts the VARIANT types WMI's scripting API produces for the
// properties read here: NULL/EMPTY, BSTR, BOOL and integers of every
// width (go-ole's Value does the width-preserving conversion; Int64 turns
// any of them into a number). Anything else (arrays, objects) is refused
// with its type code.
func Value(v *ole.VARIANT) (any, error) {
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
