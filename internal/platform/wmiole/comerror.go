package wmiole

// Naming COM and WMI error codes. go-ole renders an HRESULT through
// FormatMessage, which knows none of the DISP_E_ and WBEM_E_ codes (and
// under Wine prints "FormatMessage failed"); a reason in a snapshot must
// say what went wrong, so the codes a WMI read can produce are named here.
// No build tag: tested on Linux.

import (
	"errors"
	"fmt"

	"github.com/go-ole/go-ole"
)

// hresultMeanings says in words what the codes that need it mean.
var hresultMeanings = map[uint32]string{
	0x80020003: "the object does not provide this property",
	0x80020006: "the object does not provide this property",
	0x80041003: "this user may not read it",
	0x80041010: "this Windows does not have the WMI class",
}

var hresultNames = map[uint32]string{
	0x80004001: "E_NOTIMPL",
	0x80004005: "E_FAIL",
	0x80070005: "E_ACCESSDENIED",
	0x8007000E: "E_OUTOFMEMORY",
	0x80020003: "DISP_E_MEMBERNOTFOUND",
	0x80020006: "DISP_E_UNKNOWNNAME",
	0x80020009: "DISP_E_EXCEPTION",
	0x80010106: "RPC_E_CHANGED_MODE",
	0x80041001: "WBEM_E_FAILED",
	0x80041002: "WBEM_E_NOT_FOUND",
	0x80041003: "WBEM_E_ACCESS_DENIED",
	0x8004100C: "WBEM_E_NOT_SUPPORTED",
	0x80041010: "WBEM_E_INVALID_CLASS",
	0x80041017: "WBEM_E_INVALID_QUERY",
	0x80041032: "WBEM_E_CALL_CANCELLED",
	0x80041045: "WBEM_E_PROVIDER_LOAD_FAILURE",
}

// CodeName is the symbolic name of a COM or WMI code (E_NOTIMPL,
// WBEM_E_INVALID_QUERY…), when it is one a WMI read can produce.
func CodeName(code uint32) (string, bool) {
	name, ok := hresultNames[code]
	return name, ok
}

// Error is a failed COM call. Detail, when set, is the text the COM
// server attached (EXCEPINFO), which is usually the most specific part.
// It wraps go-ole's error, so a caller that needs more of it (the scode
// of an exception, as spp does) still finds it with errors.As.
type Error struct {
	Code   uint32
	Detail string
	ole    *ole.OleError
}

// Describe replaces go-ole's error text, which comes from FormatMessage
// and knows no DISP_E_ or WBEM_E_ code, with the code's name. An error
// that is not a COM error is returned as it is.
func Describe(err error) error {
	var oe *ole.OleError
	if !errors.As(err, &oe) {
		return err
	}
	return Error{Code: uint32(oe.Code()), Detail: oe.Description(), ole: oe}
}

// Unwrap gives go-ole's error, when the Error came from Describe.
func (e Error) Unwrap() error {
	if e.ole == nil {
		return nil
	}
	return e.ole
}

func (e Error) Error() string {
	text := fmt.Sprintf("HRESULT 0x%08X", e.Code)
	if name, ok := CodeName(e.Code); ok {
		text = fmt.Sprintf("%s (0x%08X)", name, e.Code)
	}
	switch {
	case e.Detail != "":
		text += ": " + e.Detail
	case hresultMeanings[e.Code] != "":
		text += ": " + hresultMeanings[e.Code]
	}
	return text
}
