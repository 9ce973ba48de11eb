package probe

// Classifying why a section could not be read, from the error values
// themselves (HRESULTs, errnos, the deadline), so the kind can be recorded
// beside the reason's text and the checks never match English words. No
// build tag: tested on Linux with recorded error values.

import (
	"context"
	"errors"
	"io/fs"

	"github.com/go-ole/go-ole"

	"actwiz/internal/facts"
	"actwiz/internal/platform/wmiole"
)

// HRESULTs that say WMI itself is broken, not the value asked for.
const (
	hrServiceDisabled  = 0x80070422 // HRESULT_FROM_WIN32(ERROR_SERVICE_DISABLED): Winmgmt is disabled
	hrServiceNotActive = 0x80070426 // HRESULT_FROM_WIN32(ERROR_SERVICE_NOT_ACTIVE): Winmgmt is not running
	hrAccessDenied     = 0x80070005 // E_ACCESSDENIED
	wbemAccessDenied   = 0x80041003 // WBEM_E_ACCESS_DENIED
	wbemInvalidNS      = 0x8004100E // WBEM_E_INVALID_NAMESPACE
	wbemInvalidClass   = 0x80041010 // WBEM_E_INVALID_CLASS
)

// ReasonKind returns the facts.Kind… of err, or "" when err says nothing
// beyond its text. Every class the probe queries (Win32_BIOS,
// Win32_BaseBoard, Win32_DiskDrive, Win32_NetworkAdapter) exists in
// root\cimv2 on every Windows, so WMI calling one of them or the namespace
// invalid means its repository is damaged.
func ReasonKind(err error) string {
	var recorded interface{ Kind() string }
	switch {
	case err == nil:
		return ""
	case errors.As(err, &recorded):
		return recorded.Kind()
	case errors.Is(err, context.DeadlineExceeded):
		return facts.KindTimeout
	case errors.Is(err, context.Canceled):
		return facts.KindCancelled
	case errors.Is(err, fs.ErrPermission):
		return facts.KindAccessDenied
	}
	code, ok := hresult(err)
	if !ok {
		return ""
	}
	switch code {
	case hrServiceDisabled, hrServiceNotActive:
		return facts.KindWMIService
	case hrAccessDenied, wbemAccessDenied:
		return facts.KindAccessDenied
	case wbemInvalidNS, wbemInvalidClass:
		return facts.KindWMIRepository
	}
	return ""
}

// hresult finds the COM code in err's chain: wmiole's Error, or go-ole's
// own error when it was not described.
func hresult(err error) (uint32, bool) {
	var we wmiole.Error
	if errors.As(err, &we) {
		return we.Code, true
	}
	var oe *ole.OleError
	if errors.As(err, &oe) {
		return uint32(oe.Code()), true
	}
	return 0, false
}
