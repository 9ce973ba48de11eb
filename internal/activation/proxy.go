package activation

import (
	"encoding/binary"
	"net/url"
	"path"
	"strings"
)

// ParseProxyServer reads a Windows proxy setting ("host:port", or
// "http=h:p;https=h:p;…") and returns the proxy for https.
func ParseProxyServer(s string) *url.URL {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	chosen := ""
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if k, v, ok := strings.Cut(part, "="); ok {
			if strings.EqualFold(k, "https") || (chosen == "" && strings.EqualFold(k, "http")) {
				chosen = v
			}
			continue
		}
		if part != "" && chosen == "" {
			chosen = part
		}
	}
	if chosen == "" {
		return nil
	}
	if !strings.Contains(chosen, "://") {
		chosen = "http://" + chosen
	}
	u, err := url.Parse(chosen)
	if err != nil || u.Host == "" {
		return nil
	}
	return u
}

// Bypassed reports whether host matches a Windows bypass list
// ("*.corp;10.*;<local>").
func Bypassed(host, list string) bool {
	for _, p := range strings.Split(list, ";") {
		p = strings.ToLower(strings.TrimSpace(p))
		switch {
		case p == "":
		case p == "<local>":
			if !strings.Contains(host, ".") {
				return true
			}
		default:
			if ok, _ := path.Match(p, strings.ToLower(host)); ok {
				return true
			}
		}
	}
	return false
}

// WinHTTPSettings is the binary value netsh winhttp set proxy writes
// (HKLM\…\Internet Settings\Connections\WinHttpSettings): a header of
// three little-endian DWORDs (size, counter, flags; flags 3 = proxy in
// use), then the proxy and the bypass list, each a DWORD length followed
// by that many bytes of ASCII.
func ParseWinHTTPSettings(b []byte) (proxy, bypass string, ok bool) {
	if len(b) < 16 {
		return "", "", false
	}
	flags := binary.LittleEndian.Uint32(b[8:])
	rest := b[12:]
	read := func() (string, bool) {
		if len(rest) < 4 {
			return "", false
		}
		n := binary.LittleEndian.Uint32(rest)
		rest = rest[4:]
		if uint32(len(rest)) < n {
			return "", false
		}
		s := string(rest[:n])
		rest = rest[n:]
		return s, true
	}
	proxy, ok1 := read()
	bypass, _ = read()
	if !ok1 || flags&2 == 0 || proxy == "" {
		return "", "", false
	}
	return proxy, bypass, true
}
