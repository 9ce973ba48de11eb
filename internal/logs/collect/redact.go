package collect

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Redactor replaces identifying values consistently across a package: the
// same host name, user name, serial, IP or MAC address always becomes the
// same stand-in (HOST_1, USER_1, SERIAL_1, IP_1, MAC_1), so a support
// engineer can still follow one machine or address through the logs. The
// mapping back to the real values stays on this machine.
type Redactor struct {
	mu sync.Mutex
	// known are the literal values, lower-cased, longest first (so
	// "pc-01.corp" wins over "pc-01"); folded finds those whose case
	// differs outside ASCII (Müller), which a byte search cannot.
	known   [][]byte
	folded  *regexp.Regexp
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

// Minimum lengths of a known value: replacing "a" or "PC" everywhere
// would destroy the logs, but a Chinese name is often two characters
// (张三) and must be hidden.
const (
	minASCII    = 3
	minNonASCII = 2
)

// NewRedactor knows the literal values to hide; addresses and product keys
// are found by their shape.
func NewRedactor(hosts, users, serials []string) *Redactor {
	r := &Redactor{kinds: map[string]string{}, mapping: map[string]string{}, reverse: map[string]string{}, counts: map[string]int{}}
	add := func(kind string, values []string) {
		for _, v := range values {
			v = strings.TrimSpace(v)
			n := utf8.RuneCountInString(v)
			if n < minNonASCII || n < minASCII && isASCII(v) {
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
	var fold []string
	for v := range r.kinds {
		r.known = append(r.known, []byte(v))
		if strings.ToUpper(v) != asciiUpper(v) {
			fold = append(fold, regexp.QuoteMeta(v))
		}
	}
	sort.Slice(r.known, func(i, j int) bool {
		a, b := r.known[i], r.known[j]
		return len(a) > len(b) || len(a) == len(b) && bytes.Compare(a, b) < 0
	})
	if len(fold) > 0 {
		r.folded = regexp.MustCompile(`(?i)(?:` + strings.Join(fold, "|") + `)`)
	}
	return r
}

// String redacts s.
func (r *Redactor) String(s string) string { return string(r.Bytes([]byte(s))) }

// Bytes redacts b, UTF-8 text, returning a new slice when anything changed.
func (r *Redactor) Bytes(b []byte) []byte {
	if r == nil {
		return b
	}
	if len(r.known) > 0 {
		b = splice(b, r.knownSpans(b))
	}
	return splice(b, r.patternSpans(b))
}

// span is a value found at b[start:end], to be replaced by with.
type span struct {
	start, end int
	with       string
}

// knownSpans finds the known values in b. Every position is a candidate,
// longest value first, so a value refused at one place ("ab1" in "ab12")
// does not hide one that starts inside it ("b12").
func (r *Redactor) knownSpans(b []byte) []span {
	lower := []byte(asciiLower(string(b)))
	var cands []span
	for _, v := range r.known {
		for off := 0; ; {
			i := bytes.Index(lower[off:], v)
			if i < 0 {
				break
			}
			cands = append(cands, span{start: off + i, end: off + i + len(v)})
			off += i + 1
		}
	}
	if r.folded != nil {
		for pos := 0; pos < len(b); {
			m := r.folded.FindIndex(b[pos:])
			if m == nil {
				break
			}
			cands = append(cands, span{start: pos + m[0], end: pos + m[1]})
			_, size := utf8.DecodeRune(b[pos+m[0]:])
			pos += m[0] + size
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		return cands[i].start < cands[j].start || cands[i].start == cands[j].start && cands[i].end > cands[j].end
	})
	var out []span
	pos := 0
	for _, c := range cands {
		if c.start < pos || !knownBounded(b, c.start, c.end) {
			continue
		}
		v := strings.ToLower(string(b[c.start:c.end]))
		c.with = r.standIn(r.kinds[v], v, string(b[c.start:c.end]))
		out = append(out, c)
		pos = c.end
	}
	return out
}

// splice replaces the spans, which are in order and do not overlap.
func splice(b []byte, spans []span) []byte {
	if len(spans) == 0 {
		return b
	}
	var out bytes.Buffer
	last := 0
	for _, s := range spans {
		out.Write(b[last:s.start])
		out.WriteString(s.with)
		last = s.end
	}
	out.Write(b[last:])
	return out.Bytes()
}

// macCanon turns any way of writing a MAC (02:fc:…, 02-FC-…, 02fc.0000.0001,
// 02FC00000001) into aa:bb:cc:dd:ee:ff. Twelve bare hex digits are a MAC
// only when they mix digits and letters: all digits is more likely a
// number, all letters a word.
func macCanon(s string) (string, bool) {
	hex := strings.ToLower(strings.NewReplacer(":", "", "-", "", ".", "").Replace(s))
	if len(s) == 12 && (!strings.ContainsAny(hex, "0123456789") || !strings.ContainsAny(hex, "abcdef")) {
		return "", false
	}
	if hex == "000000000000" || hex == "ffffffffffff" {
		return "", false
	}
	var c strings.Builder
	for i := 0; i < 12; i += 2 {
		if i > 0 {
			c.WriteByte(':')
		}
		c.WriteString(hex[i : i+2])
	}
	return c.String(), true
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

// The boundaries of a value are defined here rather than by \b, which
// counts "_" and digits as part of a word and knows nothing of Chinese:
// "kefu-wang_old", "kefu-wang2", "ip_10.1.2.8" and "张三_备份" all hold a
// value. A value is refused only where it would cut a run of the same
// kind: a name ending in a letter followed by a letter ("bob" in "bobby"),
// a number followed by a digit.

func knownBounded(b []byte, start, end int) bool {
	return !(start > 0 && sameRun(b[start-1], b[start])) && !(end < len(b) && sameRun(b[end-1], b[end]))
}

func sameRun(x, y byte) bool {
	return isLetter(x) && isLetter(y) || isDigit(x) && isDigit(y)
}

// hexBounded: a MAC, IPv6 address or product key is not part of a longer
// run of letters and digits (a hash, a hex dump, 0x…).
func hexBounded(b []byte, start, end int) bool {
	return !(start > 0 && isAlnum(b[start-1])) && !(end < len(b) && isAlnum(b[end]))
}

// ip4Bounded: an IPv4 address is not part of a longer number or dotted
// sequence (110.1.2.8, 1.2.3.4.5, an OID).
func ip4Bounded(b []byte, start, end int) bool {
	if start > 0 && (isDigit(b[start-1]) || b[start-1] == '.') {
		return false
	}
	if end < len(b) && (isDigit(b[end]) || b[end] == '.' && end+1 < len(b) && isDigit(b[end+1])) {
		return false
	}
	return true
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }

// asciiLower and asciiUpper change only A-Z and a-z, byte by byte, so
// offsets into the result are offsets into s, even where s is not UTF-8.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// MappingJSON is the stand-in → real value table, for the file kept beside
// the package.
func (r *Redactor) MappingJSON() ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return json.MarshalIndent(map[string]any{"schema": "actwiz.redaction/v1", "stand_ins": r.reverse}, "", "  ")
}
