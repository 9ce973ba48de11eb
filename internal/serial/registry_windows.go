package serial

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"

	"actwiz/internal/activation/spp"
)

// readRegistry reads a string (or number) value from the 64-bit view of
// the registry, where the vendor's 64-bit client writes, even when actwiz
// is the 32-bit build.
func readRegistry(ctx context.Context, p RegistryPath) (string, error) {
	root := registry.LOCAL_MACHINE
	if p.Root == "HKCU" {
		root = registry.CURRENT_USER
	}
	k, err := registry.OpenKey(root, p.Key, registry.QUERY_VALUE|registry.WOW64_64KEY)
	if err != nil {
		if errors.Is(err, windows.ERROR_FILE_NOT_FOUND) {
			return "", fmt.Errorf("key %s: %w", p.Key, errNotExist)
		}
		return "", fmt.Errorf("opening %s\\%s: %w", p.Root, p.Key, err)
	}
	defer k.Close()
	s, _, err := k.GetStringValue(p.Value)
	if errors.Is(err, registry.ErrUnexpectedType) {
		n, _, nerr := k.GetIntegerValue(p.Value)
		if nerr == nil {
			return fmt.Sprint(n), nil
		}
	}
	if errors.Is(err, windows.ERROR_FILE_NOT_FOUND) {
		return "", fmt.Errorf("value %s: %w", p.Value, errNotExist)
	}
	return s, err
}

// readPartialKey reads the last five characters of the installed Windows
// product key.
func readPartialKey(ctx context.Context) (string, error) {
	p, err := spp.Native().Product(ctx)
	if err != nil {
		return "", err
	}
	return p.PartialProductKey, nil
}
