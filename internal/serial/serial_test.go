package serial

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"actwiz/checks"
)

func TestNormalise(t *testing.T) {
	cases := []struct{ in, want string }{
		{"AA02210025590", "AA02210025590"},
		{"ＡＡ０２２１００２５５９０", "AA02210025590"},                   // full-width from a Chinese IME
		{"aa0221 0025 590", "AA02210025590"},                 // lower case, spaces
		{"AA-0221-0025590", "AA02210025590"},                 // hyphens
		{"AA\u3000022１0025590", "AA02210025590"},             // ideographic space, mixed width
		{"AA\u20140221\u2013002\u22125590", "AA02210025590"}, // em dash, en dash, minus sign
		{"AA\uFF0D0221\u200B0025590", "AA02210025590"},       // full-width hyphen, zero-width space
		{" \tAA02210025590\r\n", "AA02210025590"},
		{"bbbbb-ccccc-ddddd-fffff-ggggg", "BBBBBCCCCCDDDDDFFFFFGGGGG"},
		{"AA0221OO25590", "AA0221OO25590"}, // look-alikes are kept for the format check to name
	}
	for _, c := range cases {
		if got := Normalise(c.in); got != c.want {
			t.Errorf("Normalise(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestFormat(t *testing.T) {
	cases := []struct {
		p       Profile
		in      string
		ok      bool
		badPos  []int
		length  int
		explain string // part of the English detail
	}{
		{CMGE, "AA02210025590", true, nil, 13, "right format"},
		{CMGE, "ａａ０２２１００２５５９０", true, nil, 13, "right format"},
		{CMGE, "aa 0221-0025590", true, nil, 13, "right format"},
		{CMGE, "AA0221002559", false, nil, 12, "12 characters"},
		{CMGE, "AA022100255901", false, nil, 14, "14 characters"},
		{CMGE, "AA0221OO25590", false, []int{7, 8}, 13, "character 7 is the letter O; it must be a digit"},
		{CMGE, "A102210025590", false, []int{2}, 13, "character 2 is \"1\"; it must be a letter"},
		{CMGE, "AA0221002559０", true, nil, 13, "right format"},
		{CMGE, "AA02210025590！", false, []int{14}, 14, "character 14 is \"!\""},
		{CMGE, "  ", false, nil, 0, "No serial"},
		{Windows, "BBBBB-CCCCC-DDDDD-FFFFF-GGGGG", true, nil, 25, "right format"},
		{Windows, "yyvx9-ntfwv-6mdm3-9pt4t-4m68b", true, nil, 25, "right format"}, // N is part of Windows 8+ keys
		{Windows, "ＹＹＶＸ９ ＮＴＦＷＶ ６ＭＤＭ３ ９ＰＴ４Ｔ ４Ｍ６８Ｂ", true, nil, 25, "right format"},
		{Windows, "BBBBB-CCCCC-DDDDD-FFFFF-GGGG", false, nil, 24, "24 characters"},
		{Windows, "BBBBB-CCCCC-DDDDD-FFFFF-GGGG0", false, []int{25}, 25, "character 25 is \"0\""},
		{Windows, "ABBBB-CCCCC-DDDDD-FFFFF-GGGGE", false, []int{1, 25}, 25, "character 1 is \"A\""},
	}
	for _, c := range cases {
		f := c.p.CheckFormat(c.in)
		if f.OK != c.ok || f.Length != c.length {
			t.Errorf("%s %q: ok=%v length=%d; want %v %d", c.p.Name, c.in, f.OK, f.Length, c.ok, c.length)
		}
		var pos []int
		for _, b := range f.Bad {
			pos = append(pos, b.Pos)
		}
		if !equalInts(pos, c.badPos) {
			t.Errorf("%s %q: bad positions %v; want %v", c.p.Name, c.in, pos, c.badPos)
		}
		r := c.p.JudgeFormat(c.in, true)
		want := checks.Fail
		if c.ok {
			want = checks.Pass
		}
		if r.Status != want || !strings.Contains(r.Detail.EN, c.explain) {
			t.Errorf("%s %q: %s %q; want %s containing %q", c.p.Name, c.in, r.Status, r.Detail.EN, want, c.explain)
		}
		if r.Status == checks.Fail && (r.Hint.ZH == "" || r.Hint.EN == "") {
			t.Errorf("%s %q: a failing check needs a hint in both languages", c.p.Name, c.in)
		}
		if n := Normalise(c.in); len(n) >= 8 && (strings.Contains(r.Detail.EN+r.Detail.ZH+r.Observed, n)) {
			t.Errorf("%s %q: the result shows the serial unmasked: %q", c.p.Name, c.in, r.Detail.EN)
		}
	}
	if r := CMGE.JudgeFormat("", false); r.Status != checks.Skip {
		t.Errorf("no serial entered = %s; want skip", r.Status)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestMask(t *testing.T) {
	cases := []struct {
		p        Profile
		in, want string
	}{
		{CMGE, "FF12345700209", "FF*****700209"}, // the case's own style
		{CMGE, "ａａ０２２１００２５５９０", "AA*****025590"},
		{CMGE, "AA022100255901", "AA******255901"},
		{CMGE, "AA0221", "****21"},
		{CMGE, "", ""},
		{Windows, "yyvx9-ntfwv-6mdm3-9pt4t-4m68b", "*****-*****-*****-*****-4M68B"},
		{Windows, "4M68B", "*****-*****-*****-*****-4M68B"}, // a partial key in its place
		{Windows, "BBBBBCCCCC", "*******CCC"},
	}
	for _, c := range cases {
		if got := c.p.Mask(c.in); got != c.want {
			t.Errorf("%s Mask(%q) = %q; want %q", c.p.Name, c.in, got, c.want)
		}
	}
}

func TestJudgeMatch(t *testing.T) {
	found := Last{Value: "FF12345700209", From: `HKLM\SOFTWARE\CMIT\Active\Serial`}
	r := CMGE.JudgeMatch("AA02210025590", true, found)
	if r.Status != checks.Warn || r.Observed != "FF*****700209 -> AA*****025590" {
		t.Errorf("different serials = %s %q; want warn with both masked", r.Status, r.Observed)
	}
	for _, want := range []string{"FF*****700209", "AA*****025590", "activated again under the new serial", "No keeps"} {
		if !strings.Contains(r.Detail.EN, want) {
			t.Errorf("the warning must explain the client's question; missing %q in %q", want, r.Detail.EN)
		}
	}
	if !strings.Contains(r.Detail.ZH, "上次激活使用的序列号") || !strings.Contains(r.Detail.ZH, "选“是”") {
		t.Errorf("the Chinese warning must quote the client's question: %q", r.Detail.ZH)
	}
	if strings.Contains(r.Detail.EN+r.Detail.ZH+r.Hint.EN+r.Observed, "AA02210025590") {
		t.Error("the match result shows the serial unmasked")
	}
	if r := CMGE.JudgeMatch("ff1234 5700209", true, found); r.Status != checks.Pass {
		t.Errorf("the same serial typed differently = %s; want pass", r.Status)
	}
	if r := CMGE.JudgeMatch("AA02210025590", true, Last{}); r.Status != checks.Unknown || !strings.Contains(r.Detail.EN, "not public") {
		t.Errorf("no source = %s %q; want unknown saying none is configured", r.Status, r.Detail.EN)
	}
	if r := CMGE.JudgeMatch("AA0221", false, found); r.Status != checks.Skip {
		t.Errorf("a badly formed serial = %s; want skip", r.Status)
	}
	partial := Last{Value: "4M68B", From: "SoftwareLicensingProduct.PartialProductKey"}
	if r := Windows.JudgeMatch("YYVX9-NTFWV-6MDM3-9PT4T-4M68B", true, partial); r.Status != checks.Pass {
		t.Errorf("a product key matching the partial key = %s; want pass", r.Status)
	}
	if r := Windows.JudgeMatch("YYVX9-NTFWV-6MDM3-9PT4T-4M68C", true, partial); r.Status != checks.Warn {
		t.Errorf("a product key with another last group = %s; want warn", r.Status)
	}
}

func TestReadLast(t *testing.T) {
	dir := t.TempDir()
	utf8Log := filepath.Join(dir, "CMGE_utf8.log")
	os.WriteFile(utf8Log, []byte("2021-10-01 激活 序列号: FF12345700100\n2021-10-02 激活 序列号: FF12345700209\n"), 0o644)
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("激活成功，序列号：FF12345700209\r\n")
	gbkLog := filepath.Join(dir, "CMGE_gbk.log")
	os.WriteFile(gbkLog, []byte(gbk), 0o644)
	pattern := `序列号[:：]\s*([A-Z]{2}[0-9]{11})`

	regErr := errors.New("access denied")
	readers := Readers{
		Registry: func(_ context.Context, p RegistryPath) (string, error) {
			if p.Value == "Serial" {
				return "  FF12345700209 ", nil
			}
			return "", regErr
		},
		SPP:      func(context.Context) (string, error) { return "4M68B", nil },
		ReadFile: os.ReadFile,
	}
	cases := []struct {
		name    string
		sources []Source
		want    string
		tried   []string
	}{
		{"none configured", nil, "", nil},
		{"utf-8 log, last match wins", []Source{{File: utf8Log, Pattern: pattern}}, "FF12345700209", nil},
		{"gbk log", []Source{{File: gbkLog, Pattern: pattern}}, "FF12345700209", nil},
		{"missing file then registry", []Source{{File: filepath.Join(dir, "nope.log"), Pattern: pattern}, {Registry: `HKLM\SOFTWARE\CMIT\Active\Serial`}}, "FF12345700209", []string{"does not exist"}},
		{"no match", []Source{{File: utf8Log, Pattern: `KEY=(\w+)`}}, "", []string{"nothing in the file matches"}},
		{"registry error", []Source{{Registry: `HKLM\SOFTWARE\CMIT\Active\Other`}}, "", []string{"access denied"}},
		{"spp", []Source{{SPP: true}}, "4M68B", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ReadLast(context.Background(), c.sources, readers)
			if got.Value != c.want {
				t.Fatalf("value %q; want %q (tried %v)", got.Value, c.want, got.Tried)
			}
			why := got.Why().EN
			for _, w := range c.tried {
				if !strings.Contains(why, w) {
					t.Errorf("Why() = %q; want it to mention %q", why, w)
				}
			}
		})
	}
}

func TestNativeRegistryOffWindows(t *testing.T) {
	if _, err := ParseRegistryPath(`HKLM\SOFTWARE\CMIT\Active\Serial`); err != nil {
		t.Fatal(err)
	}
	got := ReadLast(context.Background(), []Source{{Registry: `HKLM\SOFTWARE\CMIT\Active\Serial`}}, NativeReaders())
	if isWindows {
		t.Skip("this checks the answer off Windows")
	}
	if got.Found() || !strings.Contains(got.Why().EN, "registry only exists on Windows") || !strings.Contains(got.Why().ZH, "注册表只在 Windows 上") {
		t.Errorf("off Windows the registry source must say so; got %q", got.Why().EN)
	}
}

func TestSourceValidate(t *testing.T) {
	cases := []struct {
		s       Source
		profile string
		ok      bool
	}{
		{Source{Registry: `HKLM\SOFTWARE\CMIT\Active\Serial`}, "cmge", true},
		{Source{Registry: `HKEY_CURRENT_USER\Software\X\Y`}, "cmge", true},
		{Source{Registry: `HKCR\X\Y`}, "cmge", false},
		{Source{Registry: `HKLM\Serial`}, "cmge", false},
		{Source{File: `C:\Windows\Temp\CMGE.log`, Pattern: `SN=(\w+)`}, "cmge", true},
		{Source{File: `C:\x.log`, Pattern: `SN=\w+`}, "cmge", false}, // no group
		{Source{File: `C:\x.log`, Pattern: `(`}, "cmge", false},
		{Source{SPP: true}, "windows", true},
		{Source{SPP: true}, "cmge", false},
		{Source{}, "cmge", false},
		{Source{SPP: true, Registry: `HKLM\A\B`}, "windows", false},
	}
	for _, c := range cases {
		if _, ok := c.s.Validate(c.profile); ok != c.ok {
			t.Errorf("%+v with %s: ok=%v; want %v", c.s, c.profile, ok, c.ok)
		}
	}
}
