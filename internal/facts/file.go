package facts

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"actwiz/internal/files"
	"actwiz/internal/i18n"
)

// MaxDisks and MaxNICs bound what one snapshot or report may list: a PC
// has a handful of each, and a file listing a million must be refused
// before it takes gigabytes to hold.
const (
	MaxDisks = 1024
	MaxNICs  = 1024
)

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
)

// Load reads and validates a snapshot file.
func Load(path string) (Snapshot, error) { return LoadContext(context.Background(), path) }

// LoadContext is Load ending with ctx's error when ctx ends first.
func LoadContext(ctx context.Context, path string) (Snapshot, error) {
	fail := func(problem i18n.Text) (Snapshot, error) {
		return Snapshot{}, &InputError{Path: path, Problem: problem}
	}
	data, err := files.ReadText(ctx, path, files.MaxInput)
	if problem, ok := readProblem(err); ok {
		return fail(problem)
	}
	if err != nil {
		return Snapshot{}, err
	}
	s, problem := parse(data)
	if !problem.Empty() {
		return fail(problem)
	}
	return s, nil
}

// readProblem words an error of files.ReadText as the end of a sentence
// naming the file; false for ctx's errors, which are not the file's fault.
func readProblem(err error) (i18n.Text, bool) {
	var nr *files.NotRegularError
	var tl *files.TooLargeError
	switch {
	case err == nil, errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return i18n.Text{}, false
	case errors.As(err, &nr):
		return i18n.T(nr.Problem()), true
	case errors.As(err, &tl):
		return msgTooLarge.F(tl.Limit >> 20), true
	}
	return msgUnreadable.F(files.Reason(err)), true
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
	data, err := files.Text(data)
	if err != nil {
		return Snapshot{}, msgNotJSON.F(err)
	}
	// The members that would otherwise fail with Go's words, or take
	// gigabytes, are looked at first.
	var head struct {
		Schema  json.RawMessage `json:"schema"`
		TakenAt json.RawMessage `json:"taken_at"`
		Disks   counted         `json:"disks"`
		NICs    counted         `json:"nics"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return Snapshot{}, jsonProblem(data, err)
	}
	if problem := checkHead(head.Schema, head.TakenAt, int(head.Disks), int(head.NICs)); !problem.Empty() {
		return Snapshot{}, problem
	}
	var s Snapshot
	if err := json.Unmarshal(data, &s); err != nil {
		return Snapshot{}, jsonProblem(data, err)
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
