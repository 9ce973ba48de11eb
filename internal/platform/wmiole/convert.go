package wmiole

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Int64 converts an integer property's Go value (as Value returns it) to
// an int64. WMI integers arrive in whatever width the provider chose
// (uint8, int16, int32, uint32…), and the scripting API passes 64-bit
// integers as decimal strings, so every integer form, and a decimal
// string, is accepted. Signed values stay signed: an int32 -1 is -1. A
// caller reading a uint32 property that the scripting API hands over as
// int32 reinterprets the bits itself (see spp).
func Int64(val any) (int64, error) {
	switch n := val.(type) {
	case int:
		return int64(n), nil
	case int8:
		return int64(n), nil
	case int16:
		return int64(n), nil
	case int32:
		return int64(n), nil
	case int64:
		return n, nil
	case uint:
		return unsigned(uint64(n))
	case uint8:
		return int64(n), nil
	case uint16:
		return int64(n), nil
	case uint32:
		return int64(n), nil
	case uint64:
		return unsigned(n)
	case string:
		i, err := strconv.ParseInt(strings.TrimSpace(n), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("value %q is not a whole number", n)
		}
		return i, nil
	}
	return 0, fmt.Errorf("value %v is a %T, expected a whole number", val, val)
}

func unsigned(n uint64) (int64, error) {
	if n > math.MaxInt64 {
		return 0, fmt.Errorf("value %d is too large", n)
	}
	return int64(n), nil
}
