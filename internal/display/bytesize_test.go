package display

import "testing"

func TestSize(t *testing.T) {
	cases := map[int64]string{0: "0 B", 1018: "1018 B", 1024: "1.0 KiB", 22835: "22.3 KiB", 5 << 20: "5.0 MiB", 3 << 30: "3.0 GiB"}
	for n, want := range cases {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q; want %q", n, got, want)
		}
	}
}
