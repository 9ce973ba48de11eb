package activation

import (
	"context"
	"errors"
	"net"
	"strconv"
	"strings"

	"golang.org/x/sys/windows/registry"

	"actwiz/internal/activation/spp"
)

const (
	cmitKey  = `SOFTWARE\CMIT\Active`
	sppKey   = `SOFTWARE\Microsoft\Windows NT\CurrentVersion\SoftwareProtectionPlatform`
	tcpipKey = `SYSTEM\CurrentControlSet\Services\Tcpip\Parameters`
)

type nativeMachine struct{}

// NativeMachine reads the registry's 64-bit view (a 32-bit actwiz would
// otherwise see WOW6432Node, where neither client writes), Software
// Protection through WMI when the registry names no KMS host, and the
// DNS's _vlmcs._tcp record when nothing does, as the KMS client would.
func NativeMachine() MachineReader { return nativeMachine{} }

func (nativeMachine) ReadMachine(ctx context.Context) Machine {
	var m Machine
	if k, err := registry.OpenKey(registry.LOCAL_MACHINE, cmitKey, registry.QUERY_VALUE|registry.WOW64_64KEY); err == nil {
		m.ActivationServer = regString(k, "ActivationServer")
		m.IntranetServer = regString(k, "IntranetActivationServer")
		m.ActiveMode = regString(k, "ActiveMode")
		k.Close()
	}
	if k, err := registry.OpenKey(registry.LOCAL_MACHINE, sppKey, registry.QUERY_VALUE|registry.WOW64_64KEY); err == nil {
		m.KMSName = regString(k, "KeyManagementServiceName")
		m.KMSPort = regString(k, "KeyManagementServicePort")
		k.Close()
	}
	if m.KMSName == "" {
		if name, port, err := spp.KMSHost(ctx); err == nil {
			m.ServiceKMSName = name
			if port != 0 {
				m.ServiceKMSPort = strconv.Itoa(int(port))
			}
		}
	}
	if m.KMSName == "" && m.ServiceKMSName == "" {
		m.Discovered = discoverKMS(ctx, dnsDomains())
	}
	return m
}

// regString reads a value written as a string or a number.
func regString(k registry.Key, name string) string {
	if s, _, err := k.GetStringValue(name); err == nil {
		return strings.TrimSpace(s)
	} else if !errors.Is(err, registry.ErrUnexpectedType) {
		return ""
	}
	if n, _, err := k.GetIntegerValue(name); err == nil {
		return strconv.FormatUint(n, 10)
	}
	return ""
}

// dnsDomains are the suffixes the KMS client appends to _vlmcs._tcp: the
// primary DNS suffix, then the search list and the DHCP domain.
func dnsDomains() []string {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, tcpipKey, registry.QUERY_VALUE|registry.WOW64_64KEY)
	if err != nil {
		return nil
	}
	defer k.Close()
	var out []string
	seen := map[string]bool{}
	for _, name := range []string{"NV Domain", "Domain", "SearchList", "DhcpDomain"} {
		for _, d := range strings.FieldsFunc(regString(k, name), func(r rune) bool { return r == ',' || r == ' ' }) {
			d = strings.ToLower(strings.Trim(d, "."))
			if d != "" && !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	return out
}

func discoverKMS(ctx context.Context, domains []string) []*net.SRV {
	for _, d := range domains {
		if _, srvs, err := net.DefaultResolver.LookupSRV(ctx, "vlmcs", "tcp", d); err == nil && len(srvs) > 0 {
			return srvs
		}
	}
	return nil
}
