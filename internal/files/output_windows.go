package files

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unsafe"

	"golang.org/x/sys/windows"
)

// isDeviceName reports a Windows device name (NUL, CON, COM1…) as the last
// element, in any case, with or without an extension ("nul.txt" is NUL too
// before Windows 11) or trailing spaces, or in the \\.\ namespace. Stat
// also reports NUL as a character device, but the name decides without
// opening anything.
func isDeviceName(path string) bool {
	if strings.HasPrefix(path, `\\.\`) && !strings.ContainsAny(path[4:], `\/`) {
		return true
	}
	base := filepath.Base(path)
	if i := strings.IndexAny(base, ".:"); i >= 0 {
		base = base[:i]
	}
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "NUL", "CON", "PRN", "AUX", "CONIN$", "CONOUT$":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		return base[3] >= '1' && base[3] <= '9'
	}
	if len(base) == 5 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		// Superscript digits ¹²³ are ports too; uppercasing leaves them as is.
		return strings.HasSuffix(base, "¹") || strings.HasSuffix(base, "²") || strings.HasSuffix(base, "³")
	}
	return false
}

// openDevice opens a device for writing: never created, never truncated.
func openDevice(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_WRONLY, 0)
}

// keepOwner: ReplaceFile keeps the replaced file's owner and ACL.
func keepOwner(*os.File, fs.FileInfo) {}

var procReplaceFileW = windows.NewLazySystemDLL("kernel32.dll").NewProc("ReplaceFileW")

// replaceFile puts tmp in path's place with ReplaceFileW, which keeps the
// replaced file's owner, ACL, attributes and creation time (a rename would
// give it the temporary file's). Where that fails (some network and FAT
// volumes), a plain rename still replaces it whole.
func replaceFile(tmp, path string) error {
	if procReplaceFileW.Find() != nil {
		return os.Rename(tmp, path)
	}
	to, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	from, err := windows.UTF16PtrFromString(tmp)
	if err != nil {
		return err
	}
	const replaceFileIgnoreMergeErrors = 0x2
	r, _, _ := procReplaceFileW.Call(uintptr(unsafe.Pointer(to)), uintptr(unsafe.Pointer(from)), 0, replaceFileIgnoreMergeErrors, 0, 0)
	if r != 0 {
		return nil
	}
	return os.Rename(tmp, path)
}
