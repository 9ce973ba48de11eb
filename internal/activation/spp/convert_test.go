package spp

import "testing"

func TestToUint32(t *testing.T) {
	cases := []struct {
		in   any
		want uint32
		ok   bool
	}{
		{int32(1), 1, true},
		{int32(-1073418124), 0xC004F074, true}, // an HRESULT handed over as a signed VT_I4
		{uint32(43200), 43200, true},
		{"43200", 43200, true},
		{"x", 0, false},
		{nil, 0, false},
		{int64(-1), 0, false},       // only an int32 is reinterpreted; anything else must fit
		{uint64(1 << 32), 0, false}, // too large for a uint32
	}
	for _, c := range cases {
		if got, ok := toUint32(c.in); got != c.want || ok != c.ok {
			t.Errorf("toUint32(%#v) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if got := escapeWQL(`a'b\c`); got != `a\'b\\c` {
		t.Errorf("escapeWQL = %s", got)
	}
}
