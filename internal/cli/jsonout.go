package cli

import (
	"fmt"
	"runtime"
	"unicode/utf16"
	"unicode/utf8"
)

// Windows PowerShell 5.1 decodes a native program's piped output with the
// console's code page (936 on Chinese Windows), not UTF-8, so
// `actwiz check --format json | ConvertFrom-Json` would garble every
// Chinese string. JSON escaped to ASCII (\uXXXX) reads the same under any
// code page and decodes to the same data. A console shows UTF-8 directly,
// and Linux pipes are UTF-8, so those keep readable Chinese.

// consoleProbe says whether a writer is a console (a terminal window), as
// opposed to a pipe or a file.
type consoleProbe interface {
	IsConsole(w any) bool
}

// stdoutProbe is the real probe, jsonGOOS the system; tests put others in
// their place.
var (
	stdoutProbe consoleProbe = osConsole{}
	jsonGOOS                 = runtime.GOOS
)

// asciiJSON decides: escape only on Windows, and only when stdout is not a
// console.
func asciiJSON(goos string, stdout any, probe consoleProbe) bool {
	return goos == "windows" && !probe.IsConsole(stdout)
}

// writeJSON is how every --format json reaches stdout.
func writeJSON(app *App, data []byte) error {
	if asciiJSON(jsonGOOS, app.Stdout, stdoutProbe) {
		data = escapeNonASCII(data)
	}
	if _, err := app.Stdout.Write(data); err != nil {
		return fmt.Errorf("writing JSON to stdout: %w", err)
	}
	return nil
}

// escapeNonASCII rewrites every non-ASCII character of a JSON text as
// \uXXXX (a surrogate pair beyond U+FFFF). In valid JSON such characters
// occur only inside strings, where the escape means the same character,
// so the data is unchanged. A byte that is not UTF-8 becomes U+FFFD, as
// encoding/json itself would read it.
func escapeNonASCII(data []byte) []byte {
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			out = append(out, data[i])
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		i += size
		if r > 0xFFFF {
			hi, lo := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, hi, lo)
			continue
		}
		out = fmt.Appendf(out, `\u%04x`, r)
	}
	return out
}
