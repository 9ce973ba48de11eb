package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"actwiz/internal/i18n"
	"actwiz/internal/platform/elevation"
)

// The restarted actwiz's command line (elevation.Arguments with Resume)
// carries on at the step that offered the restart: no Welcome, the
// hardware again, then the serial asked again (resume activation) or the
// serial and activation skipped as done in the first window (resume logs).
func TestWizardResume(t *testing.T) {
	snapshot := filepath.Join("..", "..", "ui", "testdata", "snapshots", "whitebox-placeholders.json")
	cases := []struct {
		at, stdin  string
		want, lack []string
	}{
		{"activation", "ab-0123 4567890\n",
			[]string{"Restarted as administrator", "== Step 1 of 4: Hardware check ==", "== Step 2 of 4: Serial check ==",
				"type the serial once more", "PASS Serial format: AB*****567890", "== Step 3 of 4: Activation =="},
			[]string{"Case number (optional", "Done in the first window"}},
		{"logs", "",
			[]string{"Restarted as administrator", "== Step 1 of 4: Hardware check ==",
				"SKIP Serial format: -\n    Done in the first window", "SKIP Activation: -\n    Done in the first window",
				"== Step 4 of 4: Collect logs =="},
			[]string{"Case number (optional", "Type the serial to activate with"}},
	}
	for _, c := range cases {
		t.Setenv("XDG_DESKTOP_DIR", t.TempDir())
		env, out, errOut := wizardEnv(c.stdin)
		dir := t.TempDir()
		env.Getenv = func(k string) string { return map[string]string{"ACTWIZ_REPORT_DIR": dir}[k] }
		args := append([]string{"--snapshot", snapshot}, elevation.Arguments(elevation.Options{
			Case: "CAS-04851-R7R3X9", Lang: i18n.EN, Config: hermeticConfig(t), Args: []string{"wizard"}, Resume: c.at})...)
		code := Run(context.Background(), args, env)
		if code != ExitFail { // the snapshot's hardware fails
			t.Fatalf("%s: exit %d\nstdout:\n%s\nstderr:\n%s", c.at, code, out, errOut)
		}
		for _, w := range c.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s: output lacks %q:\n%s", c.at, w, out)
			}
		}
		for _, l := range c.lack {
			if strings.Contains(out.String(), l) {
				t.Errorf("%s: output has %q:\n%s", c.at, l, out)
			}
		}
	}
}

func TestWizardRefusesAnUnknownResumeStep(t *testing.T) {
	env, out, errOut := wizardEnv("")
	code := Run(context.Background(), []string{"wizard", "--resume", "welcome", "--lang", "en", "--plain"}, env)
	if code != ExitUsage || !strings.Contains(errOut.String(), `--resume "welcome" is not a step the wizard can carry on at; use one of: activation, logs.`) || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// The logs step does not know the configuration file; the wizard's
// restart adds it, and leaves one already set alone.
func TestRestartKeepsTheConfigFile(t *testing.T) {
	var got []elevation.Options
	restart := withConfig(func(o elevation.Options) error { got = append(got, o); return nil }, "a.yaml")
	_ = restart(elevation.Options{Resume: "logs"})
	_ = restart(elevation.Options{Config: "b.yaml"})
	if len(got) != 2 || got[0].Config != "a.yaml" || got[0].Resume != "logs" || got[1].Config != "b.yaml" {
		t.Errorf("restarted with %+v", got)
	}
}
