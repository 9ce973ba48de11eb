package wine

import (
	"context"
	"encoding/binary"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"actwiz/internal/winetest"
)

// TestInputFilesUnderWine runs the real actwiz.exe on input files as a
// Windows user makes them: a snapshot PowerShell 5.1 wrote with ">"
// (UTF-16LE with a byte-order mark) is read, and the NUL device given as
// an input is refused at once as not a regular file.
func TestInputFilesUnderWine(t *testing.T) {
	env := winetest.Start(t)
	snapshot := `{"schema": "actwiz.snapshot/v1", "taken_at": "2026-11-26T09:30:00Z",
 "host": {"name": "PC-0142", "os_family": "windows"},
 "bios": {"SerialNumber": "PF2XK7QW"}, "baseboard": {"SerialNumber": "L1HF0AB03XZ"},
 "disks": [], "nics": []}`
	le := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(strings.ReplaceAll(snapshot, "\n", "\r\n"))) {
		le = binary.LittleEndian.AppendUint16(le, u)
	}
	const ps = `C:\ps51.json`
	if err := os.WriteFile(env.HostPath(ps), le, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"check", "--snapshot", ps, "--lang", "en"}, 1, "PF2XK7QW"},
		{[]string{"check", "--snapshot", "NUL", "--lang", "en"}, 2, "character device, not a regular file"},
		{[]string{"upload", "NUL", "--lang", "en"}, 2, "character device, not a regular file"},
	}
	for _, c := range cases {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		res, err := env.Run(ctx, c.args...)
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		out := string(res.Stdout) + string(res.Stderr)
		if res.ExitCode != c.code || !strings.Contains(out, c.want) {
			t.Errorf("actwiz.exe %s: exit %d (want %d), output lacks %q:\n%s", strings.Join(c.args, " "), res.ExitCode, c.code, c.want, out)
		}
	}
}
