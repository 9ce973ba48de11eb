package wine

import (
	"context"
	"strings"
	"testing"
	"time"

	"actwiz/internal/winetest"
)

// TestCommandLineUnderWine runs the real actwiz.exe with what a Windows
// admin types: "/?" and "-?" for help, -v for the version, a mistyped
// command, and the completion script for PowerShell.
func TestCommandLineUnderWine(t *testing.T) {
	env := winetest.Start(t)
	cases := []struct {
		args     []string
		code     int
		stdout   string
		stderr   string
		noStdout bool
	}{
		{args: []string{"/?"}, stdout: "actwiz [COMMAND] [OPTIONS]"},
		{args: []string{"check", "-?"}, stdout: "actwiz check [--snapshot FILE]"},
		{args: []string{"-v"}, stdout: "actwiz "},
		{args: []string{"chek"}, code: 2, stderr: "Did you mean 'actwiz check'?", noStdout: true},
		{args: []string{"completion", "powershell"}, stdout: "Register-ArgumentCompleter"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			res, err := env.Run(ctx, append(c.args, "--lang", "en")...)
			if err != nil {
				t.Fatal(err)
			}
			out, errOut := string(res.Stdout), string(res.Stderr)
			if res.ExitCode != c.code || !strings.Contains(out, c.stdout) || !strings.Contains(errOut, c.stderr) || (c.noStdout && out != "") {
				t.Errorf("exit %d (want %d)\nstdout:\n%s\nstderr:\n%s", res.ExitCode, c.code, out, errOut)
			}
		})
	}
}
