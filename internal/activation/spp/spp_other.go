//go:build !windows

package spp

import (
	"context"
	"errors"
)

// ErrNotWindows is every answer off Windows.
var ErrNotWindows = errors.New("Windows Software Protection only exists on Windows")

type unavailable struct{}

// Native is Windows Software Protection; elsewhere every call fails with
// ErrNotWindows.
func Native() Client { return unavailable{} }

func (unavailable) Product(context.Context) (Product, error)        { return Product{}, ErrNotWindows }
func (unavailable) InstallProductKey(context.Context, string) error { return ErrNotWindows }
func (unavailable) Activate(context.Context, string) error          { return ErrNotWindows }
func (unavailable) RefreshLicenseStatus(context.Context) error      { return ErrNotWindows }

// KMSHost is SoftwareLicensingService's KMS host; off Windows, none.
func KMSHost(context.Context) (string, uint32, error) { return "", 0, ErrNotWindows }
