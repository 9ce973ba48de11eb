package serial

import (
	"fmt"
	"strings"

	"actwiz/internal/i18n"
)

// RegistryPath is a registry value split into its parts.
type RegistryPath struct {
	Root  string // "HKLM" or "HKCU"
	Key   string // SOFTWARE\Vendor\Key
	Value string // the value's name
}

// ParseRegistryPath reads HKLM\Key\Value (or HKEY_LOCAL_MACHINE\…, HKCU,
// HKEY_CURRENT_USER), with either slash.
func ParseRegistryPath(s string) (RegistryPath, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "/", `\`)
	parts := strings.Split(s, `\`)
	if len(parts) < 3 {
		return RegistryPath{}, fmt.Errorf("registry path %q: want ROOT\\KEY\\VALUE", s)
	}
	root := strings.ToUpper(parts[0])
	switch root {
	case "HKLM", "HKEY_LOCAL_MACHINE":
		root = "HKLM"
	case "HKCU", "HKEY_CURRENT_USER":
		root = "HKCU"
	default:
		return RegistryPath{}, fmt.Errorf("registry path %q: the root must be HKLM or HKCU", s)
	}
	key := strings.Join(parts[1:len(parts)-1], `\`)
	value := parts[len(parts)-1]
	if key == "" || strings.Contains(key, `\\`) {
		return RegistryPath{}, fmt.Errorf("registry path %q: empty key name", s)
	}
	return RegistryPath{Root: root, Key: key, Value: value}, nil
}

// notOnThisOS is the answer of Windows-only sources elsewhere.
//
//nolint:unused // used off Windows only (registry_other.go)
type notOnThisOS struct{ text i18n.Text }

func (e notOnThisOS) Error() string   { return e.text.EN } //nolint:unused // off Windows only
func (e notOnThisOS) Text() i18n.Text { return e.text }    //nolint:unused // off Windows only

//nolint:unused // used off Windows only (registry_other.go)
var (
	msgRegistryOnlyWindows = i18n.T("注册表只在 Windows 上才有", "the registry only exists on Windows")
	msgSPPOnlyWindows      = i18n.T("Windows 软件保护服务只在 Windows 上才有", "Windows Software Protection only exists on Windows")
)
