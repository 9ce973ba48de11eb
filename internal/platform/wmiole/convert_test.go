package wmiole

import (
	"strings"
	"testing"
)

func TestInt64(t *testing.T) {
	cases := []struct {
		in      any
		want    int64
		wantErr string
	}{
		{int8(-7), -7, ""},
		{int16(7), 7, ""},
		{int32(-1), -1, ""}, // signed stays signed; spp reinterprets its uint32 properties itself
		{int64(-1 << 40), -1 << 40, ""},
		{int(7), 7, ""},
		{uint8(7), 7, ""},
		{uint16(7), 7, ""},
		{uint32(0xC004F074), 0xC004F074, ""},
		{uint64(1 << 62), 1 << 62, ""},
		{uint(7), 7, ""},
		{"7", 7, ""},
		{" -7 ", -7, ""},
		{"seven", 0, "not a whole number"},
		{1.5, 0, "expected a whole number"},
		{nil, 0, "expected a whole number"},
		{uint64(1 << 63), 0, "too large"},
	}
	for _, c := range cases {
		got, err := Int64(c.in)
		switch {
		case c.wantErr == "" && (err != nil || got != c.want):
			t.Errorf("Int64(%T %v) = %d, %v; want %d", c.in, c.in, got, err, c.want)
		case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("Int64(%T %v) error = %v; want it to contain %q", c.in, c.in, err, c.wantErr)
		}
	}
}
