package collect

import (
	"os"
	"time"

	"actwiz/internal/i18n"
)

// Status is how a collector ended.
type Status string

const (
	Pass Status = "pass"
	Warn Status = "warn" // output kept but cut short: truncated, timed out, some files unreadable
	Fail Status = "fail"
	Skip Status = "skip"
)

// Result is what one collector produced, as the manifest records it.
type Result struct {
	Collector Collector
	Status    Status
	// ExitCode is the command's exit status; nil when no command ran or it
	// was killed.
	ExitCode  *int
	Duration  time.Duration
	Truncated bool
	Problem   i18n.Text
	Files     []FileRecord
	Skipped   []SkippedFile
	// LeftOut are binary files a redacted package does not hold.
	LeftOut []LeftOutFile
	// NeedsAdmin is set when access was denied and actwiz was not
	// elevated: run as administrator, the collector would get more.
	NeedsAdmin bool
	// elevated is whether actwiz ran with administrator rights.
	elevated bool
	// started is when the collector began, for Duration.
	started time.Time
}

// Bytes is the size of everything the collector put in the package.
func (r *Result) Bytes() int64 {
	var n int64
	for _, f := range r.Files {
		n += f.Size
	}
	return n
}

// FileRecord is one file in the package.
type FileRecord struct {
	Path      string `json:"path"`
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
	Source    string `json:"source,omitempty"`
	Truncated bool   `json:"truncated,omitempty"`
	// Redaction is RedactionRedacted in a redacted package, Encoding the
	// text encoding it was redacted in (and is still written in).
	Redaction string `json:"redaction,omitempty"`
	Encoding  string `json:"encoding,omitempty"`
}

// LeftOutFile is a file a redacted package does not hold, and why.
type LeftOutFile struct {
	Path      string `json:"path"`
	Source    string `json:"source,omitempty"`
	Redaction string `json:"redaction"`
	Reason    string `json:"reason"`
	ReasonZH  string `json:"reason_zh"`
}

// SkippedFile is a file that matched but could not be read.
type SkippedFile struct {
	Source string `json:"source"`
	Reason string `json:"reason"`
	// Denied is set when the account may not read it.
	Denied bool `json:"denied,omitempty"`
}

var (
	problemSomeSkipped = i18n.T("有 %d 个文件无法读取，已跳过", "%d file(s) could not be read and were skipped")
	problemAllSkipped  = i18n.T("匹配的 %d 个文件都无法读取", "none of the %d matching file(s) could be read")
	problemFileCapped  = i18n.T("有文件超过 %d 字节，只保留了末尾部分", "a file was larger than %d bytes; only its end was kept")
	problemReadFailed  = i18n.T("读取中途出错：%s", "reading stopped halfway: %s")
)

// settle decides the status of a collector whose files have been packed.
func (r *Result) settle() {
	r.Duration = time.Since(r.started)
	if r.Status != Pass {
		return
	}
	switch {
	case len(r.Skipped) > 0 && len(r.Files) == 0:
		r.Status = Fail
		if r.Problem.Empty() {
			r.Problem = problemAllSkipped.F(len(r.Skipped))
		}
	case len(r.Skipped) > 0:
		r.Status = Warn
		if r.Problem.Empty() {
			r.Problem = problemSomeSkipped.F(len(r.Skipped))
		}
	case r.Truncated:
		r.Status = Warn
		if r.Problem.Empty() {
			r.Problem = problemFileCapped.F(r.Collector.maxBytes())
		}
	case len(r.LeftOut) > 0:
		// Deliberate, and said in the manifest: a warning, not a failure.
		r.Status = Warn
		if r.Problem.Empty() {
			r.Problem = problemLeftOut.F(len(r.LeftOut))
		}
	}
	if what, ok := firstDenied(r.Skipped); ok && r.Status != Pass {
		r.Problem, r.NeedsAdmin = AccessProblem(r.elevated, os.ErrPermission, what, r.Problem)
	}
}
