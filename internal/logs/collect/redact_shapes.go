package collect

import (
	"net"
	"strings"
)

// patternSpans finds the values known by their shape: MAC and IP
// addresses and product keys. It is a scanner, not a regular expression:
// Go's backtracking search over every byte of every line made redaction
// crawl at under 1 MB/s. A value may start only where no letter or digit
// precedes it, except an IPv4 address, which only a digit or dot may
// precede (ip_10.1.2.8, x10.1.2.8).
func (r *Redactor) patternSpans(b []byte) []span {
	var out []span
	for k := 0; k < len(b); {
		if !isShapeByte(b[k]) {
			k++
			continue
		}
		var end int
		var with string
		var found bool
		if k > 0 && isAlnum(b[k-1]) {
			if isDigit(b[k]) && !isDigit(b[k-1]) {
				end, with, found = r.ip4At(b, k)
			}
		} else {
			end, with, found = r.shapeAt(b, k)
		}
		switch {
		case found && with != "":
			out = append(out, span{start: k, end: end, with: with})
			k = end
		case found: // a look-alike to keep whole (a GUID, 127.0.0.1)
			k = end
		default:
			k++
		}
	}
	return out
}

func isShapeByte(c byte) bool { return isAlnum(c) || c == ':' }

// shapeAt tries each shape at b[k:]. found with an empty stand-in means
// the text there is to be kept as it is.
func (r *Redactor) shapeAt(b []byte, k int) (end int, with string, found bool) {
	if !isHex(b[k]) && b[k] != ':' {
		// Most words: only a product key starts with g-z.
		if n := keyAt(b, k); n > 0 && hexBounded(b, k, k+n) {
			s := string(b[k : k+n])
			return k + n, r.standIn(kindKey, strings.ToUpper(s), s), true
		}
		return 0, "", false
	}
	// A GUID's last group is twelve hex digits: not a MAC.
	if n := guidAt(b, k); n > 0 {
		return k + n, "", true
	}
	if n := macAt(b, k); n > 0 {
		end = k + n
		canon, ok := macCanon(string(b[k:end]))
		if !ok || !hexBounded(b, k, end) {
			return end, "", true
		}
		return end, r.standIn(kindMAC, canon, string(b[k:end])), true
	}
	if end, with, found = r.ip6At(b, k); found {
		return end, with, true
	}
	if isDigit(b[k]) {
		if end, with, found = r.ip4At(b, k); found {
			return end, with, true
		}
	}
	if n := keyAt(b, k); n > 0 && hexBounded(b, k, k+n) {
		s := string(b[k : k+n])
		return k + n, r.standIn(kindKey, strings.ToUpper(s), s), true
	}
	return 0, "", false
}

// hexRun is how many hex digits start b[k:].
func hexRun(b []byte, k int) int {
	n := 0
	for k+n < len(b) && isHex(b[k+n]) {
		n++
	}
	return n
}

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// groupsAt matches hex or alphanumeric groups of the given sizes joined by
// one of seps (the same one throughout) at b[k:], returning the length.
func groupsAt(b []byte, k int, sizes []int, seps string, digit func(byte) bool) int {
	pos := k
	var sep byte
	for i, size := range sizes {
		if i > 0 {
			if pos >= len(b) || !strings.ContainsRune(seps, rune(b[pos])) || sep != 0 && b[pos] != sep {
				return 0
			}
			sep = b[pos]
			pos++
		}
		for j := 0; j < size; j++ {
			if pos >= len(b) || !digit(b[pos]) {
				return 0
			}
			pos++
		}
	}
	return pos - k
}

var (
	guidGroups  = []int{8, 4, 4, 4, 12}
	macGroups   = []int{2, 2, 2, 2, 2, 2}
	ciscoGroups = []int{4, 4, 4}
	keyGroups   = []int{5, 5, 5, 5, 5}
)

// at reports whether b[i] exists and is c: a cheap look before a full
// match.
func at(b []byte, i int, c ...byte) bool {
	return i < len(b) && strings.IndexByte(string(c), b[i]) >= 0
}

func guidAt(b []byte, k int) int {
	if !at(b, k+8, '-') {
		return 0
	}
	return groupsAt(b, k, guidGroups, "-", isHex)
}

// macAt: 02:fc:00:00:00:01, 02-FC-00-00-00-01, 02fc.0000.0001 or twelve
// hex digits alone.
func macAt(b []byte, k int) int {
	if at(b, k+2, ':', '-') {
		return groupsAt(b, k, macGroups, ":-", isHex)
	}
	if at(b, k+4, '.') {
		return groupsAt(b, k, ciscoGroups, ".", isHex)
	}
	if hexRun(b, k) == 12 {
		return 12
	}
	return 0
}

func keyAt(b []byte, k int) int {
	if !at(b, k+5, '-') {
		return 0
	}
	return groupsAt(b, k, keyGroups, "-", isAlnum)
}

// ip4At reads a dotted quad at b[k:] (octets 0-255, no leading zeros).
func (r *Redactor) ip4At(b []byte, k int) (end int, with string, found bool) {
	pos := k
	for i := 0; i < 4; i++ {
		if i > 0 {
			if pos >= len(b) || b[pos] != '.' {
				return 0, "", false
			}
			pos++
		}
		n, v := 0, 0
		for pos+n < len(b) && isDigit(b[pos+n]) && n < 4 {
			v = v*10 + int(b[pos+n]-'0')
			n++
		}
		if n == 0 || n > 3 || v > 255 || n > 1 && b[pos] == '0' {
			return 0, "", false
		}
		pos += n
	}
	s := string(b[k:pos])
	if !ip4Bounded(b, k, pos) || s == "0.0.0.0" || strings.HasPrefix(s, "127.") || strings.HasPrefix(s, "255.") {
		return pos, "", true
	}
	return pos, r.standIn(kindIP, s, s), true
}

// ip6At reads an IPv6 address at b[k:], an IPv4-mapped one included: the
// longest run of hex digits, colons and dots with two colons or more that
// parses, cut back at a colon when it does not (a port after it).
func (r *Redactor) ip6At(b []byte, k int) (end int, with string, found bool) {
	if !at(b, k, ':') && !at(b, k+1, ':') && !at(b, k+2, ':') && !at(b, k+3, ':') && !at(b, k+4, ':') {
		return 0, "", false
	}
	// 45 is the longest address (ffff:…:ffff:255.255.255.255); looking
	// further would make a long hex dump quadratic.
	end = k
	colons := 0
	for end < len(b) && end-k < 45 && (isHex(b[end]) || b[end] == ':' || b[end] == '.') {
		if b[end] == ':' {
			colons++
		}
		end++
	}
	if colons < 2 {
		return 0, "", false
	}
	for end > k && b[end-1] == '.' { // the end of a sentence
		end--
	}
	for tries := 0; tries < 8 && end > k; tries++ {
		s := string(b[k:end])
		if ip := net.ParseIP(s); ip != nil && strings.Contains(s, ":") && hexBounded(b, k, end) {
			if ip.IsLoopback() || ip.IsUnspecified() {
				return end, "", true
			}
			// ::ffff:10.1.2.4 is 10.1.2.4: one stand-in for both.
			return end, r.standIn(kindIP, ip.String(), s), true
		}
		cut := strings.LastIndexByte(s, ':')
		if cut <= 0 {
			break
		}
		end = k + cut
	}
	return 0, "", false
}
