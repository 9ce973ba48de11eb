package activation

import (
	"net"
	"net/url"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

const (
	ieSettingsKey = `Software\Microsoft\Windows\CurrentVersion\Internet Settings`
	winHTTPKey    = `SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections`
)

func ieProxy() (server, bypass string, ok bool) {
	k, err := registry.OpenKey(registry.CURRENT_USER, ieSettingsKey, registry.QUERY_VALUE)
	if err != nil {
		return "", "", false
	}
	defer k.Close()
	enabled, _, err := k.GetIntegerValue("ProxyEnable")
	if err != nil || enabled == 0 {
		return "", "", false
	}
	server, _, err = k.GetStringValue("ProxyServer")
	if err != nil || server == "" {
		return "", "", false
	}
	bypass, _, _ = k.GetStringValue("ProxyOverride")
	return server, bypass, true
}

func ieAutoConfig() string {
	k, err := registry.OpenKey(registry.CURRENT_USER, ieSettingsKey, registry.QUERY_VALUE)
	if err != nil {
		return ""
	}
	defer k.Close()
	s, _, _ := k.GetStringValue("AutoConfigURL")
	return s
}

func winHTTPProxy() (server, bypass string, ok bool) {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, winHTTPKey, registry.QUERY_VALUE|registry.WOW64_64KEY)
	if err != nil {
		return "", "", false
	}
	defer k.Close()
	b, _, err := k.GetBinaryValue("WinHttpSettings")
	if err != nil {
		return "", "", false
	}
	return ParseWinHTTPSettings(b)
}

// readSettings reads the DNS servers of the adapters that are up and the
// proxy settings, in words.
func readSettings() NetSettings {
	var s NetSettings
	s.DNSServers = dnsServers()
	var parts []string
	if p, _ := envProxy(&url.URL{Scheme: "https", Host: "example.com"}); p != nil {
		parts = append(parts, "HTTPS_PROXY="+p.Redacted())
	}
	if server, _, ok := ieProxy(); ok {
		parts = append(parts, "Internet Options: "+server)
	}
	if pac := ieAutoConfig(); pac != "" {
		parts = append(parts, "PAC: "+pac)
	}
	if server, _, ok := winHTTPProxy(); ok {
		parts = append(parts, "WinHTTP: "+server)
	}
	s.Proxy = strings.Join(parts, "; ")
	return s
}

func dnsServers() []string {
	size := uint32(15000)
	for range 3 {
		buf := make([]byte, size)
		first := (*windows.IpAdapterAddresses)(unsafe.Pointer(&buf[0]))
		err := windows.GetAdaptersAddresses(windows.AF_UNSPEC, windows.GAA_FLAG_SKIP_ANYCAST|windows.GAA_FLAG_SKIP_MULTICAST, 0, first, &size)
		if err == windows.ERROR_BUFFER_OVERFLOW {
			continue
		}
		if err != nil {
			return nil
		}
		seen := map[string]bool{}
		var out []string
		for a := first; a != nil; a = a.Next {
			if a.OperStatus != windows.IfOperStatusUp {
				continue
			}
			for d := a.FirstDnsServerAddress; d != nil; d = d.Next {
				ip := sockaddrIP(d.Address)
				if ip != "" && !seen[ip] {
					seen[ip] = true
					out = append(out, ip)
				}
			}
		}
		return out
	}
	return nil
}

func sockaddrIP(sa windows.SocketAddress) string {
	if sa.Sockaddr == nil {
		return ""
	}
	raw, err := sa.Sockaddr.Sockaddr()
	if err != nil {
		return ""
	}
	switch v := raw.(type) {
	case *syscall.SockaddrInet4:
		return net.IP(v.Addr[:]).String()
	case *syscall.SockaddrInet6:
		return net.IP(v.Addr[:]).String()
	}
	return ""
}
