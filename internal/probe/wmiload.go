package probe

// Filling the WMI class structs (wmiclasses.go) from property values that
// have already been converted from COM VARIANTs to Go values. The go-ole
// fallback (wmifallback_windows.go) reads property by property and uses
// this; it has no build tag so the conversions are tested on Linux.

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"actwiz/internal/platform/wmiole"
)

// loadRow sets each exported pointer field of the struct dst points to from
// read(fieldName). A property that reads as nil (NULL) leaves its field nil;
// one that cannot be read or does not fit the field leaves it nil too, and
// its reason is returned under the field's name.
func loadRow(dst any, read func(property string) (any, error)) map[string]string {
	v := reflect.ValueOf(dst).Elem()
	t := v.Type()
	var why map[string]string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer {
			continue
		}
		val, err := read(f.Name)
		if err == nil {
			err = assignWMI(v.Field(i), val)
		}
		if err != nil {
			if why == nil {
				why = map[string]string{}
			}
			why[f.Name] = err.Error()
		}
	}
	return why
}

// assignWMI stores val in the pointer field. WMI integers arrive in
// whatever width the provider chose (uint8, int16, int32, uint32…), and
// the scripting API passes 64-bit integers as decimal strings, so every
// integer form, and a decimal string, is accepted for an int field
// (wmiole.Int64; an int32 stays signed).
func assignWMI(field reflect.Value, val any) error {
	if val == nil {
		field.SetZero()
		return nil
	}
	elem := reflect.New(field.Type().Elem()).Elem()
	switch elem.Kind() {
	case reflect.String:
		s, ok := val.(string)
		if !ok {
			return fmt.Errorf("value %v is a %T, expected text", val, val)
		}
		elem.SetString(s)
	case reflect.Bool:
		b, ok := val.(bool)
		if !ok {
			return fmt.Errorf("value %v is a %T, expected true or false", val, val)
		}
		elem.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := wmiole.Int64(val)
		if err != nil {
			return err
		}
		if elem.OverflowInt(n) {
			return fmt.Errorf("value %d does not fit in %s", n, elem.Type())
		}
		elem.SetInt(n)
	default:
		return fmt.Errorf("field type %s is not supported", field.Type())
	}
	field.Set(elem.Addr())
	return nil
}

// nothingRead reports whether the rows in dst (a *[]T) are not empty and
// not one pointer field of any row is set. WMI itself never does that for
// the classes read here (Win32_DiskDrive.Index, Win32_NetworkAdapter.Name,
// … always have values), so it means the property reads failed, as they do
// under Wine.
func nothingRead(dst any) bool {
	rows := reflect.ValueOf(dst).Elem()
	if rows.Len() == 0 {
		return false
	}
	for i := 0; i < rows.Len(); i++ {
		v := rows.Index(i)
		for j := 0; j < v.NumField(); j++ {
			if f := v.Field(j); f.Kind() == reflect.Pointer && !f.IsNil() {
				return false
			}
		}
	}
	return true
}

// rowCount is the number of rows in dst (a *[]T).
//
//nolint:unused // used by the Windows probe only
func rowCount(dst any) int { return reflect.ValueOf(dst).Elem().Len() }

// newRowsLike returns a new, empty *[]T for dst's *[]T, for a background
// query to fill while dst itself stays untouched.
func newRowsLike(dst any) any { return reflect.New(reflect.TypeOf(dst).Elem()).Interface() }

// setRows copies the rows of src into dst (both *[]T).
func setRows(dst, src any) { reflect.ValueOf(dst).Elem().Set(reflect.ValueOf(src).Elem()) }

// deviceErrors collects, per field, why the field could not be read for
// which devices, and renders one sentence per field for FieldErrors.
// Devices that failed for the same reason are listed together, so that a
// machine with eight adapters and one missing API gets one short line.
type deviceErrors map[string]map[string][]string // field → reason → devices

func (d deviceErrors) add(field, device, reason string) {
	if d[field] == nil {
		d[field] = map[string][]string{}
	}
	d[field][reason] = append(d[field][reason], device)
}

// addRow records every reason of one row (as loadRow returns them).
func (d deviceErrors) addRow(device string, why map[string]string) {
	for field, reason := range why {
		d.add(field, device, reason)
	}
}

// into writes one sentence per field into fe:
// "<reason> (<device>, <device>); <reason> (<device>)".
func (d deviceErrors) into(fe FieldErrors) {
	for field, byReason := range d {
		reasons := make([]string, 0, len(byReason))
		for r := range byReason {
			reasons = append(reasons, r)
		}
		sort.Strings(reasons)
		parts := make([]string, 0, len(reasons))
		for _, r := range reasons {
			parts = append(parts, fmt.Sprintf("%s (%s)", r, strings.Join(byReason[r], ", ")))
		}
		fe[field] = strings.Join(parts, "; ")
	}
}
