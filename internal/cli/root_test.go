package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
	"github.com/spf13/pflag"

	"actwiz/internal/i18n"

	"actwiz/internal/facts"
)

var update = flag.Bool("update", false, "rewrite the golden help files (review the diff)")

// TestHelpGolden compares help with reviewed text: the README's command
// list with every flag, metavars FILE/DIR and the values allowed, never
// pflag's type names.
func TestHelpGolden(t *testing.T) {
	cases := []struct {
		file string
		args []string
	}{
		{"help_en.golden", []string{"help", "--lang", "en"}},
		{"help_zh.golden", []string{"--help", "--lang", "zh"}},
		{"help_check_en.golden", []string{"help", "check", "--lang", "en"}},
		{"help_check_zh.golden", []string{"check", "--help", "--lang", "zh"}},
		{"help_collect_zh.golden", []string{"collect", "/?", "--lang", "zh"}},
		{"help_fleet_en.golden", []string{"fleet", "-?", "--lang", "en"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			r := run(t, facts.Snapshot{}, c.args...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			path := filepath.Join("testdata", c.file)
			if *update {
				os.WriteFile(path, []byte(r.stdout), 0o644)
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if r.stdout != string(want) {
				t.Errorf("help differs from %s:\n%s", path, r.stdout)
			}
		})
	}
}

// TestHelpLayout holds for every command in both languages, golden or not.
func TestHelpLayout(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		for _, mk := range commands {
			name := mk().Name()
			r := run(t, facts.Snapshot{}, "help", name, "--lang", lang)
			for _, l := range strings.Split(r.stdout, "\n") {
				if w := uniseg.StringWidth(l); w > helpWidth {
					t.Errorf("help %s --lang %s: line of %d columns: %q", name, lang, w, l)
				}
				if strings.Contains(l, " string") || strings.Contains(l, "(report.dir)") {
					t.Errorf("help %s --lang %s: pflag's type name or default shown: %q", name, lang, l)
				}
			}
			syn := strings.SplitN(r.stdout, "\n"+mk().Summary().In(langOf(lang)), 2)[0]
			fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
			mk().Flags(fs)
			fs.VisitAll(func(f *pflag.Flag) {
				if !f.Hidden && !strings.Contains(syn, "[--"+f.Name) && !(f.Shorthand != "" && strings.Contains(syn, "[-"+f.Shorthand)) {
					t.Errorf("help %s: the synopsis leaves out --%s:\n%s", name, f.Name, syn)
				}
			})
		}
	}
}

func TestVersionFlagsAndHelpAliases(t *testing.T) {
	version := run(t, facts.Snapshot{}, "version", "--lang", "en").stdout
	for _, args := range [][]string{{"--version"}, {"-v"}, {"--lang", "en", "-v"}} {
		r := run(t, facts.Snapshot{}, append(args, "--lang", "en")...)
		if r.code != 0 || r.stdout != version {
			t.Errorf("actwiz %v: exit %d, stdout %q, want the version command's %q", args, r.code, r.stdout, version)
		}
	}
	top := run(t, facts.Snapshot{}, "help", "--lang", "en").stdout
	for _, args := range [][]string{{"--help"}, {"-h"}, {"/?"}, {"-?"}} {
		r := run(t, facts.Snapshot{}, append(args, "--lang", "en")...)
		if r.code != 0 || r.stdout != top {
			t.Errorf("actwiz %v: exit %d, want the top-level help; stdout %q stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
}

func TestCommandLineForms(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"did you mean", []string{"chek", "--lang", "en"}, 2, "Did you mean 'actwiz check'?"},
		{"did you mean zh", []string{"chek", "--lang", "zh"}, 2, "是不是要用 actwiz check"},
		// --only's value is not a command: the command is collect, which
		// then refuses the format (before collecting anything).
		{"global --only", []string{"--only", "network", "collect", "--format", "xml", "--lang", "en"}, 2, `--format "xml"`},
		{"collect -o", []string{"collect", "-o", "out", "--lang", "en"}, 2, "--output out"},
		{"unknown flag zh", []string{"check", "--colour", "--lang", "zh"}, 2, "没有 --colour 这个参数。运行 actwiz help check"},
		{"unknown flag en", []string{"check", "--colour", "--lang", "en"}, 2, "There is no option --colour. Run 'actwiz help check'"},
		{"unknown short zh", []string{"fleet", "-x", "--lang", "zh"}, 2, "没有 -x 这个参数"},
		{"missing value zh", []string{"--lang", "zh", "check", "--snapshot"}, 2, "--snapshot 后面需要一个值"},
		{"missing value en", []string{"--lang", "en", "check", "--snapshot"}, 2, "--snapshot needs a value"},
		{"bad value zh", []string{"--lang", "zh", "collect", "--redact=maybe"}, 2, `--redact 的值 "maybe" 无效：只能是 true 或 false`},
		{"bad value en", []string{"--lang", "en", "collect", "--redact=maybe"}, 2, `"maybe" is not a valid value for --redact: use true or false`},
		{"completion no shell", []string{"completion", "--lang", "en"}, 2, "bash, zsh, fish or powershell"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, sample(), c.args...)
			if r.code != c.code || !strings.Contains(r.stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.stderr, c.code, c.want)
			}
		})
	}
}

func TestCompletion(t *testing.T) {
	for _, shell := range completionShells {
		r := run(t, facts.Snapshot{}, "completion", shell)
		if r.code != 0 || !strings.Contains(r.stdout, "__complete") {
			t.Errorf("completion %s: exit %d, stderr %q", shell, r.code, r.stderr)
		}
	}
	r := run(t, facts.Snapshot{}, "__complete", "ch")
	if !strings.HasPrefix(r.stdout, "check\t") {
		t.Errorf("completing 'actwiz ch': %q", r.stdout)
	}
	r = run(t, facts.Snapshot{}, "__complete", "check", "--format", "")
	if !strings.Contains(r.stdout, "text\njson\n") {
		t.Errorf("completing check --format: %q", r.stdout)
	}
}

// TestBashCompletionScript sources the script in a real bash and asks it to
// complete "actwiz ch", the script calling a built actwiz.
func TestBashCompletionScript(t *testing.T) {
	// The script needs the bash-completion package, as in any shell that
	// completes (Debian: apt-get install bash-completion).
	const bashCompletion = "/usr/share/bash-completion/bash_completion"
	if _, err := os.Stat(bashCompletion); err != nil {
		t.Skip("no bash-completion package")
	}
	dir := t.TempDir()
	exe := filepath.Join(dir, "actwiz")
	if out, err := exec.Command("go", "build", "-o", exe, "actwiz").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	script := `source ` + bashCompletion + ` && source <(actwiz completion bash) && complete -p actwiz &&
COMP_WORDS=(actwiz ch); COMP_CWORD=1; COMP_LINE="actwiz ch"; COMP_POINT=${#COMP_LINE}
__start_actwiz actwiz ch actwiz; printf 'got:%s\n' "${COMPREPLY[@]}"`
	cmd := exec.Command("bash", "-c", script)
	cmd.Env = append(os.Environ(), "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "-F __start_actwiz actwiz") || !strings.Contains(string(out), "got:check") {
		t.Errorf("bash completion: %v\n%s", err, out)
	}
}

func langOf(s string) i18n.Lang {
	l, _ := i18n.Parse(s)
	return l
}

// TestExitCodeMapping: bad input is 2, a failure that is not the input's
// fault has its own code, a cancellation is 130.
func TestExitCodeMapping(t *testing.T) {
	cases := []struct {
		err  error
		want int
	}{
		{usagef(msgUnexpectedArg, "x", "check"), ExitUsage},
		{inputError{msgCancelled}, ExitUsage},
		{fmt.Errorf("writing: %w", errors.New("disk on fire")), ExitRuntime},
		{fmt.Errorf("run: %w", context.Canceled), 130},
	}
	for _, c := range cases {
		var out, errOut bytes.Buffer
		if got := reportError(testEnv(&out, &errOut), i18n.EN, c.err); got != c.want {
			t.Errorf("%v: exit %d, want %d", c.err, got, c.want)
		}
	}
}
