package steps

import (
	"context"

	"actwiz/internal/i18n"
)

// QuestionKind says what sort of answer a question takes.
type QuestionKind int

const (
	// Confirm takes yes or no; Default "y" or "n".
	Confirm QuestionKind = iota
	// Choose takes one of Choices by its Value.
	Choose
	// ChooseMany takes any subset of Choices (a checklist).
	ChooseMany
	// Input takes a line of text; Secret hides it while typed.
	Input
	Secret
)

// Choice is one option of a Choose or ChooseMany question.
type Choice struct {
	Value    string
	Label    i18n.Text
	Selected bool // preselected in a ChooseMany
}

// Question asks the user something; the step waits for the answer. A view
// shows Prompt, takes the answer, checks it with Validate (a non-empty
// text is the problem to show, and the question is asked again), and calls
// Reply exactly once.
type Question struct {
	Step     string
	ID       string
	Prompt   i18n.Text
	Help     i18n.Text
	Kind     QuestionKind
	Choices  []Choice
	Default  string
	Validate func(answer string) i18n.Text
	reply    chan Answer
}

// Answer is the user's reply. Values holds the chosen values of a
// ChooseMany; Text holds everything else ("y"/"n" for Confirm). Cancelled
// means the user backed out.
type Answer struct {
	Text      string
	Values    []string
	Cancelled bool
}

// Reply delivers the user's answer to the waiting step.
func (q *Question) Reply(a Answer) {
	select {
	case q.reply <- a:
	default: // answered already
	}
}

// Ask emits q and waits for the answer or for ctx to end.
func Ask(ctx context.Context, emit func(Event), q *Question) (Answer, error) {
	q.reply = make(chan Answer, 1)
	emit(q)
	select {
	case a := <-q.reply:
		return a, nil
	case <-ctx.Done():
		return Answer{Cancelled: true}, ctx.Err()
	}
}
