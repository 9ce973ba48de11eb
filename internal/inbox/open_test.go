package inbox

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/i18n"
)

func TestFindingsInTheCaseLogs(t *testing.T) {
	path := makePackage(t, t.TempDir(), machine(), casePlants)
	o, err := Open(context.Background(), path, Options{Rules: checks.DefaultRules()})
	if err != nil {
		t.Fatal(err)
	}
	if !o.Integrity.OK || o.Integrity.Sidecar != "match" {
		t.Fatalf("integrity %+v", o.Integrity)
	}
	// What a support engineer reads in these logs, from the case and from
	// Microsoft's documentation of the codes; time is the line's own.
	want := []struct {
		source, code, time, event, inMeaning string
		line, count                          int
		fails                                bool
	}{
		{"spp-events-en.txt", "0xC004F074", "2021-10-12T10:23:45.123", "8198", "KMS", 15, 2, true},
		{"spp-events.xml", "0xC004C008", "2021-10-12T02:23:45.1234567Z", "8198 #4711", "activation count", 1, 1, true},
		{"cmge-client.log", "serial-mismatch", "2021-10-12 10:20:16", "", "FF*****700209", 3, 1, false},
		{"cmge-client.log", "client-server-error", "2021-10-12 10:20:31", "", "server error", 5, 2, true},
		{"winhttp-proxy-zh.txt", "winhttp-proxy", "", "", "10.20.30.40:8080", 4, 1, false},
		{"nslookup.txt", "dns-failure", "", "", "Name resolution failed", 4, 1, true},
	}
	got := map[string]Finding{}
	for _, f := range o.Findings {
		base := f.Source[strings.LastIndex(f.Source, "/")+1:]
		got[base+"|"+f.Code] = f
	}
	if len(o.Findings) != len(want) {
		for _, f := range o.Findings {
			t.Logf("found %s %s:%d %q", f.Code, f.Source, f.Line, f.Excerpt)
		}
		t.Errorf("%d findings; want %d", len(o.Findings), len(want))
	}
	for _, w := range want {
		f, ok := got[w.source+"|"+w.code]
		if !ok {
			t.Errorf("no %s in %s", w.code, w.source)
			continue
		}
		if f.Line != w.line || f.Time != w.time || f.Event != w.event || f.Count != w.count || f.Fails != w.fails {
			t.Errorf("%s in %s: line %d time %q event %q count %d fails %v; want %d %q %q %d %v", w.code, w.source, f.Line, f.Time, f.Event, f.Count, f.Fails, w.line, w.time, w.event, w.count, w.fails)
		}
		if !strings.Contains(f.Meaning.EN, w.inMeaning) || f.Meaning.ZH == "" || f.Hint.ZH == "" || f.Hint.EN == "" {
			t.Errorf("%s: meaning %+v hint %+v", w.code, f.Meaning, f.Hint)
		}
	}
	if o.ExitCode() != 1 {
		t.Errorf("exit %d; a finding says activation will fail", o.ExitCode())
	}
	// The serial typed in the client never leaves masked-free.
	for _, lang := range i18n.Langs {
		var text bytes.Buffer
		if err := o.WriteText(&text, lang, display.Choose("unicode", display.Env{Getenv: func(string) string { return "" }})); err != nil {
			t.Fatal(err)
		}
		js, _ := o.JSON(lang)
		for _, out := range [][]byte{text.Bytes(), js} {
			if bytes.Contains(out, []byte("AA02210025590")) {
				t.Errorf("%s output holds the full serial", lang)
			}
		}
	}
}

func TestRejudged(t *testing.T) {
	path := makePackage(t, t.TempDir(), machine(), nil)
	// The package was judged with the default placeholders; this site has
	// since learnt that ABC123456 is its boards' factory value.
	rules := checks.Rules{Placeholders: checks.NewPlaceholders([]string{"ABC123456"})}
	o, err := Open(context.Background(), path, Options{Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Changes) != 1 || o.Changes[0] != (Change{ID: "bios.serial", Was: checks.Pass, Now: checks.Fail}) {
		t.Errorf("changes %+v; want bios.serial pass → fail", o.Changes)
	}
	if o.ExitCode() != 1 {
		t.Errorf("exit %d; want 1 (a check fails today)", o.ExitCode())
	}
	same, err := Open(context.Background(), path, Options{Rules: checks.DefaultRules()})
	if err != nil {
		t.Fatal(err)
	}
	if len(same.Changes) != 0 || same.ExitCode() != 0 || len(same.Findings) != 0 {
		t.Errorf("same rules: changes %+v exit %d findings %d", same.Changes, same.ExitCode(), len(same.Findings))
	}
	js, err := o.JSON(i18n.EN)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema    string
		Integrity struct{ OK bool }
		Report    struct{ Schema string }
		Rejudged  []Change
		Findings  []any
	}
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != OpenSchema || !doc.Integrity.OK || doc.Report.Schema != "actwiz.report/v1" || len(doc.Rejudged) != 1 || doc.Findings == nil {
		t.Errorf("json %s", js)
	}
}

func TestClockBehind(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(dir+"/late.log", []byte("2027-06-01 08:00:00 激活客户端 V2.1 启动\n"), 0o644)
	path := makePackage(t, t.TempDir(), machine(), nil, Collector("client", "activation-log", dir+"/late.log"))
	o, err := Open(context.Background(), path, Options{Rules: checks.DefaultRules()})
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Findings) != 1 || o.Findings[0].Code != "clock-behind" || !o.Findings[0].Fails || o.Findings[0].Line != 1 {
		t.Errorf("findings %+v; want clock-behind at line 1", o.Findings)
	}
}
