package supportcode

import (
	"errors"
	"strings"
	"testing"

	"actwiz/checks"
)

func results(statuses ...checks.Status) []checks.Result {
	var out []checks.Result
	for i, st := range statuses {
		out = append(out, checks.Result{ID: Catalogues[1][i], Status: st})
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	cases := [][]checks.Status{
		{checks.Pass, checks.Pass, checks.Pass, checks.Pass, checks.Pass, checks.Pass},
		{checks.Fail, checks.Fail, checks.Pass, checks.Pass, checks.Pass, checks.Pass},
		{checks.Unknown, checks.Warn, checks.Skip, checks.Fail, checks.Fail, checks.Skip},
		{checks.Pass, checks.Pass},
	}
	for _, statuses := range cases {
		code, err := Encode(results(statuses...))
		if err != nil {
			t.Fatal(err)
		}
		if len(code) != 9 {
			t.Errorf("code %q: want 9 digits for version 1", code)
		}
		entries, version, err := Decode(Format(code))
		if err != nil || version != 1 {
			t.Fatalf("Decode(%q) = %v, %d, %v", code, entries, version, err)
		}
		for i, e := range entries {
			want := NotRun
			if i < len(statuses) {
				want = statuses[i]
			}
			if e.ID != Catalogues[1][i] || e.Status != want {
				t.Errorf("code %s entry %d = %+v; want %s %s", code, i, e, Catalogues[1][i], want)
			}
		}
	}
}

func TestEncodeRejectsUnknownCheck(t *testing.T) {
	if _, err := Encode([]checks.Result{{ID: "no.such", Status: checks.Pass}}); err == nil {
		t.Fatal("a check in no catalogue must not encode")
	}
}

func TestDecodeCatchesEveryTypo(t *testing.T) {
	code, _ := Encode(results(checks.Fail, checks.Fail, checks.Pass, checks.Warn, checks.Pass, checks.Pass))
	for i := range code {
		for d := byte('0'); d <= '9'; d++ {
			if d == code[i] {
				continue
			}
			typo := code[:i] + string(d) + code[i+1:]
			if _, _, err := Decode(typo); err == nil {
				t.Errorf("single-digit typo %s (from %s) was accepted", typo, code)
			}
		}
	}
	for i := 0; i+1 < len(code); i++ {
		if code[i] == code[i+1] {
			continue
		}
		swapped := code[:i] + string(code[i+1]) + string(code[i]) + code[i+2:]
		if _, _, err := Decode(swapped); !errors.Is(err, ErrMistyped) && !errors.Is(err, ErrVersion) {
			t.Errorf("swap %s (from %s) was accepted: %v", swapped, code, err)
		}
	}
}

func TestDecodeInput(t *testing.T) {
	code, _ := Encode(results(checks.Pass))
	full := strings.Map(func(r rune) rune { return r - '0' + '０' }, code)
	cases := []struct {
		name, in string
		want     error
	}{
		{"grouped", Format(code), nil},
		{"dashes", code[:3] + "-" + code[3:], nil},
		{"full-width digits", full, nil},
		{"letters", "01A234567", ErrMistyped},
		{"too short", "0123", ErrMistyped},
		{"empty", "", ErrMistyped},
		{"too long", code + "0", ErrMistyped},
	}
	for _, c := range cases {
		_, _, err := Decode(c.in)
		if (c.want == nil) != (err == nil) || (c.want != nil && !errors.Is(err, c.want)) {
			t.Errorf("%s: Decode(%q) error = %v; want %v", c.name, c.in, err, c.want)
		}
	}
}

func TestDecodeUnknownVersion(t *testing.T) {
	body := "99" + "00000"
	_, v, err := Decode(body + checkDigits(body))
	if !errors.Is(err, ErrVersion) || v != 99 {
		t.Fatalf("got version %d, %v; want ErrVersion for 99", v, err)
	}
}

func TestCataloguesExtendEachOther(t *testing.T) {
	for v := 2; Catalogues[v] != nil; v++ {
		prev, cur := Catalogues[v-1], Catalogues[v]
		if len(cur) <= len(prev) {
			t.Fatalf("version %d must add checks to version %d", v, v-1)
		}
		for i, id := range prev {
			if cur[i] != id {
				t.Fatalf("version %d reorders version %d's check %s", v, v-1, id)
			}
		}
	}
	for i, d := range checks.Hardware {
		if Catalogues[1][i] != d.ID {
			t.Fatalf("catalogue 1 entry %d = %s; the hardware catalogue has %s", i, Catalogues[1][i], d.ID)
		}
	}
}

func FuzzDecode(f *testing.F) {
	code, _ := Encode(results(checks.Fail, checks.Pass))
	f.Add(code)
	f.Add("０１２ ３４５")
	f.Add("99-00000-00")
	f.Fuzz(func(t *testing.T, s string) {
		entries, _, err := Decode(s)
		if err != nil {
			return
		}
		var rs []checks.Result
		for _, e := range entries {
			if e.Status != NotRun {
				rs = append(rs, checks.Result{ID: e.ID, Status: e.Status})
			}
		}
		again, err := Encode(rs)
		if err != nil {
			t.Fatalf("decoded %q but cannot encode it back: %v", s, err)
		}
		// A newer catalogue's code whose newer checks did not run encodes
		// again in the older, shorter catalogue: compare what it says.
		back, _, err := Decode(again)
		if err != nil {
			t.Fatalf("re-encoded %q does not decode: %v", again, err)
		}
		ran := map[string]checks.Status{}
		for _, e := range back {
			ran[e.ID] = e.Status
		}
		for _, e := range entries {
			if got, ok := ran[e.ID]; (ok && got != e.Status) || (!ok && e.Status != NotRun) {
				t.Fatalf("%s was %s in %q and %s after re-encoding as %q", e.ID, e.Status, s, got, again)
			}
		}
	})
}
