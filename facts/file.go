package facts

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"actwiz/atomicfile"
)

// maxSnapshotBytes bounds what Load reads: a real snapshot is a few KiB, and
// a wrong file (a disk image, a log) must be refused, not read into memory.
const maxSnapshotBytes = 8 << 20

// ErrInput marks errors caused by a bad input file (exit status 2).
var ErrInput = errors.New("bad input")

// Load reads and validates a snapshot file.
func Load(path string) (Snapshot, error) {
	f, err := os.Open(path)
	if err != nil {
		return Snapshot{}, fmt.Errorf("%w: cannot read snapshot %s: %v", ErrInput, path, pathReason(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSnapshotBytes+1))
	if err != nil {
		return Snapshot{}, fmt.Errorf("%w: cannot read snapshot %s: %v", ErrInput, path, pathReason(err))
	}
	if len(data) > maxSnapshotBytes {
		return Snapshot{}, fmt.Errorf("%w: snapshot %s is larger than %d MiB; it is not an actwiz snapshot", ErrInput, path, maxSnapshotBytes>>20)
	}
	s, err := Parse(data)
	if err != nil {
		return Snapshot{}, fmt.Errorf("%w: snapshot %s %v", ErrInput, path, err)
	}
	return s, nil
}

// Parse decodes a snapshot. Its errors read as the end of a sentence that
// starts with the file's name ("snapshot X " + err).
func Parse(data []byte) (Snapshot, error) {
	var head struct {
		Schema *string `json:"schema"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return Snapshot{}, fmt.Errorf("is not valid JSON (%s)", jsonProblem(data, err))
	}
	if head.Schema == nil {
		return Snapshot{}, fmt.Errorf("has no \"schema\" member; expected %q", Schema)
	}
	if *head.Schema != Schema {
		return Snapshot{}, fmt.Errorf("has schema %q; only %q is supported", *head.Schema, Schema)
	}
	var s Snapshot
	if err := json.Unmarshal(data, &s); err != nil {
		return Snapshot{}, fmt.Errorf("does not match %s (%s)", Schema, jsonProblem(data, err))
	}
	if s.Errors == nil {
		s.Errors = map[string]string{}
	}
	return s, nil
}

// Save writes the snapshot as indented JSON, whole or not at all.
func Save(path string, s Snapshot) error {
	data, err := Marshal(s)
	if err != nil {
		return err
	}
	return atomicfile.WriteBytes(path, 0o644, data)
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

func pathReason(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
