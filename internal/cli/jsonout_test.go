package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"actwiz/internal/facts"
	"actwiz/internal/report/supportcode"
)

// The escapes are written from the code points (RFC 8259 §7), not from the
// output: 中 U+4E2D, 文 U+6587, “ U+201C, 😀 U+1F600 = D83D DE00 in UTF-16.
func TestEscapeNonASCII(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{"title":"中文"}`, `{"title":"\u4e2d\u6587"}`},
		{`{"a":"“x”"}`, `{"a":"\u201cx\u201d"}`},
		{`{"face":"😀"}`, `{"face":"\ud83d\ude00"}`},
		{`{"ascii":"C:\\Windows \"q\" \u00e9"}`, `{"ascii":"C:\\Windows \"q\" \u00e9"}`},
		{"{\"bad\":\"a\xffb\"}", `{"bad":"a\ufffdb"}`},
		{"[\n  1,\n  \"é\"\n]\n", "[\n  1,\n  \"\\u00e9\"\n]\n"},
	}
	for _, c := range cases {
		if got := string(escapeNonASCII([]byte(c.in))); got != c.want {
			t.Errorf("escapeNonASCII(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

// Escaped JSON is ASCII only and decodes to the same value as the UTF-8
// original.
func TestEscapedJSONRoundTrips(t *testing.T) {
	values := []any{
		map[string]any{"title": "硬盘序列号", "hint": "请运行命令（slmgr /dlv）查看“状态”。", "n": 3.5, "ok": true, "none": nil},
		[]any{"😀 emoji beyond the BMP", "é", "tab\tand\nnewline", "<&>", "\u2028 line separator"},
		"纯中文字符串",
	}
	for _, v := range values {
		utf8JSON, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		escaped := escapeNonASCII(utf8JSON)
		for _, b := range escaped {
			if b >= 0x80 {
				t.Fatalf("escaped JSON holds a non-ASCII byte: %q", escaped)
			}
		}
		var a, b any
		if err := json.Unmarshal(utf8JSON, &a); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(escaped, &b); err != nil {
			t.Fatalf("escaped JSON does not decode: %v\n%s", err, escaped)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("round trip changed the value: %#v became %#v", a, b)
		}
	}
}

type fakeProbe bool

func (f fakeProbe) IsConsole(any) bool { return bool(f) }

func TestASCIIJSONOnlyForWindowsPipes(t *testing.T) {
	cases := []struct {
		goos    string
		console bool
		want    bool
	}{
		{"windows", false, true}, // piped to PowerShell or redirected to a file
		{"windows", true, false}, // a console window shows UTF-8
		{"linux", false, false},
		{"linux", true, false},
	}
	for _, c := range cases {
		if got := asciiJSON(c.goos, os.Stdout, fakeProbe(c.console)); got != c.want {
			t.Errorf("asciiJSON(%s, console=%v) = %v; want %v", c.goos, c.console, got, c.want)
		}
	}
}

// The real probe: a buffer and a regular file are not consoles.
func TestOSConsoleProbe(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, w := range []any{&bytes.Buffer{}, f} {
		if (osConsole{}).IsConsole(w) {
			t.Errorf("%T taken for a console", w)
		}
	}
}

// Every --format json goes through writeJSON: run as on Windows with stdout
// a pipe, the commands print ASCII only, decoding to what they print on
// Linux.
func TestEveryJSONOutputEscapesOnWindowsPipes(t *testing.T) {
	s := sample()
	s.Baseboard.SerialNumber = facts.Str("None")
	snap := saveSnapshot(t, s)
	linux := run(t, facts.Snapshot{}, "check", "--snapshot", snap, "--format", "json", "--lang", "zh")
	var rep struct{ Code string }
	if err := json.Unmarshal([]byte(linux.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	commands := [][]string{
		{"check", "--snapshot", snap, "--format", "json", "--lang", "zh"},
		{"decode", supportcode.Format(rep.Code), "--format", "json", "--lang", "zh"},
		{"snapshot", "--lang", "zh"},
	}
	for _, args := range commands {
		plain := run(t, sample(), args...)
		jsonGOOS = "windows"
		piped := run(t, sample(), args...)
		jsonGOOS = runtime.GOOS
		if args[0] != "snapshot" && !strings.ContainsFunc(plain.stdout, func(r rune) bool { return r >= 0x80 }) {
			t.Errorf("%v: no Chinese in the output, nothing tested (stderr %q)", args, plain.stderr)
		}
		for _, b := range []byte(piped.stdout) {
			if b >= 0x80 {
				t.Errorf("%v: non-ASCII byte in JSON for a Windows pipe", args)
				break
			}
		}
		var a, b any
		if err := json.Unmarshal([]byte(plain.stdout), &a); err != nil {
			t.Errorf("%v: %v", args, err)
			continue
		}
		if err := json.Unmarshal([]byte(piped.stdout), &b); err != nil {
			t.Errorf("%v: escaped output does not decode: %v", args, err)
			continue
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%v: escaping changed the data", args)
		}
	}
}
