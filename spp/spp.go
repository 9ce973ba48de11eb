// Package spp reaches Windows Software Protection (the licensing service,
// sppsvc) through WMI, the way slmgr.vbs does: read the Windows product's
// license state, install a product key, activate, refresh. The Client
// interface keeps callers testable anywhere; Native is the real one.
package spp

import (
	"context"
	"errors"
	"fmt"
)

// WindowsApplicationID filters SoftwareLicensingProduct to Windows itself.
const WindowsApplicationID = "55c92734-d682-4d71-983e-d6ec3f16059f"

// Product is the Windows product that has a key installed. Pointer fields
// are nil when WMI did not answer them.
type Product struct {
	ID                   string
	Name                 string
	Description          string
	PartialProductKey    string
	LicenseStatus        *int
	LicenseStatusReason  *uint32
	GracePeriodRemaining *int // minutes
}

// Client is Windows Software Protection.
type Client interface {
	// Product reads the Windows product with an installed key.
	Product(ctx context.Context) (Product, error)
	// InstallProductKey installs a full 25-character key (slmgr /ipk).
	InstallProductKey(ctx context.Context, key string) error
	// Activate activates the product with this ID (slmgr /ato).
	Activate(ctx context.Context, productID string) error
	// RefreshLicenseStatus makes the service re-read the license state.
	RefreshLicenseStatus(ctx context.Context) error
}

// Error is a failed licensing call with its HRESULT, the number slui.exe
// and Microsoft's documentation know it by (0xC004F074…).
type Error struct {
	Op     string
	Code   uint32
	Detail string
}

// wmiNames names the WMI codes a licensing call meets besides the
// licensing ones, which activation.Explain knows.
var wmiNames = map[uint32]string{
	0x80041001: "WBEM_E_FAILED",
	0x80041003: "WBEM_E_ACCESS_DENIED",
	0x80041010: "WBEM_E_INVALID_CLASS",
	0x80041017: "WBEM_E_INVALID_QUERY",
	0x80070005: "E_ACCESSDENIED",
	0x80004001: "E_NOTIMPL",
}

func (e *Error) Error() string {
	s := fmt.Sprintf("%s: 0x%08X", e.Op, e.Code)
	if name, ok := wmiNames[e.Code]; ok {
		s += " " + name
	}
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	return s
}

var (
	// ErrNoProduct: WMI answered but no Windows product has a key installed.
	ErrNoProduct = errors.New("no Windows product with an installed key")
	// ErrNoKeyProperty: the products have no PartialProductKey at all
	// (Wine's SoftwareLicensingProduct exposes only LicenseStatus).
	ErrNoKeyProperty = errors.New("SoftwareLicensingProduct does not provide PartialProductKey on this system")
)
