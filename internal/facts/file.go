package facts

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"actwiz/internal/files"
	"actwiz/internal/i18n"
)

// maxSnapshotBytes bounds what Load reads: a real snapshot is a few KiB, and
// a wrong file (a disk image, a log) must be refused, not read into memory.
const maxSnapshotBytes = 8 << 20

// InputError is a snapshot file that cannot be used: the command line
// reports it in the user's language and exits 2.
type InputError struct {
	Path    string
	Problem i18n.Text
}

func (e *InputError) Error() string { return e.Text().EN }

// Text is the whole message: the file's name and the problem.
func (e *InputError) Text() i18n.Text { return msgSnapshotFile.F(e.Path, e.Problem) }

var (
	msgSnapshotFile = i18n.T("快照文件 %s %s", "Snapshot file %s %s")
	msgUnreadable   = i18n.T("无法读取：%v。", "cannot be read: %v.")
	msgTooLarge     = i18n.T("超过 %d MiB，不是 actwiz 快照。", "is larger than %d MiB; it is not an actwiz snapshot.")
	msgNotJSON      = i18n.T("不是有效的 JSON（%s）。", "is not valid JSON (%s).")
	msgNoSchema     = i18n.T("没有 \"schema\" 字段，应为 %q。", "has no \"schema\" member; expected %q.")
	msgWrongSchema  = i18n.T("的格式是 %q，只支持 %q。", "has schema %q; only %q is supported.")
	msgWrongShape   = i18n.T("不符合 %s 格式（%s）。", "does not match %s (%s).")
)

// Load reads and validates a snapshot file.
func Load(path string) (Snapshot, error) {
	fail := func(problem i18n.Text) (Snapshot, error) {
		return Snapshot{}, &InputError{Path: path, Problem: problem}
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(msgUnreadable.F(files.Reason(err)))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSnapshotBytes+1))
	if err != nil {
		return fail(msgUnreadable.F(files.Reason(err)))
	}
	if len(data) > maxSnapshotBytes {
		return fail(msgTooLarge.F(maxSnapshotBytes >> 20))
	}
	s, problem := parse(data)
	if !problem.Empty() {
		return fail(problem)
	}
	return s, nil
}

// Parse decodes a snapshot from memory.
func Parse(data []byte) (Snapshot, error) {
	s, problem := parse(data)
	if !problem.Empty() {
		return Snapshot{}, &InputError{Path: "(data)", Problem: problem}
	}
	return s, nil
}

func parse(data []byte) (Snapshot, i18n.Text) {
	var head struct {
		Schema *string `json:"schema"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return Snapshot{}, msgNotJSON.F(jsonProblem(data, err))
	}
	if head.Schema == nil {
		return Snapshot{}, msgNoSchema.F(Schema)
	}
	if *head.Schema != Schema {
		return Snapshot{}, msgWrongSchema.F(*head.Schema, Schema)
	}
	var s Snapshot
	if err := json.Unmarshal(data, &s); err != nil {
		return Snapshot{}, msgWrongShape.F(Schema, jsonProblem(data, err))
	}
	if s.Errors == nil {
		s.Errors = map[string]string{}
	}
	return s, i18n.Text{}
}

// Save writes the snapshot as indented JSON, whole or not at all.
func Save(path string, s Snapshot) error {
	data, err := Marshal(s)
	if err != nil {
		return err
	}
	return files.WriteBytes(path, 0o644, data)
}

// Marshal renders the snapshot as indented JSON with a final newline, with
// every section's error key present so readers can rely on them.
func Marshal(s Snapshot) ([]byte, error) {
	s.Schema = Schema
	errs := make(map[string]string, len(s.Errors)+len(Sections))
	for _, sec := range Sections {
		errs[string(sec)] = ""
	}
	for k, v := range s.Errors {
		errs[k] = v
	}
	s.Errors = errs
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, fmt.Errorf("encoding snapshot: %w", err)
	}
	return buf.Bytes(), nil
}

// jsonProblem says where and what in words a person can act on.
func jsonProblem(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := position(data, syn.Offset)
		return fmt.Sprintf("line %d, column %d: %s", line, col, syn.Error())
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset)
		field := typ.Field
		if field == "" {
			field = "top level"
		}
		return fmt.Sprintf("line %d, column %d: %s must be %s, not %s", line, col, field, typ.Type, typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the file ends too early"
	}
	return err.Error()
}

func position(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	line = 1 + bytes.Count(data[:offset], []byte{'\n'})
	col = int(offset) - bytes.LastIndexByte(data[:offset], '\n')
	return line, col
}
