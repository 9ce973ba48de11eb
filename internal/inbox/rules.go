package inbox

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"actwiz/internal/activation"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/serial"
)

//go:embed findings.yaml
var builtinRules []byte

// Rule is one thing to look for in the logs (findings.yaml says more).
type Rule struct {
	ID        string    `yaml:"id"`
	In        []string  `yaml:"in"`
	Files     string    `yaml:"files"`
	Pattern   string    `yaml:"pattern"`
	Catalogue string    `yaml:"catalogue"`
	Meaning   i18n.Text `yaml:"meaning"`
	Hint      i18n.Text `yaml:"hint"`
	Fails     bool      `yaml:"fails"`

	re    *regexp.Regexp
	files *regexp.Regexp
}

// Rules are compiled rules, tried in order.
type Rules []Rule

// BuiltinRules are the rules of findings.yaml.
func BuiltinRules() Rules {
	rules, err := parseRules(builtinRules)
	if err != nil {
		panic(fmt.Sprintf("findings.yaml: %v", err)) // a build mistake, caught by the tests
	}
	return rules
}

func parseRules(data []byte) (Rules, error) {
	var rules Rules
	if err := yaml.Unmarshal(data, &rules); err != nil {
		return nil, err
	}
	for i := range rules {
		if err := rules[i].compile(); err != nil {
			return nil, err
		}
	}
	return rules, nil
}

func (r *Rule) compile() error {
	var err error
	if r.re, err = regexp.Compile(r.Pattern); err != nil {
		return fmt.Errorf("rule %s: pattern: %w", r.ID, err)
	}
	if r.Files != "" {
		if r.files, err = regexp.Compile(r.Files); err != nil {
			return fmt.Errorf("rule %s: files: %w", r.ID, err)
		}
	}
	switch r.Catalogue {
	case "", "activation", "server-error":
	default:
		return fmt.Errorf("rule %s: catalogue %q is not activation or server-error", r.ID, r.Catalogue)
	}
	if r.Catalogue == "" && (r.Meaning.ZH == "" || r.Meaning.EN == "") {
		return fmt.Errorf("rule %s: meaning needs zh and en", r.ID)
	}
	return nil
}

// WithMessages puts a site's activation.messages first: the lines a site
// taught actwiz about its activation client are as telling in its logs.
func (rs Rules) WithMessages(msgs []activation.Message) Rules {
	var out Rules
	for i, m := range msgs {
		r := Rule{ID: "site-message-" + strconv.Itoa(i+1), In: []string{"activation-log"}, Pattern: m.Pattern, Meaning: m.Meaning, Hint: m.Hint}
		if r.compile() == nil { // config validation has refused bad ones already
			out = append(out, r)
		}
	}
	return append(out, rs...)
}

// applies says whether the rule reads the entry at all.
func (r *Rule) applies(category, path string) bool {
	if len(r.In) > 0 && !slices.Contains(r.In, category) {
		return false
	}
	return r.files == nil || r.files.MatchString(path)
}

// match tries the rule on one line; ok is false when it does not match.
func (r *Rule) match(line string) (code string, meaning, hint i18n.Text, fails, ok bool) {
	sub := r.re.FindStringSubmatch(line)
	if sub == nil {
		return "", i18n.Text{}, i18n.Text{}, false, false
	}
	value := ""
	for _, s := range sub[1:] {
		if s != "" {
			value = s
			break
		}
	}
	switch r.Catalogue {
	case "activation":
		n, err := strconv.ParseUint(value, 16, 32)
		if err != nil {
			return "", i18n.Text{}, i18n.Text{}, false, false
		}
		_, known := activation.Codes[uint32(n)]
		m := activation.Explain(uint32(n))
		// A code in the table is a failure actwiz knows will repeat until
		// its cause is fixed; another is worth a look, not a verdict.
		return activation.CodeString(uint32(n)), m.What, m.Do, known, true
	case "server-error":
		return r.ID, activation.ServerError.What, activation.ServerError.Do, r.Fails, true
	}
	fill := func(t i18n.Text) i18n.Text {
		shown := machinetext.Escape(value)
		masked := maskSerial(value)
		repl := strings.NewReplacer("{value}", shown, "{serial}", masked)
		return i18n.T(repl.Replace(t.ZH), repl.Replace(t.EN))
	}
	return r.ID, fill(r.Meaning), fill(r.Hint), r.Fails, true
}

// maskSerial masks a serial unless the log already did (FF*****700209).
func maskSerial(s string) string {
	if strings.ContainsAny(s, "*＊") {
		return machinetext.Escape(s)
	}
	return machinetext.Escape(serial.CMGE.Mask(s))
}

var (
	cmgeSerialRE = regexp.MustCompile(`\b[A-Za-z]{2}[0-9]{11}\b`)
	productKeyRE = regexp.MustCompile(`\b[0-9A-Za-z]{5}(?:-[0-9A-Za-z]{5}){4}\b`)
)

// excerpt is a line as it may be shown and written: serials and product
// keys masked, control characters escaped, cut to a readable length.
func excerpt(line string) string {
	line = cmgeSerialRE.ReplaceAllStringFunc(line, serial.CMGE.Mask)
	line = productKeyRE.ReplaceAllStringFunc(line, serial.Windows.Mask)
	line = strings.TrimSpace(line)
	if r := []rune(line); len(r) > 200 {
		line = string(r[:200]) + "…"
	}
	return machinetext.Escape(line)
}
