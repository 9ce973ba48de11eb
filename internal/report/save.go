package report

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"actwiz/internal/files"
)

// FileTimeLayout is the time part of a saved report's name.
const FileTimeLayout = "20060102-150405"

// maxHostRunes keeps file names well inside Windows' and FAT's 255-unit
// limit however long a host name is.
const maxHostRunes = 64

// FileName is the name a report is saved under:
// <host>_<YYYYMMDD-HHMMSS>.json, the time being the report's, in local time
// because people sort and read these names on the machine at hand.
func FileName(r Report) string {
	return SafeHost(r.Host.Name) + "_" + r.GeneratedAt.In(time.Local).Format(FileTimeLayout) + ".json"
}

// SafeHost turns a host name into something every file system a USB stick
// may carry (NTFS, FAT32, exFAT) accepts: characters Windows forbids and
// control characters become "-", trailing dots and spaces are dropped
// (Windows strips them silently), and an empty name becomes "unknown-host".
// Chinese and other letters are kept.
func SafeHost(host string) string {
	var b strings.Builder
	n := 0
	for _, r := range host {
		if n == maxHostRunes {
			break
		}
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), strings.ContainsRune(`<>:"/\|?*`, r):
			r = '-'
		case unicode.IsSpace(r):
			r = '_'
		}
		b.WriteRune(r)
		n++
	}
	s := strings.TrimRight(strings.TrimSpace(b.String()), ". _")
	s = strings.TrimLeft(s, ".")
	if s == "" {
		return "unknown-host"
	}
	return s
}

// Save writes r as JSON into dir (created if missing) under FileName, whole
// or not at all, and returns the path written. A report already saved under
// that name (the same host in the same second, also by another actwiz
// running at that moment) is kept: the new one gets a "-2", "-3"… suffix.
func Save(dir string, r Report) (string, error) {
	data, err := r.JSON()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", &fs.PathError{Op: "create the folder", Path: dir, Err: files.Reason(err)}
	}
	base := strings.TrimSuffix(FileName(r), ".json")
	return files.WriteNew(dir, func(n int) string {
		if n == 1 {
			return base + ".json"
		}
		return fmt.Sprintf("%s-%d.json", base, n)
	}, 0o644, data)
}
