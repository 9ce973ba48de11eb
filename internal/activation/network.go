package activation

import (
	"context"
	"crypto/x509"
	"net"
	"net/http"
	"net/url"
	"time"

	"actwiz/internal/platform/netproxy"
)

// Network is how the pre-flight checks reach the servers. Native uses the
// machine's resolver, trust store and proxy settings; tests put their own
// resolver, CA pool and clock in.
type Network struct {
	LookupHost func(ctx context.Context, host string) ([]string, error)
	Dial       func(ctx context.Context, network, addr string) (net.Conn, error)
	// RootCAs verifies https servers; nil means the system's trust store.
	RootCAs *x509.CertPool
	// Proxy returns the proxy for an https URL, nil for a direct connection.
	Proxy func(*url.URL) (*url.URL, error)
	// Decide, when set, replaces Proxy and says why: the proxy the
	// activation client's service would use (netproxy.Service).
	Decide func(*url.URL) netproxy.Decision
	// Timeout bounds each endpoint's whole check (connect, TLS, answer).
	Timeout time.Duration
	Now     func() time.Time
	// Settings describes the DNS servers and proxy in use, for messages.
	Settings func() NetSettings
}

// NetSettings is what can be read of the machine's network setup.
type NetSettings struct {
	DNSServers []string
	// Proxy describes the proxy configuration in words ("" = none found).
	Proxy string
}

// DefaultTimeout bounds each endpoint's check.
const DefaultTimeout = 10 * time.Second

// NativeNetwork reaches the network as this machine does.
func NativeNetwork(timeout time.Duration) Network {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	var d net.Dialer
	return Network{
		LookupHost: net.DefaultResolver.LookupHost,
		Dial:       d.DialContext,
		Decide:     netproxy.Native(netproxy.Service).For,
		Timeout:    timeout,
		Now:        time.Now,
		Settings:   readSettings,
	}
}

// envProxy is the proxy from HTTPS_PROXY/NO_PROXY (and lower case).
//
//nolint:unused // used by the Windows settings reader only
func envProxy(u *url.URL) (*url.URL, error) {
	return http.ProxyFromEnvironment(&http.Request{URL: u})
}

// decide is the proxy for an https URL and why; the zero Decision is a
// direct connection.
func (n Network) decide(u *url.URL) netproxy.Decision {
	if n.Decide != nil {
		return n.Decide(u)
	}
	if n.Proxy != nil {
		if p, err := n.Proxy(u); err == nil && p != nil {
			return netproxy.Decision{Proxy: p}
		}
	}
	return netproxy.Decision{}
}
