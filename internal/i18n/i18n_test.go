package i18n

import "testing"

func TestParse(t *testing.T) {
	cases := []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"zh", ZH, true}, {"zh-CN", ZH, true}, {"zh_CN.UTF-8", ZH, true}, {"ZH-hans", ZH, true},
		{"chinese", ZH, true}, {"en", EN, true}, {"en_US.UTF-8", EN, true}, {"English", EN, true},
		{"", "", false}, {"fr", "", false}, {"zhx", "", false},
	}
	for _, c := range cases {
		got, ok := Parse(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("Parse(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestFromEnv(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want Lang
		ok   bool
	}{
		{"nothing set", map[string]string{}, "", false},
		{"LANG chinese", map[string]string{"LANG": "zh_CN.UTF-8"}, ZH, true},
		{"LC_ALL wins over LANG", map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, EN, true},
		{"C is English", map[string]string{"LANG": "C.UTF-8"}, EN, true},
		{"POSIX is English", map[string]string{"LC_ALL": "POSIX"}, EN, true},
		{"LANGUAGE list first match", map[string]string{"LANGUAGE": "fr:zh_CN:en", "LANG": "en_US"}, ZH, true},
		{"unknown locale falls to English", map[string]string{"LANG": "de_DE.UTF-8"}, EN, true},
	}
	for _, c := range cases {
		got, ok := FromEnv(func(k string) string { return c.env[k] })
		if got != c.want || ok != c.ok {
			t.Errorf("%s: FromEnv = %q, %v; want %q, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

func TestTextInFallsBackToEnglish(t *testing.T) {
	if got := (Text{EN: "only english"}).In(ZH); got != "only english" {
		t.Errorf("In(ZH) = %q", got)
	}
	if got := T("中文", "English").In(ZH); got != "中文" {
		t.Errorf("In(ZH) = %q", got)
	}
}

func TestFFormatsNestedTexts(t *testing.T) {
	inner := T("主板", "board")
	got := T("%s：%d 项", "%s: %d items").F(inner, 3)
	if got.ZH != "主板：3 项" || got.EN != "board: 3 items" {
		t.Errorf("F = %#v", got)
	}
}
