// Package steps holds the wizard's steps. A step does its work in the
// background and reports what happens as events; when it needs the user it
// sends a Question and waits for the answer. The views (the Bubble Tea
// wizard and the line-by-line plain mode) only render events and send
// answers, so both show the same steps, results and questions.
//
// It may import config, checks and everything under internal/ that does the work; never ui or internal/cli, which drive it.
package steps

import (
	"context"
	"time"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
)

// Step is one stage of the wizard. Adding a step is one new type that
// satisfies this interface plus one line in the step list.
type Step interface {
	ID() string
	Title() i18n.Text
	// Items lists the checks the step will report, so a view can show
	// them as pending before they run.
	Items() []checks.Definition
	// Run does the work, reporting through emit. It returns when done or
	// when ctx is cancelled. It records its results in the session.
	Run(ctx context.Context, s *Session, emit func(Event))
}

// Session is what the steps of one run share: the facts read, the results
// so far, and what the user told us.
type Session struct {
	Facts   facts.Snapshot
	Source  Source
	Case    string
	Lang    i18n.Lang
	Started time.Time
	// Serial is the serial the user entered, normalised, for the
	// activation step; it is never written anywhere (reports mask it).
	Serial string
	// LogPackage is the log package the logs step wrote, LogMap its
	// redaction mapping (empty without redaction) and LogUploaded where it
	// was uploaded: empty until then, for the summary to point at.
	LogPackage, LogMap, LogUploaded string

	results map[string][]checks.Result
	order   []string
}

// Source says whether the facts come from this machine or a recording.
type Source struct {
	Snapshot bool
	File     string
}

// Record stores a step's results, replacing any from an earlier run of it.
func (s *Session) Record(step string, results []checks.Result) {
	if s.results == nil {
		s.results = map[string][]checks.Result{}
	}
	if _, ok := s.results[step]; !ok {
		s.order = append(s.order, step)
	}
	s.results[step] = results
}

// Results returns one step's results.
func (s *Session) Results(step string) []checks.Result { return s.results[step] }

// All returns every result, in the order the steps first ran.
func (s *Session) All() []checks.Result {
	var out []checks.Result
	for _, step := range s.order {
		out = append(out, s.results[step]...)
	}
	return out
}

// Event is something a running step reports.
type Event interface{ stepID() string }

// ItemStarted: a check has begun (its facts are being read).
type ItemStarted struct {
	Step string
	ID   string
}

// ItemDone: a check has its result.
type ItemDone struct {
	Step   string
	Result checks.Result
}

// Note is a line of progress worth showing ("reading disks…"). A note to
// Keep (a file written) stays on the step's screen until the step reruns,
// where other notes give way to the next.
type Note struct {
	Step string
	Text i18n.Text
	Keep bool
}

// Finished: the step is over; Err is set when it could not complete.
type Finished struct {
	Step string
	Err  error
}

func (e ItemStarted) stepID() string { return e.Step }
func (e ItemDone) stepID() string    { return e.Step }
func (e Note) stepID() string        { return e.Step }
func (e Finished) stepID() string    { return e.Step }
func (e *Question) stepID() string   { return e.Step }
