package fleet

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// A report is mostly text fleet does not need: hints, titles, commands.
// Decoding all of it with encoding/json would spend most of the time of a
// hundred-thousand-report run there. The functions below walk a document's
// structure without decoding it, so only the few members fleet reads (the
// schema, host, time, each check's id and status, the facts) are handed to
// encoding/json, which validates and decodes those exactly.

// maxDepth bounds nesting: a report is five levels deep, and a hostile
// file of a million "[" must not exhaust the stack.
const maxDepth = 64

// syntaxError is malformed JSON at a byte offset.
type syntaxError struct {
	offset int
	what   string
}

func (e *syntaxError) Error() string { return fmt.Sprintf("at byte %d: %s", e.offset, e.what) }

// topMembers calls fn with the raw key and raw value of every member of the
// object that is the whole of data.
func topMembers(data []byte, fn func(key, value []byte) error) error {
	i := skipSpace(data, 0)
	if i == len(data) || data[i] != '{' {
		return &syntaxError{i, "the file does not hold a JSON object"}
	}
	end, err := eachMember(data, i, 0, fn)
	if err != nil {
		return err
	}
	if j := skipSpace(data, end); j != len(data) {
		return &syntaxError{j, "unexpected data after the object"}
	}
	return nil
}

// members calls fn for each member of the object in value.
func members(value []byte, fn func(key, value []byte) error) error {
	i := skipSpace(value, 0)
	if i == len(value) || value[i] != '{' {
		return &syntaxError{i, "expected an object"}
	}
	_, err := eachMember(value, i, 0, fn)
	return err
}

// elements calls fn for each element of the array in value; null is an
// empty array.
func elements(value []byte, fn func(elem []byte) error) error {
	i := skipSpace(value, 0)
	if bytes.HasPrefix(value[i:], []byte("null")) {
		return nil
	}
	if i == len(value) || value[i] != '[' {
		return &syntaxError{i, "expected an array"}
	}
	_, err := eachElement(value, i, 0, fn)
	return err
}

// eachElement walks the array starting at data[i] == '[' and returns the
// offset just past it.
func eachElement(data []byte, i, depth int, fn func(elem []byte) error) (int, error) {
	if depth > maxDepth {
		return 0, &syntaxError{i, "nested too deeply"}
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return i + 1, nil
	}
	for {
		end, err := skipValue(data, i, depth)
		if err != nil {
			return 0, err
		}
		if err := fn(data[i:end]); err != nil {
			return 0, err
		}
		i = skipSpace(data, end)
		switch {
		case i == len(data):
			return 0, &syntaxError{i, "the array is not closed (the file ends too early)"}
		case data[i] == ']':
			return i + 1, nil
		case data[i] != ',':
			return 0, &syntaxError{i, "expected , or ] in an array"}
		}
		i = skipSpace(data, i+1)
	}
}

// eachMember walks the object starting at data[i] == '{' and returns the
// offset just past it.
func eachMember(data []byte, i, depth int, fn func(key, value []byte) error) (int, error) {
	if depth > maxDepth {
		return 0, &syntaxError{i, "nested too deeply"}
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return i + 1, nil
	}
	for {
		if i == len(data) || data[i] != '"' {
			return 0, &syntaxError{i, "expected a member name"}
		}
		keyEnd, err := skipString(data, i)
		if err != nil {
			return 0, err
		}
		key := data[i+1 : keyEnd-1]
		i = skipSpace(data, keyEnd)
		if i == len(data) || data[i] != ':' {
			return 0, &syntaxError{i, "expected : after a member name"}
		}
		i = skipSpace(data, i+1)
		end, err := skipValue(data, i, depth)
		if err != nil {
			return 0, err
		}
		if err := fn(key, data[i:end]); err != nil {
			return 0, err
		}
		i = skipSpace(data, end)
		switch {
		case i == len(data):
			return 0, &syntaxError{i, "the object is not closed (the file ends too early)"}
		case data[i] == '}':
			return i + 1, nil
		case data[i] != ',':
			return 0, &syntaxError{i, "expected , or } in an object"}
		}
		i = skipSpace(data, i+1)
	}
}

// skipValue returns the offset just past the value starting at data[i].
func skipValue(data []byte, i, depth int) (int, error) {
	if i >= len(data) {
		return 0, &syntaxError{i, "the file ends too early"}
	}
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{':
		return eachMember(data, i, depth+1, func(_, _ []byte) error { return nil })
	case '[':
		return eachElement(data, i, depth+1, func([]byte) error { return nil })
	}
	j := i
	for j < len(data) {
		switch data[j] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			if j == i {
				return 0, &syntaxError{i, "expected a value"}
			}
			return j, nil
		}
		j++
	}
	return j, nil
}

// skipString returns the offset just past the string starting at
// data[i] == '"'.
func skipString(data []byte, i int) (int, error) {
	j := i + 1
	for {
		k := bytes.IndexByte(data[j:], '"')
		if k < 0 {
			return 0, &syntaxError{i, "a string is not closed (the file ends too early)"}
		}
		j += k
		// The quote is escaped when an odd number of backslashes precede it.
		n := 0
		for p := j - 1; p > i && data[p] == '\\'; p-- {
			n++
		}
		j++
		if n%2 == 0 {
			return j, nil
		}
	}
}

func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\r', '\n':
			i++
		default:
			return i
		}
	}
	return i
}

// stringValue decodes a JSON string; plain strings (the usual ids and
// statuses) are taken without a copy through encoding/json.
func stringValue(raw []byte) (string, error) {
	if len(raw) >= 2 && raw[0] == '"' && bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1]), nil
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}
