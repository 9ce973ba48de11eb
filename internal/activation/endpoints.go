package activation

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// Endpoint is an activation server actwiz checks: https (TCP, then a
// verified TLS handshake, then the Date of its answer) or tcp (a connection
// only, as a KMS host on port 1688).
type Endpoint struct {
	Raw    string
	Scheme string // "https" or "tcp"
	Host   string
	Port   string
	// Source is where it came from ("" in tests that do not care).
	Source Source
	// Mode is the CMIT ActiveMode value that says this one is in use.
	Mode string
}

// Addr is host:port.
func (e Endpoint) Addr() string { return net.JoinHostPort(e.Host, e.Port) }

// ParseEndpoint reads https://host:port or tcp://host:port; https
// defaults to port 443, tcp needs a port.
func ParseEndpoint(s string) (Endpoint, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return Endpoint{}, fmt.Errorf("endpoint %q: %w", s, err)
	}
	e := Endpoint{Raw: s, Scheme: strings.ToLower(u.Scheme), Host: u.Hostname(), Port: u.Port()}
	switch {
	case e.Scheme != "https" && e.Scheme != "tcp":
		return Endpoint{}, fmt.Errorf("endpoint %q: the scheme must be https:// or tcp://", s)
	case e.Host == "":
		return Endpoint{}, fmt.Errorf("endpoint %q: no host name", s)
	case u.Path != "" && u.Path != "/", u.RawQuery != "", u.User != nil:
		return Endpoint{}, fmt.Errorf("endpoint %q: give only scheme, host and port", s)
	case e.Port == "" && e.Scheme == "https":
		e.Port = "443"
	case e.Port == "":
		return Endpoint{}, fmt.Errorf("endpoint %q: tcp:// needs a port", s)
	}
	return e, nil
}

// ParseEndpoints parses a configured list.
func ParseEndpoints(list []string) ([]Endpoint, error) {
	out := make([]Endpoint, 0, len(list))
	for _, s := range list {
		e, err := ParseEndpoint(s)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// DefaultEndpoints are the profile's activation servers when none are
// configured. The CMGE ones are seen in public third-party analysis of the
// client's registry (ActivationServer, KeyManagementServiceName), not
// confirmed by the vendor; 1688 is the KMS protocol's port. The Windows
// ones are the activation hosts Microsoft lists for firewalls.
func DefaultEndpoints(profile string) []string {
	if profile == "windows" {
		return []string{"https://activation-v2.sls.microsoft.com:443", "https://validation-v2.sls.microsoft.com:443"}
	}
	return []string{"https://oag.cmgos.com:7892", "tcp://kms.cmgos.com:1688"}
}
