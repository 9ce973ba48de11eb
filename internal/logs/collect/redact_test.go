package collect

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestRedactLeavesNoPlantedValueInThePackage(t *testing.T) {
	requireUnix(t)
	const (
		host   = "PlantedHost7"
		user   = "planteduser"
		serial = "AA02210025590"
		ip     = "10.9.8.7"
		ip6    = "fe80::1c2d:3e4f:5a6b:7c8d"
		mac    = "0a:1b:2c:3d:4e:5f"
	)
	macDash := strings.ToUpper(strings.ReplaceAll(mac, ":", "-"))
	tree := t.TempDir()
	// The user's name is in a folder name too, as in C:\Users\name.
	os.MkdirAll(filepath.Join(tree, "Users", user), 0o755)
	log := "host " + strings.ToLower(host) + " user " + user + " from " + ip + " [" + ip6 + "]\n" +
		"adapter " + macDash + " serial " + serial + " again " + ip + " " + mac + "\n" +
		"keep 127.0.0.1 and 255.255.255.0 and version 10.0.19044\n"
	os.WriteFile(filepath.Join(tree, "Users", user, "client.log"), []byte(log), 0o644)

	opts := baseOptions(t)
	opts.Host = host
	opts.Own = []Own{{Name: "facts.json", Data: []byte(`{"host":{"name":"` + host + `"},"bios":{"serial":"` + serial + `"}}` + "\n")}}
	opts.Collectors = []Collector{
		{Name: "files", Category: "activation-log", Files: []string{filepath.Join(tree, "**", "*.log")}},
		{Name: "echo", Category: "network", Command: []string{"sh", "-c", "echo " + host + " " + ip + " " + mac}},
	}
	opts.Redact = NewRedactor([]string{host}, []string{user}, []string{serial})
	out, err := Write(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	entries, m := readBack(t, out.Path)
	if !m.Redacted || m.Host != "HOST_1" {
		t.Errorf("manifest redacted %v host %q", m.Redacted, m.Host)
	}
	if strings.Contains(out.Path, host) {
		t.Errorf("package name %s holds the host name", out.Path)
	}
	// Everything in the package, names and contents, as one text.
	var all strings.Builder
	for name := range entries {
		all.WriteString(name + "\n")
		all.Write(unzipFile(t, out.Path, name))
	}
	raw, _ := os.ReadFile(out.Path) // names in the zip's own headers
	all.Write(raw)
	text := strings.ToLower(all.String())
	for _, planted := range []string{host, user, serial, ip, ip6, mac, macDash} {
		if strings.Contains(text, strings.ToLower(planted)) {
			t.Errorf("%q is still in the package", planted)
		}
	}
	got := string(unzipFile(t, out.Path, "activation-log-激活日志/files/"+entryPath(filepath.Join(tree, "Users", "USER_1", "client.log"))))
	want := "host HOST_1 user USER_1 from IP_1 [IP_2]\nadapter MAC_1 serial SERIAL_1 again IP_1 MAC_1\nkeep 127.0.0.1 and 255.255.255.0 and version 10.0.19044\n"
	if got != want {
		t.Errorf("redacted log:\n%s\nwant:\n%s", got, want)
	}
	// The mapping is beside the package, readable only by its owner, and
	// not in it.
	if out.MapPath == "" || filepath.Dir(out.MapPath) != filepath.Dir(out.Path) {
		t.Fatalf("mapping file %q", out.MapPath)
	}
	mapping, err := os.ReadFile(out.MapPath)
	if err != nil || !strings.Contains(string(mapping), ip) {
		t.Errorf("mapping %s: %v", mapping, err)
	}
	if info, _ := os.Stat(out.MapPath); info.Mode().Perm() != 0o600 {
		t.Errorf("mapping file mode %v", info.Mode().Perm())
	}
	if list, _ := exec.Command("unzip", "-Z1", out.Path).Output(); strings.Contains(string(list), "redaction") {
		t.Errorf("the mapping is inside the package: %s", list)
	}
}

func TestRedactorIsConsistentAndBounded(t *testing.T) {
	r := NewRedactor([]string{"pc-01", "pc-01.corp.example"}, []string{"bob"}, nil)
	tests := []struct{ in, want string }{
		{"pc-01.corp.example and pc-01", "HOST_1 and HOST_2"},
		{"PC-01 again", "HOST_2 again"},
		{"bobby and bob", "bobby and USER_1"},
		{`C:\Users\bob\AppData`, `C:\Users\USER_1\AppData`},
		{"12:30:45 is a time", "12:30:45 is a time"},
		{"mac AA-BB-CC-DD-EE-FF = aa:bb:cc:dd:ee:ff", "mac MAC_1 = MAC_1"},
		{"key ABCDE-12345-FGHIJ-67890-KLMNO", "key PRODUCTKEY_1"},
		{"gw 192.168.1.1 mask 255.255.255.0", "gw IP_1 mask 255.255.255.0"},
	}
	for _, tt := range tests {
		if got := r.String(tt.in); got != tt.want {
			t.Errorf("%q → %q, want %q", tt.in, got, tt.want)
		}
	}
}
