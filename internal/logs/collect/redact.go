package collect

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Redactor replaces identifying values consistently across a package: the
// same host name, user name, serial, IP or MAC address always becomes the
// same stand-in (HOST_1, USER_1, SERIAL_1, IP_1, MAC_1), so a support
// engineer can still follow one machine or address through the logs. The
// mapping back to the real values stays on this machine.
type Redactor struct {
	mu      sync.Mutex
	known   *regexp.Regexp
	kinds   map[string]string // lower-cased known value → kind
	mapping map[string]string // kind + canonical value → stand-in
	reverse map[string]string // stand-in → value, for the mapping file
	counts  map[string]int
}

const (
	kindHost   = "HOST"
	kindUser   = "USER"
	kindSerial = "SERIAL"
	kindIP     = "IP"
	kindMAC    = "MAC"
	kindKey    = "PRODUCTKEY"
)

var patternRE = regexp.MustCompile(
	`(?P<mac>\b(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}\b)` +
		`|(?P<ip4>\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b)` +
		`|(?P<ip6>[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})` +
		`|(?P<key>\b[A-Z0-9]{5}(?:-[A-Z0-9]{5}){4}\b)`)

// NewRedactor knows the literal values to hide; addresses and product keys
// are found by their shape. Values shorter than three characters are
// ignored: replacing "a" everywhere would destroy the logs.
func NewRedactor(hosts, users, serials []string) *Redactor {
	r := &Redactor{kinds: map[string]string{}, mapping: map[string]string{}, reverse: map[string]string{}, counts: map[string]int{}}
	add := func(kind string, values []string) {
		for _, v := range values {
			v = strings.TrimSpace(v)
			if len([]rune(v)) < 3 {
				continue
			}
			if _, ok := r.kinds[strings.ToLower(v)]; !ok {
				r.kinds[strings.ToLower(v)] = kind
			}
		}
	}
	add(kindHost, hosts)
	add(kindUser, users)
	add(kindSerial, serials)
	var alts []string
	for v := range r.kinds {
		alts = append(alts, regexp.QuoteMeta(v))
	}
	// Longest first, so "pc-01.corp" wins over "pc-01".
	sort.Slice(alts, func(i, j int) bool {
		return len(alts[i]) > len(alts[j]) || len(alts[i]) == len(alts[j]) && alts[i] < alts[j]
	})
	if len(alts) > 0 {
		r.known = regexp.MustCompile(`(?i)(?:` + strings.Join(alts, "|") + `)`)
	}
	return r
}

// String redacts s.
func (r *Redactor) String(s string) string { return string(r.Bytes([]byte(s))) }

// Bytes redacts b, returning a new slice when anything changed.
func (r *Redactor) Bytes(b []byte) []byte {
	if r == nil {
		return b
	}
	if r.known != nil {
		b = replaceBounded(r.known, b, func(m []byte) (string, bool) {
			return r.standIn(r.kinds[strings.ToLower(string(m))], strings.ToLower(string(m)), string(m)), true
		})
	}
	return replaceBounded(patternRE, b, r.pattern)
}

func (r *Redactor) pattern(m []byte) (string, bool) {
	s := string(m)
	switch {
	case len(m) == 17 && (m[2] == ':' || m[2] == '-'):
		canon := strings.ToLower(strings.ReplaceAll(s, "-", ":"))
		if canon == "00:00:00:00:00:00" || canon == "ff:ff:ff:ff:ff:ff" {
			return "", false
		}
		return r.standIn(kindMAC, canon, s), true
	case strings.Count(s, ".") == 3 && !strings.Contains(s, ":"):
		if s == "0.0.0.0" || strings.HasPrefix(s, "127.") || strings.HasPrefix(s, "255.") {
			return "", false
		}
		return r.standIn(kindIP, s, s), true
	case strings.Contains(s, ":"):
		ip := net.ParseIP(s)
		if ip == nil || ip.IsLoopback() || ip.IsUnspecified() {
			return "", false
		}
		return r.standIn(kindIP, ip.String(), s), true
	}
	return r.standIn(kindKey, s, s), true
}

func (r *Redactor) standIn(kind, canon, original string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	key := kind + "\x00" + canon
	if s, ok := r.mapping[key]; ok {
		return s
	}
	r.counts[kind]++
	s := fmt.Sprintf("%s_%d", kind, r.counts[kind])
	r.mapping[key] = s
	r.reverse[s] = original
	return s
}

// replaceBounded replaces the matches of re that do not sit inside a longer
// word (a letter, digit or underscore on either side), so "alice" does
// not match inside "malice2".
func replaceBounded(re *regexp.Regexp, b []byte, repl func([]byte) (string, bool)) []byte {
	locs := re.FindAllIndex(b, -1)
	if locs == nil {
		return b
	}
	var out bytes.Buffer
	last := 0
	for _, l := range locs {
		if l[0] == l[1] || (l[0] > 0 && isWord(b[l[0]-1])) || (l[1] < len(b) && isWord(b[l[1]])) {
			continue
		}
		s, ok := repl(b[l[0]:l[1]])
		if !ok {
			continue
		}
		out.Write(b[last:l[0]])
		out.WriteString(s)
		last = l[1]
	}
	if last == 0 {
		return b
	}
	out.Write(b[last:])
	return out.Bytes()
}

func isWord(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// MappingJSON is the stand-in → real value table, for the file kept beside
// the package.
func (r *Redactor) MappingJSON() ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return json.MarshalIndent(map[string]any{"schema": "actwiz.redaction/v1", "stand_ins": r.reverse}, "", "  ")
}

// maxLine bounds how much of one line is redacted at a time. A longer line
// is redacted in pieces; a value split exactly at a piece's edge would be
// missed, which only a line over 1 MiB can cause.
const maxLine = 1 << 20

// Reader returns src redacted line by line, streaming. Close it to stop
// the goroutine that feeds it.
func (r *Redactor) Reader(src io.Reader) io.ReadCloser {
	pr, pw := io.Pipe()
	go func() {
		br := bufio.NewReaderSize(src, maxLine)
		bw := bufio.NewWriterSize(pw, 256<<10)
		var err error
		for err == nil {
			var line []byte
			line, err = br.ReadSlice('\n')
			if err == bufio.ErrBufferFull {
				err = nil
			}
			if len(line) > 0 {
				if _, werr := bw.Write(r.Bytes(line)); werr != nil {
					pw.CloseWithError(werr)
					return
				}
			}
		}
		if err == io.EOF {
			err = bw.Flush()
		}
		pw.CloseWithError(err)
	}()
	return pr
}
