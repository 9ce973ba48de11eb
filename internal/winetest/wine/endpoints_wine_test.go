package wine

import (
	"context"
	"encoding/json"
	"net"
	"strings"
	"testing"
	"time"

	"actwiz/internal/winetest"
)

// TestMachineEndpointsUnderWine writes the CMGE client's and Software
// Protection's registry values into the prefix with Wine's own reg.exe
// (the 64-bit view), and runs actwiz.exe activate without a config: the
// servers checked must be exactly the three the registry names, each with
// its source, and never the built-in defaults.
func TestMachineEndpointsUnderWine(t *testing.T) {
	env := winetest.Start(t)
	open := openPort(t)
	closed1, closed2 := closedPort(t), closedPort(t)
	_, kmsPort, _ := net.SplitHostPort(closed2)

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	values := []struct{ key, name, data string }{
		{`HKLM\SOFTWARE\CMIT\Active`, "ActivationServer", "https://" + closed1},
		{`HKLM\SOFTWARE\CMIT\Active`, "IntranetActivationServer", "http://" + open},
		{`HKLM\SOFTWARE\CMIT\Active`, "ActiveMode", "1"},
		{`HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\SoftwareProtectionPlatform`, "KeyManagementServiceName", "127.0.0.1"},
		{`HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\SoftwareProtectionPlatform`, "KeyManagementServicePort", kmsPort},
	}
	for _, v := range values {
		cmd := env.Command(ctx)
		cmd.Args = []string{"wine", "reg", "add", v.key, "/v", v.name, "/t", "REG_SZ", "/d", v.data, "/f", "/reg:64"}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("wine reg add %s %s: %v\n%s", v.key, v.name, err, out)
		}
	}

	res, err := env.Run(ctx, "activate", "--format", "json", "--lang", "en")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Checks []detailedCheck `json:"checks"`
	}
	if err := json.Unmarshal(res.Stdout, &rep); err != nil {
		t.Fatalf("not a JSON report: %v\nstdout: %s\nstderr: %s", err, res.Stdout, res.Stderr)
	}
	got := map[string]detailedCheck{}
	for _, c := range rep.Checks {
		got[c.ID] = c
		t.Logf("%s: %s %q — %s", c.ID, c.Status, c.Observed, c.Detail)
	}
	reach := got["activation.reach"]
	// ActiveMode 1 says the intranet server is the one in use: it comes
	// first. Each entry is "URL (source) outcome".
	entries := strings.Split(reach.Observed, "; ")
	want := []string{
		"tcp://" + open + " (intranet, in use by ActiveMode=1) ok",
		"https://" + closed1 + " (CMGE client) ",
		"tcp://" + closed2 + " (KMS host) ",
	}
	if len(entries) != len(want) {
		t.Fatalf("checked %d servers (%q); want exactly the registry's %d", len(entries), reach.Observed, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(entries[i], w) {
			t.Errorf("server %d: %q; want it to start with %q", i+1, entries[i], w)
		}
	}
	for _, e := range entries[1:] {
		if strings.HasSuffix(e, " ok") {
			t.Errorf("%q: nothing listens there", e)
		}
	}
	if strings.Contains(string(res.Stdout), "cmgos.com") || strings.Contains(reach.Observed, "built-in default") {
		t.Errorf("the built-in defaults must not be checked when the machine names its servers: %q", reach.Observed)
	}
	if !strings.Contains(reach.Detail, "this PC is set to use") {
		t.Errorf("the detail must say where the servers came from: %q", reach.Detail)
	}
	// Without a command CMGE's attempt is Software Protection's, behind
	// the same consent: without --yes only the checks run.
	if a := got["activation.attempt"]; a.Status != "skip" || a.Observed != "needs --yes" {
		t.Errorf("activation.attempt = %+v; want skip, needs --yes", a)
	}
}

// openPort is a loopback address that accepts connections (and closes
// them at once) until the test ends: an activation server that answers.
func openPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	return ln.Addr().String()
}

func closedPort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}
