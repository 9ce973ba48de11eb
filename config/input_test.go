package config

import (
	"errors"
	"strings"
	"testing"
)

func TestConfigInputProblems(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("x", 500<<10)
	cases := []struct {
		name, file, content string
		env                 map[string]string
		want                []string
	}{
		{name: "duplicate YAML key", file: "dup.yaml", content: "lang: en\nprobe:\n  timeout: 5s\nlang: zh\n",
			want: []string{"dup.yaml", `"lang"`, "twice", "lines 1 and 4"}},
		{name: "duplicate YAML key in a section", file: "dup2.yaml", content: "ui:\n  theme: plain\n  theme: auto\n",
			want: []string{"dup2.yaml", `"theme"`, "twice", "lines 2 and 3"}},
		{name: "duplicate TOML key", file: "dup.toml", content: "lang = \"en\"\nlang = \"zh\"\n",
			want: []string{"dup.toml", `"lang"`, "twice"}},
		{name: "duplicate JSON key", file: "dup.json", content: "{\"ui\": {\"theme\": \"plain\"},\n \"ui\": {\"theme\": \"auto\"}}",
			want: []string{"dup.json", `"ui"`, "twice", "line 2"}},
		{name: "long value in the file", file: "long.yaml", content: "lang: " + long + "\n",
			want: []string{`"lang"`, "xxx…", "zh or en"}},
		{name: "long value in the environment", env: map[string]string{"ACTWIZ_UI_THEME": long},
			want: []string{"ACTWIZ_UI_THEME", "xxx…"}},
		{name: "long wrong-type value", file: "long2.yaml", content: "probe:\n  timeout: " + long + "\n",
			want: []string{`"probe.timeout"`, "duration", "xxx…"}},
		{name: "long unknown key", file: "key.json", content: `{"` + long + `": 1}`,
			want: []string{"unknown key", "xxx…"}},
		{name: "too large", file: "big.yaml", content: "# " + strings.Repeat("x", 2<<20) + "\n",
			want: []string{"big.yaml", "larger than 1024 KiB"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			opts := Options{}
			if c.file != "" {
				opts.File = write(t, dir, c.file, c.content)
			}
			_, err := Load(opts)
			var cerr *Error
			if !errors.As(err, &cerr) {
				t.Fatalf("want a config error, got %v", err)
			}
			for _, w := range c.want {
				if !strings.Contains(cerr.Text.EN, w) {
					t.Errorf("message %.300q does not mention %q", cerr.Text.EN, w)
				}
			}
			if len(cerr.Text.EN) > 1000 || len(cerr.Text.ZH) > 1000 {
				t.Errorf("message of %d bytes: a quoted value must be cut short", len(cerr.Text.EN))
			}
			if cerr.Text.ZH == cerr.Text.EN {
				t.Errorf("no Chinese message: %q", cerr.Text.EN)
			}
		})
	}
}

func TestConfigReadsWhatWindowsWrites(t *testing.T) {
	dir := t.TempDir()
	content := "lang: en\nui:\n  theme: plain\n"
	utf16 := func(bom []byte, bigEndian bool) []byte {
		out := append([]byte{}, bom...)
		for _, c := range []byte(content) { // ASCII: one code unit each
			if bigEndian {
				out = append(out, 0, c)
			} else {
				out = append(out, c, 0)
			}
		}
		return out
	}
	cases := map[string][]byte{
		"bom.yaml":     append([]byte{0xef, 0xbb, 0xbf}, content...),
		"utf16le.yaml": utf16([]byte{0xff, 0xfe}, false),
		"utf16be.yaml": utf16([]byte{0xfe, 0xff}, true),
		"bom.json":     append([]byte{0xef, 0xbb, 0xbf}, `{"lang": "en", "ui": {"theme": "plain"}}`...),
	}
	for name, data := range cases {
		got, err := Load(Options{File: write(t, dir, name, string(data))})
		if err != nil || got.Config.Lang != "en" || got.Config.UI.Theme != "plain" {
			t.Errorf("%s: %+v, %v", name, got.Config, err)
		}
	}
}

func TestDuplicateJSONKey(t *testing.T) {
	cases := []struct {
		in   string
		key  string
		line int
	}{
		{`{"a": 1, "b": {"a": 2}}`, "", 0},
		{`{"a": [{"x": 1}, {"x": 2}]}`, "", 0},
		{"{\"a\": 1,\n\"a\": 2}", "a", 2},
		{`{"s": {"x": 1, "y": "x", "x": 3}}`, "x", 1},
		{`{"a": "a", "b": "a"}`, "", 0},
	}
	for _, c := range cases {
		if key, line := duplicateJSONKey([]byte(c.in)); key != c.key || line != c.line {
			t.Errorf("duplicateJSONKey(%s) = %q, %d; want %q, %d", c.in, key, line, c.key, c.line)
		}
	}
}
