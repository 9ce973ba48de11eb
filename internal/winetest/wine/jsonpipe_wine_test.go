package wine

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/internal/winetest"
)

// TestJSONToAFileIsASCII runs the real actwiz.exe with stdout redirected to
// a file, as `actwiz check --format json | ConvertFrom-Json` in Windows
// PowerShell 5.1 receives it: the JSON must be ASCII only (PowerShell
// decodes it with the console code page) and still decode to the Chinese
// texts of the catalogue.
func TestJSONToAFileIsASCII(t *testing.T) {
	env := winetest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	path := filepath.Join(t.TempDir(), "check.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	cmd := env.Command(ctx, "check", "--format", "json", "--lang", "zh")
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = f, &stderr
	runErr := cmd.Run()
	f.Close()
	if ctx.Err() != nil {
		t.Fatalf("actwiz.exe check did not finish: %v; stderr:\n%s", runErr, stderr.String())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range data {
		if b >= 0x80 {
			t.Fatalf("byte %d of the JSON is not ASCII (0x%02x): %q", i, b, data[max(0, i-40):min(len(data), i+40)])
		}
	}
	var rep struct {
		Schema string
		Checks []struct{ ID, Title string }
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("the JSON does not decode: %v\n%s\nstderr:\n%s", err, data, stderr.String())
	}
	// The catalogue's Chinese titles (checks/serials.go).
	want := map[string]string{"bios.serial": "BIOS 序列号", "board.serial": "主板序列号"}
	for _, c := range rep.Checks {
		if w, ok := want[c.ID]; ok {
			if c.Title != w {
				t.Errorf("%s: title %q; want %q", c.ID, c.Title, w)
			}
			delete(want, c.ID)
		}
	}
	if rep.Schema != "actwiz.report/v1" || len(want) > 0 {
		t.Errorf("schema %q, checks missing: %v\n%s", rep.Schema, want, data)
	}
	if !strings.Contains(string(data), `\u5e8f\u5217\u53f7`) { // 序列号, escaped
		t.Errorf("Chinese not escaped as \\uXXXX:\n%s", data)
	}
}
