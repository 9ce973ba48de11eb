package probe

// The Linux reader takes every fact from files: sysfs, procfs and the udev
// database, all under one root directory. It has no build tag because it
// only opens files, so its tests run over fake trees on any OS; Native
// (native_linux.go) roots it at "/".
//
// It ignores ctx: the files it reads are served from kernel memory (the
// kernel copies the SMBIOS table and the disks' identify data at boot), so a
// read never waits on a device, and Stream's deadline covers the rest.

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"actwiz/internal/facts"
)

// NewLinux returns a reader for the Linux system whose files are under root
// ("/" for the running machine).
func NewLinux(root string) Reader { return newLinuxReader(root) }

type linuxReader struct {
	root string
	// resolvedRoot is root with its symlinks resolved, to strip from the
	// resolved sysfs paths of devices.
	resolvedRoot string
	// readFile reads one file by its full path. Tests replace it to make a
	// read fail the way it does for a user who is not root (EACCES), which
	// chmod cannot stage when the tests themselves run as root.
	readFile func(path string) ([]byte, error)
}

func newLinuxReader(root string) *linuxReader {
	root = filepath.Clean(root)
	resolved, err := filepath.EvalSymlinks(root)
	if err != nil {
		resolved = root // every read below will report the problem itself
	}
	return &linuxReader{root: root, resolvedRoot: resolved, readFile: os.ReadFile}
}

// path turns a slash-separated path relative to the root into a full path.
func (r *linuxReader) path(rel string) string {
	return filepath.Join(r.root, filepath.FromSlash(rel))
}

// readAttr reads a sysfs or procfs file and drops the one newline the kernel
// appends. Every other byte is kept as read: the checks normalise values,
// and a serial's padding is itself evidence.
func (r *linuxReader) readAttr(rel string) (string, error) {
	b, err := r.readFile(r.path(rel))
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(string(b), "\n"), nil
}

// readReason explains a failed read of rel in words a user can act on.
func (r *linuxReader) readReason(rel string, err error) string {
	p := r.path(rel)
	switch {
	case errors.Is(err, fs.ErrPermission): // EACCES or EPERM
		return fmt.Sprintf("permission denied reading %s: Linux lets only root read it; run actwiz as root, for example with sudo", p)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("%s does not exist", p)
	default:
		var pathErr *fs.PathError
		if errors.As(err, &pathErr) {
			err = pathErr.Err // the path is already in the sentence
		}
		return fmt.Sprintf("could not read %s: %v", p, err)
	}
}

func (r *linuxReader) Host(context.Context) facts.Host {
	h := facts.Host{OSFamily: "linux", OSCaption: r.osPrettyName()}
	h.Name, _ = r.readAttr("proc/sys/kernel/hostname")
	if h.Name == "" && r.root == string(filepath.Separator) {
		// procfs is not mounted (a minimal container): os.Hostname falls
		// back to uname(2).
		h.Name, _ = os.Hostname()
	}
	h.OSVersion, _ = r.readAttr("proc/sys/kernel/osrelease")
	return h
}

// osPrettyName returns PRETTY_NAME from os-release(5), which names
// etc/os-release first and usr/lib/os-release as its fallback.
func (r *linuxReader) osPrettyName() string {
	for _, rel := range []string{"etc/os-release", "usr/lib/os-release"} {
		text, err := r.readAttr(rel)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(text, "\n") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(line), "PRETTY_NAME="); ok {
				return linuxUnquote(v)
			}
		}
		return ""
	}
	return ""
}

// linuxUnquote undoes the shell quoting os-release allows around a value.
func linuxUnquote(v string) string {
	if len(v) < 2 || v[0] != v[len(v)-1] {
		return v
	}
	switch v[0] {
	case '\'':
		return v[1 : len(v)-1]
	case '"':
		var b strings.Builder
		inner := v[1 : len(v)-1]
		for i := 0; i < len(inner); i++ {
			if inner[i] == '\\' && i+1 < len(inner) && strings.IndexByte("\"\\$`", inner[i+1]) >= 0 {
				i++
			}
			b.WriteByte(inner[i])
		}
		return b.String()
	}
	return v
}

// linuxDMIDir is where the kernel publishes the SMBIOS (DMI) table's
// identity strings.
const linuxDMIDir = "sys/class/dmi/id"

// BIOS reads the SMBIOS type-1 system serial: that is the value Windows
// reports as Win32_BIOS.SerialNumber (SMBIOS type 0, the BIOS itself, has
// no serial).
func (r *linuxReader) BIOS(context.Context) (*facts.BIOS, FieldErrors, error) {
	if err := r.requireDMI(); err != nil {
		return nil, nil, err
	}
	fe := FieldErrors{}
	return &facts.BIOS{
		SerialNumber: r.dmiField(fe, "SerialNumber", "product_serial"),
		Manufacturer: r.dmiField(fe, "Manufacturer", "bios_vendor"),
	}, fe, nil
}

// Baseboard reads SMBIOS type 2, as Win32_BaseBoard does.
func (r *linuxReader) Baseboard(context.Context) (*facts.Baseboard, FieldErrors, error) {
	if err := r.requireDMI(); err != nil {
		return nil, nil, err
	}
	fe := FieldErrors{}
	return &facts.Baseboard{
		SerialNumber: r.dmiField(fe, "SerialNumber", "board_serial"),
		Manufacturer: r.dmiField(fe, "Manufacturer", "board_vendor"),
		Product:      r.dmiField(fe, "Product", "board_name"),
	}, fe, nil
}

// requireDMI tells a machine without an SMBIOS table (many ARM boards, some
// virtual machines) from one whose table merely lacks a field.
func (r *linuxReader) requireDMI() error {
	dir := r.path(linuxDMIDir)
	_, err := os.Stat(dir)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return recordedError{fmt.Sprintf("this machine has no SMBIOS (DMI) table (%s does not exist), so the firmware gives no BIOS or board serial number; usual on ARM boards and some virtual machines", dir), facts.KindNoSMBIOS}
	default:
		return fmt.Errorf("reading the SMBIOS (DMI) table: %w", err)
	}
}

// dmiField reads one identity string. The kernel creates a file only for
// the SMBIOS structures the firmware provides, so a missing file means the
// firmware has no such value; the serial files are readable by root only.
func (r *linuxReader) dmiField(fe FieldErrors, field, file string) *string {
	rel := linuxDMIDir + "/" + file
	v, err := r.readAttr(rel)
	if err != nil {
		reason := r.readReason(rel, err)
		if errors.Is(err, fs.ErrNotExist) {
			reason = "the firmware's SMBIOS table does not provide it: " + reason
		}
		fe[field] = reason
		return nil
	}
	return &v
}
