package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"actwiz/internal/i18n"
	"actwiz/internal/platform/ttyecho"
)

// maxSecretLine bounds the line readSecret reads: a serial is under 64
// characters, and "actwiz serial < /dev/zero" must not fill the memory.
const maxSecretLine = 4 << 10

var msgSecretTooLong = i18n.T("输入的第一行超过 %d KiB，不是序列号；请只输入一行序列号。", "The first line of input is longer than %d KiB, so it is not a serial; give one line holding the serial.")

// readSecret reads one line (at most maxSecretLine bytes) from in. On a terminal the typed characters
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
		// One more byte than a line may hold tells a long line (or
		// /dev/zero, which has none) from one that fits.
		s, err := bufio.NewReader(io.LimitReader(in, maxSecretLine+1)).ReadString('\n')
		got <- line{s, err}
	}()
	select {
	case l := <-got:
		restore()
		if l.err != nil && !errors.Is(l.err, io.EOF) {
			return "", fmt.Errorf("reading the serial: %w", l.err)
		}
		text := strings.TrimRight(l.text, "\r\n")
		if len(text) > maxSecretLine {
			return "", usagef(msgSecretTooLong, maxSecretLine>>10)
		}
		return text, nil
	case <-ctx.Done():
		// The terminal gets its echo back even though the read goes on.
		restore()
		return "", ctx.Err()
	}
}
