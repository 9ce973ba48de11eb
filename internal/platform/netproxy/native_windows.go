package netproxy

import (
	"fmt"
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	winhttp                        = windows.NewLazySystemDLL("winhttp.dll")
	procGetDefaultProxyConfig      = winhttp.NewProc("WinHttpGetDefaultProxyConfiguration")
	procGetIEProxyConfigForCurUser = winhttp.NewProc("WinHttpGetIEProxyConfigForCurrentUser")
	procOpen                       = winhttp.NewProc("WinHttpOpen")
	procGetProxyForURL             = winhttp.NewProc("WinHttpGetProxyForUrl")
	procCloseHandle                = winhttp.NewProc("WinHttpCloseHandle")
	procGlobalFree                 = windows.NewLazySystemDLL("kernel32.dll").NewProc("GlobalFree")
)

// The WinHTTP structures (winhttp.h).
type proxyInfo struct {
	accessType  uint32
	proxy       *uint16
	proxyBypass *uint16
}

type ieProxyConfig struct {
	autoDetect    int32
	autoConfigURL *uint16
	proxy         *uint16
	proxyBypass   *uint16
}

type autoProxyOptions struct {
	flags                 uint32
	autoDetectFlags       uint32
	autoConfigURL         *uint16
	reserved              uintptr
	reserved2             uint32
	autoLogonIfChallenged int32
}

const (
	accessNamedProxy    = 3
	autoProxyAutoDetect = 0x1
	autoProxyConfigURL  = 0x2
	autoDetectTypeDHCP  = 0x1
	autoDetectTypeDNSA  = 0x2
	accessTypeNoProxy   = 1
)

// Native reads WinHTTP's static setting and the user's Internet Options
// once; automatic configuration is evaluated per URL by WinHTTP itself.
func Native(kind Kind) Resolver {
	in := Inputs{Windows: true, Getenv: os.Getenv, AutoProxy: autoProxy}
	var pi proxyInfo
	if r, _, _ := procGetDefaultProxyConfig.Call(uintptr(unsafe.Pointer(&pi))); r != 0 {
		if pi.accessType == accessNamedProxy {
			in.WinHTTPProxy, in.WinHTTPBypass = take(pi.proxy), take(pi.proxyBypass)
		} else {
			take(pi.proxy)
			take(pi.proxyBypass)
		}
	}
	var ie ieProxyConfig
	if r, _, _ := procGetIEProxyConfigForCurUser.Call(uintptr(unsafe.Pointer(&ie))); r != 0 {
		in.IEAutoDetect = ie.autoDetect != 0
		in.IEAutoConfigURL, in.IEProxy, in.IEBypass = take(ie.autoConfigURL), take(ie.proxy), take(ie.proxyBypass)
	}
	return Resolver{In: in, Kind: kind}
}

// take copies a string WinHTTP allocated and frees it.
func take(p *uint16) string {
	if p == nil {
		return ""
	}
	s := windows.UTF16PtrToString(p)
	procGlobalFree.Call(uintptr(unsafe.Pointer(p)))
	return s
}

// autoProxy asks WinHttpGetProxyForUrl: the script at pacURL, or WPAD
// (DHCP and DNS) when pacURL is empty.
func autoProxy(target, pacURL string) (string, error) {
	h, _, err := procOpen.Call(0, accessTypeNoProxy, 0, 0, 0)
	if h == 0 {
		return "", fmt.Errorf("WinHttpOpen: %w", err)
	}
	defer procCloseHandle.Call(h)
	t, err := windows.UTF16PtrFromString(target)
	if err != nil {
		return "", err
	}
	opts := autoProxyOptions{autoLogonIfChallenged: 1}
	if pacURL != "" {
		opts.flags = autoProxyConfigURL
		if opts.autoConfigURL, err = windows.UTF16PtrFromString(pacURL); err != nil {
			return "", err
		}
	} else {
		opts.flags = autoProxyAutoDetect
		opts.autoDetectFlags = autoDetectTypeDHCP | autoDetectTypeDNSA
	}
	var pi proxyInfo
	r, _, err := procGetProxyForURL.Call(h, uintptr(unsafe.Pointer(t)), uintptr(unsafe.Pointer(&opts)), uintptr(unsafe.Pointer(&pi)))
	if r == 0 {
		return "", fmt.Errorf("WinHttpGetProxyForUrl: %w", err)
	}
	list := take(pi.proxy)
	take(pi.proxyBypass)
	if pi.accessType != accessNamedProxy {
		return "", nil
	}
	return list, nil
}
