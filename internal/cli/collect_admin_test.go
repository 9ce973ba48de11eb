package cli

import (
	"runtime"
	"strings"
	"testing"
)

// Before collecting, a standard user is told once that the items needing
// administrator rights may be incomplete and how to run as administrator;
// elevated, or with no such item chosen, nothing is said.
func TestCollectSaysAdminItemsMayBeIncomplete(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the test collectors are shell commands")
	}
	const config = `
logs:
  builtin: false
  collectors:
    - {name: net, category: network, command: [sh, -c, "echo net"]}
    - {name: root-only, category: system-log, command: [sh, -c, "echo part"], admin: true}
`
	saved := isElevated
	t.Cleanup(func() { isElevated = saved })
	tests := []struct {
		name     string
		elevated bool
		args     []string
		want     string
	}{
		{"standard user", false, []string{"--lang", "en"}, "Note: root-only need root rights, so these items may be incomplete. To collect them in full, run it again with sudo: sudo actwiz collect"},
		{"standard user, Chinese", false, []string{"--lang", "zh"}, "注意：root-only 需要 root 权限"},
		{"elevated", true, []string{"--lang", "en"}, ""},
		{"admin item not chosen", false, []string{"--lang", "en", "--only", "network"}, ""},
	}
	for _, tt := range tests {
		isElevated = func() bool { return tt.elevated }
		args := append([]string{"collect", "--output", t.TempDir()}, tt.args...)
		r := runWithConfig(t, sample(), config, args...)
		if r.code != ExitOK {
			t.Fatalf("%s: exit %d\n%s\n%s", tt.name, r.code, r.stdout, r.stderr)
		}
		said := strings.Contains(r.stdout, "root-only") && (strings.Contains(r.stdout, "Note:") || strings.Contains(r.stdout, "注意"))
		if tt.want == "" {
			if said {
				t.Errorf("%s: said\n%s", tt.name, r.stdout)
			}
			continue
		}
		lines := strings.Split(r.stdout, "\n")
		if !strings.Contains(r.stdout, tt.want) || !strings.Contains(lines[0]+lines[1], tt.want[:12]) {
			t.Errorf("%s: want %q before the collecting lines:\n%s", tt.name, tt.want, r.stdout)
		}
		if strings.Count(r.stdout, "sudo actwiz collect") != 1 {
			t.Errorf("%s: said more than once:\n%s", tt.name, r.stdout)
		}
	}
}
