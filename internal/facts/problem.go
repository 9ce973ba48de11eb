package facts

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"time"

	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// quoteLen bounds a value quoted in a message: a 200 MB value must not
// become a 200 MB message.
const quoteLen = 60

var (
	msgNotJSON      = i18n.T("不是有效的 JSON（%v）。", "is not valid JSON (%v).")
	msgAt           = i18n.T("第 %d 行第 %d 列：%s", "line %d, column %d: %s")
	msgEndsEarly    = i18n.T("文件提前结束了", "the file ends too early")
	msgNotObject    = i18n.T("的内容是%s；快照是一个 JSON 对象 { … }。", "holds %s; a snapshot is one JSON object { … }.")
	msgNoSchema     = i18n.T("没有 \"schema\" 字段，应为 %q。", "has no \"schema\" member; expected %q.")
	msgSchemaNotStr = i18n.T("的 \"schema\" 是%s；应为文本 %q。", "has \"schema\" as %s; it must be the text %q.")
	msgWrongSchema  = i18n.T("的格式是 %q，只支持 %q。", "has schema %q; only %q is supported.")
	msgBadTakenAt   = i18n.T("的 \"taken_at\" 是%s；应为日期时间，例如 2026-01-31T08:00:00+08:00。", "has \"taken_at\" as %s; it must be a date and time such as 2026-01-31T08:00:00+08:00.")
	msgWrongValue   = i18n.T("第 %d 行第 %d 列的值不对：%q 应该是%s，而不是%s。", "has a wrong value at line %d, column %d: %q must be %s, not %s.")
	msgTooMany      = i18n.T("列出了超过 %d 个%s；没有电脑有这么多，这不是 actwiz 写的快照。", "lists more than %d %s; no PC has that many, so actwiz did not write it.")
	wordDisks       = i18n.T("硬盘", "disks")
	wordNICs        = i18n.T("网卡", "network adapters")
)

// checkHead judges the members decoded before the whole snapshot.
func checkHead(schema, takenAt json.RawMessage, disks, nics int) i18n.Text {
	var name string
	switch {
	case schema == nil || string(schema) == "null":
		return msgNoSchema.F(Schema)
	case json.Unmarshal(schema, &name) != nil:
		return msgSchemaNotStr.F(describe(schema), Schema)
	case name != Schema:
		return msgWrongSchema.F(machinetext.Clip(name, quoteLen), Schema)
	case disks > MaxDisks:
		return msgTooMany.F(MaxDisks, wordDisks)
	case nics > MaxNICs:
		return msgTooMany.F(MaxNICs, wordNICs)
	}
	if takenAt != nil && string(takenAt) != "null" {
		var at string
		if json.Unmarshal(takenAt, &at) != nil {
			return msgBadTakenAt.F(describe(takenAt))
		}
		if _, err := time.Parse(time.RFC3339, at); err != nil {
			return msgBadTakenAt.F(describe(takenAt))
		}
	}
	return i18n.Text{}
}

// counted is the number of elements of a JSON array, counted without
// decoding them, up to one more than the larger bound.
type counted int

func (c *counted) UnmarshalJSON(data []byte) error {
	*c = counted(countElements(data, max(MaxDisks, MaxNICs)+1))
	return nil
}

// countElements counts the elements of the array in data (0 for anything
// else), stopping at limit. encoding/json has validated data.
func countElements(data []byte, limit int) int {
	data = bytes.TrimSpace(data)
	if len(data) < 2 || data[0] != '[' || len(bytes.TrimSpace(data[1:len(data)-1])) == 0 {
		return 0
	}
	n, depth, inString := 1, 0, false
	for i := 1; i < len(data)-1 && n < limit; i++ {
		switch c := data[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
		case c == ',' && depth == 0:
			n++
		}
	}
	return n
}

// jsonProblem says where and what in words a person can act on, not in
// Go's types.
func jsonProblem(data []byte, err error) i18n.Text {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn) && syn.Offset >= int64(len(data)):
		return msgNotJSON.F(msgEndsEarly)
	case errors.As(err, &syn):
		line, col := position(data, syn.Offset)
		return msgNotJSON.F(msgAt.F(line, col, i18n.T("这里的字符不符合 JSON 格式", syn.Error())))
	case errors.As(err, &typ) && typ.Field == "":
		return msgNotObject.F(valueWord(typ.Value))
	case errors.As(err, &typ):
		// The offset is just past the value; point at its start.
		line, col := position(data, valueStart(data, typ.Offset))
		return msgWrongValue.F(line, col, typ.Field, typeWord(typ.Type), valueWord(typ.Value))
	}
	return msgNotJSON.F(err)
}

// describe names what a raw JSON value is, quoting it (shortened) when it
// is text or a number.
func describe(raw json.RawMessage) i18n.Text {
	raw = bytes.TrimSpace(raw)
	var s string
	switch {
	case json.Unmarshal(raw, &s) == nil:
		return i18n.T("文本 %q", "the text %q").F(machinetext.Clip(s, quoteLen))
	case len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9'):
		return i18n.T("数字 %s", "the number %s").F(machinetext.Clip(string(raw), quoteLen))
	case len(raw) > 0 && raw[0] == '[':
		return valueWord("array")
	case len(raw) > 0 && raw[0] == '{':
		return valueWord("object")
	}
	return valueWord("bool")
}

// valueWord names a JSON value's kind as encoding/json reports it
// ("array", "number 1.5").
func valueWord(v string) i18n.Text {
	switch {
	case v == "string":
		return i18n.T("文本", "text")
	case v == "array":
		return i18n.T("列表 [ … ]", "a list [ … ]")
	case v == "object":
		return i18n.T("对象 { … }", "an object { … }")
	case v == "bool":
		return i18n.T("true 或 false", "true or false")
	case len(v) > len("number ") && v[:len("number ")] == "number ":
		return i18n.T("数字 %s", "the number %s").F(machinetext.Clip(v[len("number "):], quoteLen))
	}
	return i18n.T("数字", "a number")
}

// typeWord names what a Go type accepts, in a snapshot's terms.
func typeWord(t reflect.Type) i18n.Text {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return i18n.T("文本或 null", "text or null")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return i18n.T("整数或 null", "a whole number or null")
	case reflect.Float32, reflect.Float64:
		return i18n.T("数字或 null", "a number or null")
	case reflect.Bool:
		return i18n.T("true、false 或 null", "true, false or null")
	case reflect.Slice, reflect.Array:
		return i18n.T("列表 [ … ] 或 null", "a list [ … ] or null")
	}
	return i18n.T("对象 { … } 或 null", "an object { … } or null")
}

// valueStart moves back to a value's first byte from the offset
// encoding/json reports: just past a string or number, just past the
// opening bracket of a list or object.
func valueStart(data []byte, end int64) int64 {
	i := min(max(end, 1), int64(len(data))) - 1
	switch data[i] {
	case '[', '{':
		return i
	case '"':
		for i--; i > 0; i-- {
			if data[i] != '"' {
				continue
			}
			n := 0 // an odd number of backslashes escapes the quote
			for p := i - 1; p >= 0 && data[p] == '\\'; p-- {
				n++
			}
			if n%2 == 0 {
				return i
			}
		}
		return 0
	}
	for i > 0 && bytes.IndexByte([]byte("0123456789+-.eEtruefalsn"), data[i-1]) >= 0 {
		i--
	}
	return i
}

func position(data []byte, offset int64) (line, col int) {
	offset = min(max(offset, 0), int64(len(data)))
	line = 1 + bytes.Count(data[:offset], []byte{'\n'})
	col = int(offset) - bytes.LastIndexByte(data[:offset], '\n')
	return line, col
}
