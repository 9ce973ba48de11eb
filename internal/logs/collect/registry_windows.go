package collect

import (
	"errors"
	"strings"

	"golang.org/x/sys/windows/registry"
)

// registryKeyExists reports whether key (HKLM\…, HKEY_CURRENT_USER\…)
// exists in the 64-bit view, so a key that is simply absent (no CMIT
// client, no per-user software) is a skip, not a failed export.
func registryKeyExists(key string) (bool, error) {
	rootName, path, _ := strings.Cut(key, `\`)
	roots := map[string]registry.Key{
		"HKLM": registry.LOCAL_MACHINE, "HKEY_LOCAL_MACHINE": registry.LOCAL_MACHINE,
		"HKCU": registry.CURRENT_USER, "HKEY_CURRENT_USER": registry.CURRENT_USER,
		"HKCR": registry.CLASSES_ROOT, "HKEY_CLASSES_ROOT": registry.CLASSES_ROOT,
		"HKU": registry.USERS, "HKEY_USERS": registry.USERS,
		"HKCC": registry.CURRENT_CONFIG, "HKEY_CURRENT_CONFIG": registry.CURRENT_CONFIG,
	}
	root, ok := roots[strings.ToUpper(rootName)]
	if !ok {
		return false, errors.New("unknown registry root " + rootName)
	}
	k, err := registry.OpenKey(root, path, registry.QUERY_VALUE|registry.WOW64_64KEY)
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		// Access denied and the like: let reg export say it in full.
		return true, nil
	}
	k.Close()
	return true, nil
}
