package config

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/viper"

	"actwiz/internal/files"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// maxConfigBytes bounds a config file: a real one is a few hundred bytes.
// Viper builds a tree of the whole file, many times its size, so the
// bound is well below files.MaxInput.
const maxConfigBytes = 1 << 20

// quoteLen bounds a value or key quoted in a message.
const quoteLen = 60

// readConfig reads file into v: a regular file of at most maxConfigBytes,
// in UTF-8, UTF-8 with a byte-order mark or UTF-16 (what Notepad and
// PowerShell write), with no key set twice.
func readConfig(ctx context.Context, v *viper.Viper, file string) error {
	data, err := files.ReadText(ctx, file, maxConfigBytes)
	var nr *files.NotRegularError
	var tl *files.TooLargeError
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.As(err, &nr):
		return errorT(msgConfigFile, file, i18n.T(nr.Problem()))
	case errors.As(err, &tl):
		return errorT(msgTooLarge, file, tl.Limit>>10)
	case err != nil:
		return errorT(msgUnreadable, file, files.Reason(err))
	}
	kind := strings.TrimPrefix(strings.ToLower(filepath.Ext(file)), ".")
	if kind == "json" {
		// encoding/json keeps the last of two equal keys without a word.
		if key, line := duplicateJSONKey(data); key != "" {
			return errorT(msgDuplicateKey, file, machinetext.Clip(key, quoteLen), line)
		}
	}
	v.SetConfigType(kind)
	if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
		return parseProblem(file, err)
	}
	return nil
}

var (
	yamlDuplicate = regexp.MustCompile(`line (\d+): mapping key "(.*)" already defined at line (\d+)`)
	tomlDuplicate = regexp.MustCompile(`toml: key (.+) is already defined`)
)

// parseProblem words a parser's error: a key set twice by name, anything
// else as the parser's first line that says something.
func parseProblem(file string, err error) error {
	text := err.Error()
	if m := yamlDuplicate.FindStringSubmatch(text); m != nil {
		return errorT(msgDuplicateKeyLines, file, machinetext.Clip(m[2], quoteLen), m[3], m[1])
	}
	if m := tomlDuplicate.FindStringSubmatch(text); m != nil {
		return errorT(msgDuplicateKeyTOML, file, machinetext.Clip(strings.Trim(m[1], `"`), quoteLen))
	}
	text = strings.TrimPrefix(text, "While parsing config: ")
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasSuffix(l, "errors:") {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		lines = []string{text}
	}
	raw := machinetext.Clip(strings.TrimRight(lines[0], "."), 200)
	zh := "格式有误"
	if m := parserLine.FindStringSubmatch(raw); m != nil {
		zh = "第 " + m[1] + " 行格式有误"
	}
	// The parser's English stays in the English message; in Chinese its
	// line number is what a technician can act on.
	return errorT(msgUnreadable, file, i18n.T(zh, raw))
}

// parserLine finds the line number in a YAML, TOML or JSON parser's error.
var parserLine = regexp.MustCompile(`(?i)line (\d+)`)

// duplicateJSONKey finds the first object member named twice in the same
// object, and the line of its second use.
func duplicateJSONKey(data []byte) (key string, line int) {
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		object bool
		seen   map[string]bool
		keyNow bool // the next string token is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err == io.EOF || err != nil {
			return "", 0 // a syntax error is the parser's to report
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		isKey := top != nil && top.object && top.keyNow
		if top != nil && top.object {
			top.keyNow = !top.keyNow
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, &frame{object: true, seen: map[string]bool{}, keyNow: true})
			case '[':
				stack = append(stack, &frame{})
			case '}', ']':
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].keyNow = true
				}
			}
		case string:
			if isKey {
				if top.seen[t] {
					off := dec.InputOffset()
					return t, 1 + bytes.Count(data[:off], []byte{'\n'})
				}
				top.seen[t] = true
			}
		}
	}
}

// describe names what a setting's value is, for a message saying it is
// the wrong kind: the value itself is quoted, shortened.
func describe(v any) i18n.Text {
	switch v := v.(type) {
	case string:
		return i18n.T("文本 %q", "the text %q").F(machinetext.Clip(v, quoteLen))
	case bool:
		return i18n.T("%t", "%t").F(v)
	case int, int64, uint64, float64:
		return i18n.T("数字 %v", "the number %v").F(v)
	case []any:
		return i18n.T("列表", "a list")
	case map[string]any:
		return i18n.T("分组", "a section")
	case nil:
		return i18n.T("空值", "an empty value")
	}
	return i18n.T("%s", "%s").F(machinetext.Clip(fmt.Sprint(v), quoteLen))
}
