package collect

import (
	"bytes"
	"errors"
	"os"
	"sync"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"actwiz/internal/i18n"
	"actwiz/internal/platform/elevation"
)

// ErrAccessDenied is a command that said Windows refused it access
// ("Access is denied.", "拒绝访问。"): the command's own words are the
// only sign, its exit status does not say why.
var ErrAccessDenied = errors.New("the command reported that access was denied")

var (
	problemNeedsAdmin   = i18n.T("%s被拒绝访问：%s", "%s Access was denied to %s.")
	problemDeniedOutput = i18n.T("命令报告部分内容被拒绝访问", "the command reported that access was denied to part of it")
)

// Denied reports whether err means access was refused: a file or folder
// the account may not read (os.ErrPermission, which ERROR_ACCESS_DENIED is
// on Windows) or a command that said so (ErrAccessDenied).
func Denied(err error) bool {
	return err != nil && (errors.Is(err, os.ErrPermission) || errors.Is(err, ErrAccessDenied))
}

// AccessProblem decides what a collector's line says when it failed or
// is partial. Access denied to a standard user is said plainly: the item
// needs administrator rights, and what was denied (a path or a command).
// When actwiz already runs elevated, or the error is another one, that
// advice would be wrong, and otherwise — the usual message — stays.
func AccessProblem(elevated bool, err error, what string, otherwise i18n.Text) (problem i18n.Text, needsAdmin bool) {
	if elevated || !Denied(err) {
		return otherwise, false
	}
	return problemNeedsAdmin.F(elevation.NeedsAdmin, what), true
}

// deniedMarkers are the words Windows tools print when access is refused,
// as the English and the Chinese console write them: UTF-8, GBK (the
// Chinese console's code page) and UTF-16LE (what some tools write when
// their output is a pipe).
var deniedMarkers = func() [][]byte {
	var out [][]byte
	for _, s := range []string{"Access is denied", "Access denied", "access is denied", "拒绝访问"} {
		out = append(out, []byte(s))
		if gbk, err := simplifiedchinese.GBK.NewEncoder().String(s); err == nil && gbk != s {
			out = append(out, []byte(gbk))
		}
		var u16 bytes.Buffer
		for _, r := range utf16.Encode([]rune(s)) {
			u16.WriteByte(byte(r))
			u16.WriteByte(byte(r >> 8))
		}
		out = append(out, u16.Bytes())
	}
	return out
}()

// OutputDenied reports whether a command's output says access was denied.
func OutputDenied(b []byte) bool {
	for _, m := range deniedMarkers {
		if bytes.Contains(b, m) {
			return true
		}
	}
	return false
}

// denialWatch passes a command's output on and notes whether it said
// access was denied, looking across the pieces it arrives in.
type denialWatch struct {
	mu   sync.Mutex
	next interface{ Write([]byte) (int, error) }
	tail []byte
	seen bool
}

// longest marker, so that a marker split between two writes is found.
var markerLen = func() int {
	n := 0
	for _, m := range deniedMarkers {
		n = max(n, len(m))
	}
	return n
}()

func (w *denialWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	if !w.seen {
		buf := append(w.tail, p...)
		w.seen = OutputDenied(buf)
		keep := min(len(buf), markerLen-1)
		w.tail = append(w.tail[:0:0], buf[len(buf)-keep:]...)
	}
	w.mu.Unlock()
	return w.next.Write(p)
}

func (w *denialWatch) said() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.seen
}

// firstDenied is the first skipped file refused for lack of rights.
func firstDenied(skipped []SkippedFile) (string, bool) {
	for _, s := range skipped {
		if s.Denied {
			return s.Source, true
		}
	}
	return "", false
}
