package probe

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"actwiz/internal/facts"
)

// fakeSys builds a Linux file tree in a temporary directory, with relative
// symlinks where the kernel puts them (sys/block/sda ->
// ../devices/pci0000:00/.../block/sda), so the reader resolves device paths
// exactly as on a real machine.
type fakeSys struct {
	t    *testing.T
	root string
}

func newFakeSys(t *testing.T) *fakeSys {
	t.Helper()
	f := &fakeSys{t: t, root: t.TempDir()}
	if err := os.Symlink("target", filepath.Join(f.root, "symlink-probe")); err != nil {
		t.Skipf("cannot make symlinks here, and sysfs is made of them: %v", err)
	}
	f.must(os.Remove(filepath.Join(f.root, "symlink-probe")))
	f.mkdir("sys/block")
	f.mkdir("sys/class/block")
	f.mkdir("sys/dev/block")
	f.mkdir("sys/class/net")
	return f
}

func (f *fakeSys) must(err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
}

func (f *fakeSys) abs(rel string) string { return filepath.Join(f.root, filepath.FromSlash(rel)) }

func (f *fakeSys) mkdir(rel string) { f.must(os.MkdirAll(f.abs(rel), 0o755)) }

// write creates rel with content, and its directories.
func (f *fakeSys) write(rel, content string) {
	f.t.Helper()
	f.mkdir(filepath.Dir(filepath.FromSlash(rel)))
	f.must(os.WriteFile(f.abs(rel), []byte(content), 0o644))
}

// link makes rel a symlink to target (both relative to the root), written
// relative to rel's directory as the kernel writes sysfs links.
func (f *fakeSys) link(rel, target string) {
	f.t.Helper()
	dir := filepath.Dir(f.abs(rel))
	f.must(os.MkdirAll(dir, 0o755))
	relTarget, err := filepath.Rel(dir, f.abs(target))
	f.must(err)
	f.must(os.Symlink(relTarget, f.abs(rel)))
}

// basics writes what every machine has: kernel names, os-release and an
// SMBIOS table with the given identity strings.
func (f *fakeSys) basics(dmi map[string]string) {
	f.write("proc/sys/kernel/hostname", "pc-0142\n")
	f.write("proc/sys/kernel/osrelease", "6.1.0-18-amd64\n")
	f.write("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n")
	f.mkdir("sys/devices/virtual/dmi/id")
	f.link("sys/class/dmi/id", "sys/devices/virtual/dmi/id")
	for file, value := range dmi {
		f.write("sys/devices/virtual/dmi/id/"+file, value)
	}
}

// reader returns the reader over the tree, with reads of the deny paths
// failing with errno, as open(2) fails for a user who is not root.
func (f *fakeSys) reader(errno syscall.Errno, deny ...string) *linuxReader {
	r := newLinuxReader(f.root)
	if len(deny) == 0 {
		return r
	}
	denied := map[string]bool{}
	for _, rel := range deny {
		denied[r.path(rel)] = true
	}
	read := r.readFile
	r.readFile = func(path string) ([]byte, error) {
		if denied[path] {
			return nil, &fs.PathError{Op: "open", Path: path, Err: errno}
		}
		return read(path)
	}
	return r
}

// asJSON shows facts the way a snapshot shows them, for readable diffs.
func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestLinuxHost(t *testing.T) {
	cases := []struct {
		name      string
		osRelease map[string]string // file → content
		want      string
	}{
		{"double quotes", map[string]string{"etc/os-release": "NAME=x\nPRETTY_NAME=\"Ubuntu 24.04.1 LTS\"\n"}, "Ubuntu 24.04.1 LTS"},
		{"escapes", map[string]string{"etc/os-release": `PRETTY_NAME="Say \"hi\" \\ \$5"` + "\n"}, `Say "hi" \ $5`},
		{"single quotes", map[string]string{"etc/os-release": "PRETTY_NAME='Arch Linux'\n"}, "Arch Linux"},
		{"bare", map[string]string{"etc/os-release": "PRETTY_NAME=Alpine\n"}, "Alpine"},
		{"fallback file", map[string]string{"usr/lib/os-release": "PRETTY_NAME=\"Fedora Linux 41\"\n"}, "Fedora Linux 41"},
		{"none", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeSys(t)
			f.write("proc/sys/kernel/hostname", "pc-0142\n")
			f.write("proc/sys/kernel/osrelease", "6.1.0-18-amd64\n")
			for file, content := range c.osRelease {
				f.write(file, content)
			}
			got := f.reader(0).Host(context.Background())
			want := facts.Host{Name: "pc-0142", OSFamily: "linux", OSCaption: c.want, OSVersion: "6.1.0-18-amd64"}
			if got != want {
				t.Errorf("Host() = %+v, want %+v", got, want)
			}
		})
	}
}

// The SMBIOS strings of a typical desktop; the system serial keeps the
// padding the firmware put there.
var desktopDMI = map[string]string{
	"product_serial": "PF2XK7QW  \n",
	"bios_vendor":    "LENOVO\n",
	"board_serial":   "L1HF0AB03XZ\n",
	"board_vendor":   "LENOVO\n",
	"board_name":     "3136\n",
}

func TestLinuxSMBIOS(t *testing.T) {
	const rootHint = "run actwiz as root"
	cases := []struct {
		name       string
		noDMI      bool
		dmi        map[string]string
		errno      syscall.Errno
		deny       []string
		wantBIOS   *facts.BIOS
		wantBoard  *facts.Baseboard
		wantReason map[string]string // "bios.SerialNumber" → substring of the reason
	}{{
		name:      "root",
		dmi:       desktopDMI,
		wantBIOS:  &facts.BIOS{SerialNumber: facts.Str("PF2XK7QW  "), Manufacturer: facts.Str("LENOVO")},
		wantBoard: &facts.Baseboard{SerialNumber: facts.Str("L1HF0AB03XZ"), Manufacturer: facts.Str("LENOVO"), Product: facts.Str("3136")},
	}, {
		name:       "not root (EACCES)",
		dmi:        desktopDMI,
		errno:      syscall.EACCES,
		deny:       []string{"sys/class/dmi/id/product_serial", "sys/class/dmi/id/board_serial"},
		wantBIOS:   &facts.BIOS{Manufacturer: facts.Str("LENOVO")},
		wantBoard:  &facts.Baseboard{Manufacturer: facts.Str("LENOVO"), Product: facts.Str("3136")},
		wantReason: map[string]string{"bios.SerialNumber": rootHint, "baseboard.SerialNumber": rootHint},
	}, {
		name:       "not root (EPERM, as under some security modules)",
		dmi:        desktopDMI,
		errno:      syscall.EPERM,
		deny:       []string{"sys/class/dmi/id/product_serial"},
		wantBIOS:   &facts.BIOS{Manufacturer: facts.Str("LENOVO")},
		wantBoard:  &facts.Baseboard{SerialNumber: facts.Str("L1HF0AB03XZ"), Manufacturer: facts.Str("LENOVO"), Product: facts.Str("3136")},
		wantReason: map[string]string{"bios.SerialNumber": "sudo"},
	}, {
		name:      "firmware without a baseboard structure",
		dmi:       map[string]string{"product_serial": "\n", "bios_vendor": "SeaBIOS\n"},
		wantBIOS:  &facts.BIOS{SerialNumber: facts.Str(""), Manufacturer: facts.Str("SeaBIOS")},
		wantBoard: &facts.Baseboard{},
		wantReason: map[string]string{
			"baseboard.SerialNumber": "SMBIOS table does not provide it",
			"baseboard.Manufacturer": "board_vendor does not exist",
			"baseboard.Product":      "board_name does not exist",
		},
	}, {
		name:  "no DMI directory",
		noDMI: true,
		wantReason: map[string]string{
			"bios":      "no SMBIOS (DMI) table",
			"baseboard": "no SMBIOS (DMI) table",
		},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeSys(t)
			f.basics(c.dmi)
			if c.noDMI {
				f.must(os.Remove(f.abs("sys/class/dmi/id")))
			}
			s := Take(context.Background(), f.reader(c.errno, c.deny...), time.Minute, time.Now)
			if got, want := asJSON(t, s.BIOS), asJSON(t, c.wantBIOS); got != want {
				t.Errorf("bios = %s, want %s", got, want)
			}
			if got, want := asJSON(t, s.Baseboard), asJSON(t, c.wantBoard); got != want {
				t.Errorf("baseboard = %s, want %s", got, want)
			}
			for key, reason := range s.Errors {
				if !strings.HasPrefix(key, "bios") && !strings.HasPrefix(key, "baseboard") {
					continue
				}
				if _, expected := c.wantReason[key]; !expected {
					t.Errorf("unexpected error %q: %q", key, reason)
				}
			}
			for key, part := range c.wantReason {
				if got := s.Errors[key]; !strings.Contains(got, part) {
					t.Errorf("errors[%q] = %q, want it to contain %q", key, got, part)
				}
			}
			// The kind lets the checks say it in Chinese without
			// matching the English words.
			if c.noDMI {
				for _, key := range []string{"bios", "baseboard"} {
					if k := s.ErrKind(key); k != facts.KindNoSMBIOS {
						t.Errorf("kind of %s = %q, want %q", key, k, facts.KindNoSMBIOS)
					}
				}
			}
		})
	}
}

// BenchmarkLinuxProbe reads this machine the way actwiz check does, to
// compare with lshw (bench/probe.sh times the whole command).
func BenchmarkLinuxProbe(b *testing.B) {
	if runtime.GOOS != "linux" {
		b.Skip("reads the running Linux system")
	}
	r := NewLinux("/")
	for b.Loop() {
		Take(context.Background(), r, DefaultTimeout, time.Now)
	}
}
