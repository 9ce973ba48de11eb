package ui

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"actwiz/steps"
)

// run is one execution of a step: its Run goes in a goroutine and its
// events come out of a channel, one at a time. Both views read the same
// channel: the wizard through a command re-issued for each event (as glow
// streams results), the plain mode in a loop.
type run struct {
	events <-chan steps.Event
	cancel context.CancelFunc
}

// eventBuffer lets a step run ahead of a slow view without blocking; a
// step's whole event stream fits in it, so a cancelled run never hangs on a
// view that has stopped reading.
const eventBuffer = 256

func startRun(parent context.Context, step steps.Step, sess *steps.Session) *run {
	ctx, cancel := context.WithCancel(parent)
	ch := make(chan steps.Event, eventBuffer)
	go func() {
		defer close(ch)
		step.Run(ctx, sess, func(e steps.Event) {
			select {
			case ch <- e:
			case <-ctx.Done():
				select { // keep the Finished of a cancelled run if there is room
				case ch <- e:
				default:
				}
			}
		})
	}()
	return &run{events: ch, cancel: cancel}
}

// stepEventMsg carries one event of the step at index; gen tells a late
// event of an abandoned run from the current one's. closed means the run's
// goroutine has returned.
type stepEventMsg struct {
	index, gen int
	event      steps.Event
	closed     bool
}

// next waits for the run's next event.
func (r *run) next(index, gen int) tea.Cmd {
	return func() tea.Msg {
		e, ok := <-r.events
		return stepEventMsg{index: index, gen: gen, event: e, closed: !ok}
	}
}
