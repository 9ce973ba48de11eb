package activation

import "encoding/binary"

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
