package collect

import (
	"bytes"
	"encoding/json"
	"time"
)

// ManifestSchema is the value of the manifest's "schema" member.
const ManifestSchema = "actwiz.manifest/v1"

// ManifestName is the manifest's path in the zip.
const ManifestName = "manifest.json"

// Manifest is manifest.json at the root of the package: what was asked,
// what each collector did, and the hash of every file.
type Manifest struct {
	Schema    string       `json:"schema"`
	Tool      ManifestTool `json:"tool"`
	Case      string       `json:"case"`
	Host      string       `json:"host"`
	CreatedAt time.Time    `json:"created_at"`
	// Redacted: every entry was redacted as text (binary ones are left out
	// and listed in left_out), see redactedAll.
	Redacted   bool              `json:"redacted"`
	Collectors []CollectorRecord `json:"collectors"`
	// Files are actwiz's own files: the report and the facts snapshot.
	Files   []FileRecord  `json:"files"`
	LeftOut []LeftOutFile `json:"left_out,omitempty"`
}

type ManifestTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// CollectorRecord is one collector in the manifest. Error is English;
// ErrorZH is the same in Chinese.
type CollectorRecord struct {
	Name       string        `json:"name"`
	Category   string        `json:"category"`
	Source     string        `json:"source"`
	Status     Status        `json:"status"`
	ExitCode   *int          `json:"exit_code"`
	DurationMS int64         `json:"duration_ms"`
	Bytes      int64         `json:"bytes"`
	Truncated  bool          `json:"truncated"`
	Error      string        `json:"error"`
	ErrorZH    string        `json:"error_zh,omitempty"`
	Files      []FileRecord  `json:"files"`
	Skipped    []SkippedFile `json:"skipped,omitempty"`
	// NeedsAdmin: access was denied to a standard user.
	NeedsAdmin bool `json:"needs_admin,omitempty"`
	// LeftOut are binary files a redacted package does not hold.
	LeftOut []LeftOutFile `json:"left_out,omitempty"`
}

func recordOf(r *Result) CollectorRecord {
	files := r.Files
	if files == nil {
		files = []FileRecord{}
	}
	return CollectorRecord{
		Name: r.Collector.Name, Category: r.Collector.Category, Source: r.Collector.String(),
		Status: r.Status, ExitCode: r.ExitCode, DurationMS: r.Duration.Milliseconds(),
		Bytes: r.Bytes(), Truncated: r.Truncated, Error: r.Problem.EN, ErrorZH: r.Problem.ZH,
		Files: files, Skipped: r.Skipped, NeedsAdmin: r.NeedsAdmin, LeftOut: r.LeftOut,
	}
}

// redactedAll reports whether a package may say it is redacted: a
// redactor ran and every entry it holds went through it as text.
func redactedAll(r *Redactor, own []FileRecord, results []*Result) bool {
	if r == nil {
		return false
	}
	all := append([]FileRecord(nil), own...)
	for _, res := range results {
		all = append(all, res.Files...)
	}
	for _, f := range all {
		if f.Redaction != RedactionRedacted {
			return false
		}
	}
	return true
}

func (m Manifest) marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(m)
	return buf.Bytes(), err
}
