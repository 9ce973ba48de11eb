//go:build !windows

package activation

import (
	"net/url"
	"os"
	"strings"
)

// readSettings reads the DNS servers from /etc/resolv.conf and the proxy
// from the environment.
func readSettings() NetSettings {
	var s NetSettings
	if data, err := os.ReadFile("/etc/resolv.conf"); err == nil {
		s.DNSServers = nameservers(string(data))
	}
	for _, k := range []string{"HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"} {
		if v := os.Getenv(k); v != "" {
			if u, err := url.Parse(v); err == nil {
				v = u.Redacted()
			}
			s.Proxy = k + "=" + v
			break
		}
	}
	return s
}

func nameservers(resolvConf string) []string {
	var out []string
	for _, line := range strings.Split(resolvConf, "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "nameserver" {
			out = append(out, f[1])
		}
	}
	return out
}
