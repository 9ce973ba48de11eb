package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func loadYAML(t *testing.T, text string) (Config, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "actwiz.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(Options{File: path})
	return loaded.Config, err
}

func TestLogsCollectorsFromFile(t *testing.T) {
	cfg, err := loadYAML(t, `
logs:
  builtin: false
  prefix: ACME_Log
  collectors:
    - name: client-logs
      category: activation-log
      os: windows
      files: ['%ProgramData%\Acme\**\*.log']
      max_bytes: 1048576
    - name: nslookup
      category: network
      command: [nslookup, kms.example.com]
      timeout: 20s
upload:
  url: https://upload.example.com/dav/
  user: reseller7
`)
	if err != nil {
		t.Fatal(err)
	}
	c := cfg.Logs
	if c.Builtin || c.Prefix != "ACME_Log" || len(c.Collectors) != 2 {
		t.Fatalf("logs: %+v", c)
	}
	if c.Collectors[0].MaxBytes != 1<<20 || c.Collectors[0].Files[0] != `%ProgramData%\Acme\**\*.log` || c.Collectors[1].Timeout != 20*time.Second {
		t.Errorf("collectors: %+v", c.Collectors)
	}
	if cfg.Upload.Method != "put" || cfg.Upload.User != "reseller7" {
		t.Errorf("upload: %+v", cfg.Upload)
	}
}

func TestLogsRefusesBadCollectors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"bad category", "logs:\n  collectors:\n    - {name: x, category: printers, command: [lpstat]}\n", "category \"printers\" does not exist"},
		{"two sources", "logs:\n  collectors:\n    - {name: x, category: network, command: [ip], files: [/etc/hosts]}\n", "exactly one of"},
		{"unknown field", "logs:\n  collectors:\n    - {name: x, category: network, command: [ip], shell: true}\n", "shell"},
		{"builtin name", "logs:\n  collectors:\n    - {name: ipconfig, category: network, command: [ip]}\n", "used twice"},
		{"password in file", "upload:\n  password: hunter2\n", "unknown key"},
		{"bad method", "upload:\n  method: get\n", "put (WebDAV) or post"},
		{"bad url", "upload:\n  url: ftp://x/\n", "https://"},
		{"password in url", "upload:\n  url: https://u:pw@x/dav/\n", "without a user or password"},
		{"plain http", "upload:\n  url: http://upload.example.com/dav/\n", "http:// only for this machine"},
	}
	for _, tt := range tests {
		_, err := loadYAML(t, tt.yaml)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to mention %q", tt.name, err, tt.want)
		}
	}
}

func TestLogsCollectorAdmin(t *testing.T) {
	cfg, err := loadYAML(t, `
logs:
  collectors:
    - {name: sec-export, category: system-log, os: windows, eventlog: Security, admin: true}
    - {name: hosts, category: network, files: [/etc/hosts]}
`)
	if err != nil {
		t.Fatal(err)
	}
	if c := cfg.Logs.Collectors; len(c) != 2 || !c[0].Admin || c[1].Admin {
		t.Errorf("admin not read: %+v", c)
	}
	if _, err := loadYAML(t, "logs:\n  collectors:\n    - {name: x, category: network, command: [ip], admin: perhaps}\n"); err == nil || !strings.Contains(err.Error(), "admin") {
		t.Errorf("admin: perhaps accepted or not named: %v", err)
	}
}
