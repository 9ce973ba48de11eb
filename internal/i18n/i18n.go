// Package i18n holds actwiz's two languages. Every user-facing message is a
// Text carrying its Chinese and English forms side by side, declared as a
// named variable in the package that uses it, so a misspelt message is a
// compile error and a missing translation is visible in review.
//
// It imports no actwiz package: everything may use it.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a display language.
type Lang string

const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// Langs lists the supported languages, Chinese first: most users read it first.
var Langs = []Lang{ZH, EN}

// Text is one message in both languages.
type Text struct {
	ZH string
	EN string
}

// T builds a Text; the Chinese form comes first as it does for the users.
func T(zh, en string) Text { return Text{ZH: zh, EN: en} }

// In returns the message in lang, falling back to English when the Chinese
// form is missing (never to an empty string).
func (t Text) In(lang Lang) string {
	if lang == ZH && t.ZH != "" {
		return t.ZH
	}
	return t.EN
}

// Empty reports whether the text has no content in either language.
func (t Text) Empty() bool { return t.ZH == "" && t.EN == "" }

// F formats both forms with the same arguments. Arguments that are Texts
// themselves are rendered in the matching language, and so is a value with
// a Chinese() method (an OS error that can say itself in Chinese; the
// packages below i18n cannot import it).
func (t Text) F(args ...any) Text {
	return Text{ZH: sprintf(t.ZH, ZH, args), EN: sprintf(t.EN, EN, args)}
}

func sprintf(format string, lang Lang, args []any) string {
	local := make([]any, len(args))
	for i, a := range args {
		if tx, ok := a.(Text); ok {
			local[i] = tx.In(lang)
		} else if c, ok := a.(interface{ Chinese() string }); ok && lang == ZH && c.Chinese() != "" {
			local[i] = c.Chinese()
		} else {
			local[i] = a
		}
	}
	return fmt.Sprintf(format, local...)
}

// Join concatenates texts with sep in each language.
func Join(parts []Text, sepZH, sepEN string) Text {
	zh := make([]string, 0, len(parts))
	en := make([]string, 0, len(parts))
	for _, p := range parts {
		if p.Empty() {
			continue
		}
		zh = append(zh, p.In(ZH))
		en = append(en, p.In(EN))
	}
	return Text{ZH: strings.Join(zh, sepZH), EN: strings.Join(en, sepEN)}
}

// Parse accepts the forms people write for a language: "zh", "zh-CN",
// "zh_CN.UTF-8", "chinese", "en_US", "English" (any case).
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i]
	}
	switch {
	case s == "zh" || strings.HasPrefix(s, "zh-") || strings.HasPrefix(s, "zh_") || s == "chinese" || s == "中文":
		return ZH, true
	case s == "en" || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en_") || s == "english":
		return EN, true
	}
	return "", false
}
