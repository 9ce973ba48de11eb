package wine

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"actwiz/internal/winetest"
)

// TestContainerUnknownUnderWine: Wine's cfgmgr32 answers CR_FAILURE, so
// "In root container" is never read there, and Wine's disk is IDE with
// fixed media: nothing decides whether it is removable. Spec §2 makes
// disk.fixed and nic.fixed unknown then, and the text must not claim the
// container was read (before, both passed saying '"In root container" is
// True').
func TestContainerUnknownUnderWine(t *testing.T) {
	env := winetest.Start(t)
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			res, err := env.Run(ctx, "check", "--format", "json", "--lang", lang)
			if err != nil {
				t.Fatal(err)
			}
			var rep struct {
				Checks []struct {
					ID, Status, Observed, Hint, Detail string
				} `json:"checks"`
			}
			if err := json.Unmarshal(res.Stdout, &rep); err != nil {
				t.Fatalf("stdout is not a JSON report: %v\n%s\n%s", err, res.Stdout, res.Stderr)
			}
			status := map[string]string{}
			for _, c := range rep.Checks {
				status[c.ID] = c.Status
				if c.ID != "disk.fixed" && c.ID != "nic.fixed" {
					continue
				}
				t.Logf("%s %s: observed %q; detail %q", c.ID, c.Status, c.Observed, c.Detail)
				for _, claim := range []string{`"In root container" is True`, "InLocalMachineContainer=true", "“在根容器中”为“真”", "is inside the PC", "internal disk"} {
					if strings.Contains(c.Observed, claim) || strings.Contains(c.Detail, claim) {
						t.Errorf("%s claims %q, which Wine never lets actwiz read: observed %q, detail %q", c.ID, claim, c.Observed, c.Detail)
					}
				}
			}
			if status["disk.fixed"] != "unknown" {
				t.Errorf("disk.fixed is %q, want unknown", status["disk.fixed"])
			}
			// nic.fixed is judged only after nic.present passes; a build
			// machine whose interfaces Wine does not list skips it.
			want := "unknown"
			if status["nic.present"] != "pass" {
				want = "skip"
			}
			if status["nic.fixed"] != want {
				t.Errorf("nic.fixed is %q (nic.present %q), want %s", status["nic.fixed"], status["nic.present"], want)
			}
			if res.ExitCode != 1 {
				t.Errorf("exit status %d, want 1 (the serial checks fail)", res.ExitCode)
			}
		})
	}
}
