package collect

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
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

// patternRE finds values by their shape. A GUID is matched only so that
// its last group is not taken for a MAC written without separators.
var patternRE = regexp.MustCompile(
	`(?P<guid>[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})` +
		`|(?P<mac>(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}|[0-9A-Fa-f]{12})` +
		`|(?P<ip6v4>(?:[0-9A-Fa-f]{0,4}:){2,6}` + ip4 + `)` +
		`|(?P<ip4>` + ip4 + `)` +
		`|(?P<ip6>[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})` +
		`|(?P<key>[A-Za-z0-9]{5}(?:-[A-Za-z0-9]{5}){4})`)

const ip4 = `(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`

var (
	groupGUID  = patternRE.SubexpIndex("guid")
	groupMAC   = patternRE.SubexpIndex("mac")
	groupIP6V4 = patternRE.SubexpIndex("ip6v4")
	groupIP4   = patternRE.SubexpIndex("ip4")
	groupIP6   = patternRE.SubexpIndex("ip6")
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

// Bytes redacts b, UTF-8 text, returning a new slice when anything changed.
func (r *Redactor) Bytes(b []byte) []byte {
	if r == nil {
		return b
	}
	if r.known != nil {
		b = replaceAll(r.known, b, func(b []byte, m []int) (string, verdict) {
			if !knownBounded(b, m[0], m[1]) {
				return "", retry
			}
			v := strings.ToLower(string(b[m[0]:m[1]]))
			return r.standIn(r.kinds[v], v, string(b[m[0]:m[1]])), replace
		})
	}
	return replaceAll(patternRE, b, r.pattern)
}

func (r *Redactor) pattern(b []byte, m []int) (string, verdict) {
	s := string(b[m[0]:m[1]])
	group := func(g int) bool { return m[2*g] >= 0 }
	switch {
	case group(groupGUID):
		return "", keep
	case group(groupIP6V4), group(groupIP6):
		ip := net.ParseIP(s)
		if ip == nil || !hexBounded(b, m[0], m[1]) {
			// Not an address as a whole, but an IPv4 address may end
			// it (abc:de:10.1.2.8).
			return "", retry
		}
		if ip.IsLoopback() || ip.IsUnspecified() {
			return "", keep
		}
		// ::ffff:10.1.2.4 is 10.1.2.4: one stand-in for both.
		return r.standIn(kindIP, ip.String(), s), replace
	case group(groupIP4):
		if !ip4Bounded(b, m[0], m[1]) || s == "0.0.0.0" || strings.HasPrefix(s, "127.") || strings.HasPrefix(s, "255.") {
			return "", keep
		}
		return r.standIn(kindIP, s, s), replace
	case !hexBounded(b, m[0], m[1]):
		return "", keep
	case group(groupMAC):
		canon, ok := macCanon(s)
		if !ok {
			return "", keep
		}
		return r.standIn(kindMAC, canon, s), replace
	}
	return r.standIn(kindKey, strings.ToUpper(s), s), replace
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

// verdict is what to do with a match.
type verdict int

const (
	replace verdict = iota
	// retry: not a value here, but one may start inside it ("ab12"
	// refused for "ab1", then "b12").
	retry
	// keep: the match stands as it is (a GUID, a time 12:30:45).
	keep
)

// replaceAll replaces the matches of re as repl decides.
func replaceAll(re *regexp.Regexp, b []byte, repl func(b []byte, m []int) (string, verdict)) []byte {
	var out bytes.Buffer
	last, pos := 0, 0
	for pos <= len(b) {
		loc := re.FindSubmatchIndex(b[pos:])
		if loc == nil {
			break
		}
		for i := range loc {
			if loc[i] >= 0 {
				loc[i] += pos
			}
		}
		if loc[0] == loc[1] {
			pos = loc[1] + 1
			continue
		}
		s, v := repl(b, loc)
		switch v {
		case retry:
			_, size := utf8.DecodeRune(b[loc[0]:])
			pos = loc[0] + size
			continue
		case keep:
			pos = loc[1]
			continue
		}
		out.Write(b[last:loc[0]])
		out.WriteString(s)
		last, pos = loc[1], loc[1]
	}
	if last == 0 {
		return b
	}
	out.Write(b[last:])
	return out.Bytes()
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
