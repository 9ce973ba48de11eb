package fleet

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestTopMembers(t *testing.T) {
	cases := []struct {
		name, in string
		want     map[string]string // raw values of the members; nil when malformed
	}{
		{"plain", `{"a": 1, "b": "x"}`, map[string]string{"a": "1", "b": `"x"`}},
		{"escaped quote and backslash", `{"a": "q\"\\", "b": "\\\\"}`, map[string]string{"a": `"q\"\\"`, "b": `"\\\\"`}},
		{"nested", ` {"a": {"x": [1, {"y": "]}"}]}, "b": [] , "c": {}} `, map[string]string{"a": `{"x": [1, {"y": "]}"}]}`, "b": "[]", "c": "{}"}},
		{"literals", `{"a":true,"b":null,"c":-1.5e3}`, map[string]string{"a": "true", "b": "null", "c": "-1.5e3"}},
		{"empty", `{}`, map[string]string{}},
		{"truncated", `{"a": [1, 2`, nil},
		{"open string", `{"a": "abc`, nil},
		{"missing colon", `{"a" 1}`, nil},
		{"missing comma", `{"a": 1 "b": 2}`, nil},
		{"trailing data", `{"a": 1} x`, nil},
		{"not an object", `[1]`, nil},
		{"empty file", ``, nil},
		{"depth bomb", `{"a": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := map[string]string{}
			err := topMembers([]byte(c.in), func(k, v []byte) error {
				got[string(k)] = string(v)
				return nil
			})
			if c.want == nil {
				if err == nil {
					t.Errorf("malformed input accepted: %v", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("error %v", err)
			}
			if len(got) != len(c.want) {
				t.Errorf("members %v, want %v", got, c.want)
			}
			for k, v := range c.want {
				if got[k] != v {
					t.Errorf("member %s = %q, want %q", k, got[k], v)
				}
				if !json.Valid([]byte(got[k])) {
					t.Errorf("member %s = %q is not a whole JSON value", k, got[k])
				}
			}
		})
	}
}

func TestElementsAndStringValue(t *testing.T) {
	var ids []string
	err := elements([]byte(`[{"id": "bios.serial", "hint": "a \"quoted\" hint"}, {"id": "caf\u00e9"}]`), func(e []byte) error {
		return members(e, func(k, v []byte) error {
			if string(k) == "id" {
				s, err := stringValue(v)
				ids = append(ids, s)
				return err
			}
			return nil
		})
	})
	if err != nil || len(ids) != 2 || ids[0] != "bios.serial" || ids[1] != "café" {
		t.Errorf("ids %q, err %v", ids, err)
	}
	if err := elements([]byte(`null`), func([]byte) error { t.Error("null has no elements"); return nil }); err != nil {
		t.Error(err)
	}
	if err := elements([]byte(`{}`), func([]byte) error { return nil }); err == nil {
		t.Error("an object is not an array")
	}
}
