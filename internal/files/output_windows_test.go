package files

import "testing"

func TestDeviceNames(t *testing.T) {
	for _, c := range []struct {
		path string
		want bool
	}{
		{"NUL", true}, {"nul", true}, {`C:\reports\NUL`, true}, {"nul.txt", true}, {"NUL ", true},
		{"CON", true}, {"com1", true}, {"LPT9", true}, {`\\.\NUL`, true}, {"CONOUT$", true},
		{"null", false}, {"COM0", false}, {"console.json", false}, {`C:\nul\report.json`, false},
	} {
		if got := isDeviceName(c.path); got != c.want {
			t.Errorf("isDeviceName(%q) = %v; want %v", c.path, got, c.want)
		}
	}
}

// TestWriteToNUL writes through the real NUL device.
func TestWriteToNUL(t *testing.T) {
	for _, p := range []string{"NUL", "nul"} {
		if err := WriteBytes(p, 0o644, []byte("x")); err != nil {
			t.Errorf("write to %s: %v", p, err)
		}
	}
}
