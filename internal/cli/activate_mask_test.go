package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"actwiz/internal/serial"
)

// The activation program echoes the serial in the forms clients print it;
// neither actwiz's output (text or JSON report) nor any file it wrote
// holds its hidden digits, in any spacing or width.
func TestActivateMasksTheSerialInEveryForm(t *testing.T) {
	helper := buildHelper(t)
	open := listening(t)
	for _, form := range []string{"dashes", "spaces", "each", "fullwidth", "lower"} {
		for _, format := range []string{"text", "json"} {
			t.Run(form+"/"+format, func(t *testing.T) {
				dir := t.TempDir()
				cfg := serialConfig(t, dir) + "activation:\n  endpoints: ['tcp://" + open + "']\n  timeout: 2s\n  command: [" +
					q(helper) + ", echo-as, " + form + ", '{serial}']\n"
				if err := os.WriteFile(filepath.Join(dir, "actwiz.yaml"), []byte(cfg), 0o644); err != nil {
					t.Fatal(err)
				}
				r := runMachine(t, dir, sample(), "activate", "--yes", "--serial", enteredSerial, "--lang", "en", "--format", format)
				if r.code != 0 || !strings.Contains(r.stdout, "AA*****025590") {
					t.Fatalf("exit %d; want 0 and the masked serial:\n%s%s", r.code, r.stdout, r.stderr)
				}
				assertNoSerial(t, dir, r)
				assertNoHiddenDigits(t, "output", r.stdout+r.stderr)
				filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
					if err == nil && !info.IsDir() && filepath.Base(path) != "CMGE_Active.log" && filepath.Base(path) != "actwiz.yaml" {
						data, _ := os.ReadFile(path)
						assertNoHiddenDigits(t, path, string(data))
					}
					return nil
				})
			})
		}
	}
}

// assertNoHiddenDigits fails when the digits the mask hides (0221 of
// AA02210025590) show in text, whatever separates or widens them.
func assertNoHiddenDigits(t *testing.T, where, text string) {
	t.Helper()
	if n := serial.Normalise(text); strings.Contains(n, "AA0221") || strings.Contains(n, "02210025590") {
		t.Errorf("%s holds the serial's hidden digits:\n%s", where, text)
	}
}
