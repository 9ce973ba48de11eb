package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"actwiz/internal/platform/ttyecho"
)

// readSecret reads one line from in. On a terminal the typed characters
// are not echoed, so a serial never stays on screen or in a screen
// recording; piped input (echo … | actwiz serial) is read as it comes,
// which keeps the serial out of the process list that --serial shows.
func readSecret(ctx context.Context, in io.Reader, out io.Writer, prompt string) (string, error) {
	restore := func() {}
	if f, ok := in.(*os.File); ok {
		if r, ok := ttyecho.Off(f); ok {
			restore = r
			fmt.Fprint(out, prompt)
			defer fmt.Fprintln(out)
		}
	}
	type line struct {
		text string
		err  error
	}
	got := make(chan line, 1)
	go func() {
		s, err := bufio.NewReader(in).ReadString('\n')
		got <- line{s, err}
	}()
	select {
	case l := <-got:
		restore()
		if l.err != nil && !errors.Is(l.err, io.EOF) {
			return "", fmt.Errorf("reading the serial: %w", l.err)
		}
		return strings.TrimRight(l.text, "\r\n"), nil
	case <-ctx.Done():
		// The terminal gets its echo back even though the read goes on.
		restore()
		return "", ctx.Err()
	}
}
