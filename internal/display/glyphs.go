package display

import "actwiz/checks"

// Set is one family of glyphs.
type Set struct {
	Name                              string
	Pass, Warn, Fail, Unknown, Skip   string
	Cursor, Bullet, Arrow, Ellipsis   string
	Running, Done, Pending, Separator string
}

var Unicode = Set{
	Name: "unicode",
	Pass: "✓", Warn: "!", Fail: "✗", Unknown: "?", Skip: "-",
	Cursor: "›", Bullet: "•", Arrow: "→", Ellipsis: "…",
	Running: "◌", Done: "●", Pending: "○", Separator: "─",
}

var Plain = Set{
	Name: "plain",
	Pass: "+", Warn: "!", Fail: "x", Unknown: "?", Skip: "-",
	Cursor: ">", Bullet: "*", Arrow: "->", Ellipsis: "...",
	Running: "~", Done: "*", Pending: "o", Separator: "-",
}

// For returns the symbol of a status.
func (s Set) For(st checks.Status) string {
	switch st {
	case checks.Pass:
		return s.Pass
	case checks.Warn:
		return s.Warn
	case checks.Fail:
		return s.Fail
	case checks.Unknown:
		return s.Unknown
	}
	return s.Skip
}

// Named returns the set called name ("unicode" or "plain").
func Named(name string) (Set, bool) {
	switch name {
	case "unicode":
		return Unicode, true
	case "plain":
		return Plain, true
	}
	return Set{}, false
}
