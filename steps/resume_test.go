package steps

import (
	"context"
	"testing"

	"actwiz/checks"
	"actwiz/internal/i18n"
)

// fakeStep records whether it ran.
type fakeStep struct {
	id  string
	ran bool
}

func (f *fakeStep) ID() string       { return f.id }
func (f *fakeStep) Title() i18n.Text { return i18n.T(f.id, f.id) }
func (f *fakeStep) Items() []checks.Definition {
	return []checks.Definition{{ID: f.id + ".a"}, {ID: f.id + ".b"}}
}
func (f *fakeStep) Run(_ context.Context, s *Session, emit func(Event)) {
	f.ran = true
	emit(Finished{Step: f.id})
}

// TestResume: what each step of a resumed wizard does, from the issue's
// design (issue 10 part 4): hardware again, the serial asked again with a
// reason before activation, serial and activation skipped before logs.
func TestResume(t *testing.T) {
	const runs, again, skipped = "runs", "runs after a note", "skipped"
	cases := []struct {
		at   string
		want map[string]string
	}{
		{ActivationID, map[string]string{HardwareID: runs, SerialID: again, ActivationID: runs, LogsID: runs}},
		{LogsID, map[string]string{HardwareID: runs, SerialID: skipped, ActivationID: skipped, LogsID: runs}},
		{"", map[string]string{HardwareID: runs, SerialID: runs, ActivationID: runs, LogsID: runs}},
		{"welcome", map[string]string{HardwareID: runs, SerialID: runs, ActivationID: runs, LogsID: runs}},
	}
	for _, c := range cases {
		list := []Step{&fakeStep{id: HardwareID}, &fakeStep{id: SerialID}, &fakeStep{id: ActivationID}, &fakeStep{id: LogsID}}
		sess := &Session{}
		for i, s := range Resume(list, c.at) {
			if s.ID() != list[i].ID() {
				t.Fatalf("at %q: step %d is %s, want %s", c.at, i, s.ID(), list[i].ID())
			}
			var notes []Note
			var done []checks.Result
			s.Run(context.Background(), sess, func(e Event) {
				switch e := e.(type) {
				case Note:
					notes = append(notes, e)
				case ItemDone:
					done = append(done, e.Result)
				}
			})
			got := runs
			switch {
			case !list[i].(*fakeStep).ran && len(done) == 2 && done[0].Status == checks.Skip && done[1].Status == checks.Skip &&
				done[0].Detail == MsgDoneFirstWindow && done[0].Detail.ZH != "" && !done[0].Hint.Empty():
				got = skipped
				if len(sess.Results(s.ID())) != 2 {
					t.Errorf("at %q: skipped %s recorded %v", c.at, s.ID(), sess.Results(s.ID()))
				}
			case !list[i].(*fakeStep).ran:
				got = "neither ran nor skipped"
			case len(notes) == 1 && notes[0].Text == MsgSerialAgain && notes[0].Keep:
				got = again
			}
			if got != c.want[s.ID()] {
				t.Errorf("at %q: %s %s, want %s", c.at, s.ID(), got, c.want[s.ID()])
			}
		}
	}
}
