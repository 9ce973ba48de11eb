package spp

import (
	"math"
	"strings"

	"actwiz/internal/platform/wmiole"
)

// toUint32 converts what a VARIANT holds to one of SoftwareLicensingProduct's
// uint32 properties (or a method's uint32 ReturnValue). WMI's scripting API
// hands uint32 properties over as int32 or as strings, depending on type:
// an int32 is reinterpreted, not sign-extended, because LicenseStatusReason
// is an HRESULT (0xC004F074 arrives as -1073418124). Any other form goes
// through wmiole.Int64 and must fit.
func toUint32(v any) (uint32, bool) {
	if n, ok := v.(int32); ok {
		return uint32(n), true
	}
	n, err := wmiole.Int64(v)
	if err != nil || n < 0 || n > math.MaxUint32 {
		return 0, false
	}
	return uint32(n), true
}

// escapeWQL quotes a value for a WQL string literal.
func escapeWQL(s string) string {
	return strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s)
}
