// Package spp reaches Windows Software Protection (the licensing service,
// sppsvc) through WMI, the way slmgr.vbs does: read the Windows product's
// license state, install a product key, activate, refresh. The Client
// interface keeps callers testable anywhere; Native is the real one.
//
// It may import internal/platform/wmiole only.
package spp

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"actwiz/internal/platform/wmiole"
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
	// ApplicationID and LicenseIsAddon are what slmgr filters on: an
	// add-on (an ESU licence) has a key of its own but is not Windows.
	ApplicationID  string
	LicenseIsAddon *bool
	// keyUnreadable: PartialProductKey could not be read at all.
	keyUnreadable bool
}

// Pick is the Windows product slmgr works on: ApplicationID Windows, a key
// installed, not an add-on. Rows whose ApplicationID or LicenseIsAddon
// were not read are taken as Windows and as no add-on (Wine reads
// neither), after the rows known to fit.
func Pick(rows []Product) (Product, error) {
	var fallback *Product
	unreadable := false
	for i := range rows {
		p := rows[i]
		unreadable = unreadable || p.keyUnreadable
		if p.PartialProductKey == "" {
			continue
		}
		if p.ApplicationID != "" && !strings.EqualFold(p.ApplicationID, WindowsApplicationID) {
			continue
		}
		if p.LicenseIsAddon != nil && *p.LicenseIsAddon {
			continue
		}
		if p.ApplicationID != "" && p.LicenseIsAddon != nil {
			return p, nil
		}
		if fallback == nil {
			fallback = &rows[i]
		}
	}
	switch {
	case fallback != nil:
		return *fallback, nil
	case unreadable:
		return Product{}, ErrNoKeyProperty
	}
	return Product{}, ErrNoProduct
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

func (e *Error) Error() string {
	s := fmt.Sprintf("%s: 0x%08X", e.Op, e.Code)
	// The licensing codes (0xC004…) are activation.Explain's to name; the
	// WMI and COM codes a licensing call meets besides are named as the
	// probe names them.
	if name, ok := wmiole.CodeName(e.Code); ok {
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
