package spp

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/go-ole/go-ole"
	"github.com/go-ole/go-ole/oleutil"

	"actwiz/internal/platform/wmiole"
)

// ErrNotWindows is never returned on Windows; it exists so callers compile
// the same everywhere.
var ErrNotWindows = errors.New("Windows Software Protection only exists on Windows")

type native struct{}

// Native is Windows Software Protection through WMI's scripting API.
func Native() Client { return native{} }

// mu keeps one licensing call at a time: Activate can take a minute, and
// the licensing service serialises anyway.
var mu sync.Mutex

// productQuery is slmgr's: Windows, a key installed, not an add-on. Wine's
// WQL refuses it (WBEM_E_INVALID_QUERY), so there every product is read;
// Pick applies the same rules to the rows either way.
const (
	productQuery      = "SELECT * FROM SoftwareLicensingProduct WHERE ApplicationID='" + WindowsApplicationID + "' AND PartialProductKey IS NOT NULL AND LicenseIsAddon = FALSE"
	productsQuery     = "SELECT * FROM SoftwareLicensingProduct"
	wbemEInvalidQuery = 0x80041017
)

func (native) Product(ctx context.Context) (Product, error) {
	var p Product
	err := run(ctx, "reading SoftwareLicensingProduct", func(svc *ole.IDispatch) error {
		var rows []Product
		read := func(item *ole.IDispatch) error {
			rows = append(rows, readProduct(item))
			return nil
		}
		err := each(svc, productQuery, read)
		var se *Error
		if errors.As(err, &se) && se.Code == wbemEInvalidQuery {
			rows = nil
			err = each(svc, productsQuery, read)
		}
		if err != nil {
			return err
		}
		var pickErr error
		p, pickErr = Pick(rows)
		return pickErr
	})
	return p, err
}

func (native) InstallProductKey(ctx context.Context, key string) error {
	return run(ctx, "InstallProductKey", func(svc *ole.IDispatch) error {
		return onService(svc, "InstallProductKey", key)
	})
}

func (native) RefreshLicenseStatus(ctx context.Context) error {
	return run(ctx, "RefreshLicenseStatus", func(svc *ole.IDispatch) error {
		return onService(svc, "RefreshLicenseStatus")
	})
}

func (native) Activate(ctx context.Context, productID string) error {
	return run(ctx, "Activate", func(svc *ole.IDispatch) error {
		query := "SELECT * FROM SoftwareLicensingProduct WHERE ID='" + escapeWQL(productID) + "'"
		called := false
		err := each(svc, query, func(item *ole.IDispatch) error {
			if called {
				return nil
			}
			called = true
			return call(item, "Activate")
		})
		if err == nil && !called {
			return ErrNoProduct
		}
		return err
	})
}

func onService(svc *ole.IDispatch, method string, args ...any) error {
	called := false
	err := each(svc, "SELECT * FROM SoftwareLicensingService", func(item *ole.IDispatch) error {
		if called {
			return nil
		}
		called = true
		return call(item, method, args...)
	})
	if err == nil && !called {
		return errors.New("no SoftwareLicensingService instance")
	}
	return err
}

// call invokes a WMI method on an object. A licensing failure arrives as
// a COM exception whose scode is the HRESULT (what slmgr shows as
// Err.Number); a non-zero return value is one too.
func call(item *ole.IDispatch, method string, args ...any) error {
	v, err := oleutil.CallMethod(item, method, args...)
	if err != nil {
		return comError(method, err)
	}
	defer v.Clear()
	if n, ok := toUint32(v.Value()); ok && n != 0 {
		return &Error{Op: method, Code: n}
	}
	return nil
}

func comError(op string, err error) error {
	var oe *ole.OleError
	if errors.As(err, &oe) {
		code := uint32(oe.Code())
		var ex ole.EXCEPINFO
		if sub, ok := oe.SubError().(ole.EXCEPINFO); ok {
			ex = sub
			if sc := ex.SCODE(); sc != 0 {
				code = sc
			}
		}
		detail := oe.Description()
		if detail == "<nil>" {
			detail = ""
		}
		return &Error{Op: op, Code: code, Detail: detail}
	}
	return fmt.Errorf("%s: %w", op, err)
}

// run gives f a WMI connection on a thread of its own and waits for it or
// for ctx. A call that outlives ctx is abandoned (WMI has no timeouts):
// its goroutine finishes on its own and its answer is dropped.
func run(ctx context.Context, op string, f func(svc *ole.IDispatch) error) error {
	done := make(chan error, 1)
	go func() {
		mu.Lock()
		defer mu.Unlock()
		if ctx.Err() != nil {
			done <- ctx.Err()
			return
		}
		var fErr error
		err := wmiole.OnCOMThread(func() error {
			return wmiole.Connect(`root\cimv2`, func(svc *ole.IDispatch) error {
				fErr = f(svc)
				return fErr
			})
		})
		if err != nil && fErr == nil {
			// Setting up COM or the connection failed, not f.
			err = fmt.Errorf("%s: %w", op, err)
		}
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", op, ctx.Err())
	}
}

// each runs a query and calls f for every object (wmiole.Each enumerates
// the way both Windows and Wine support). f's errors come back as they
// are; a failed query or enumeration comes back as an *Error, so that
// callers can tell WBEM_E_INVALID_QUERY or an access denial by its code.
func each(svc *ole.IDispatch, query string, f func(item *ole.IDispatch) error) error {
	var fErr error
	err := wmiole.Each(svc, query, func(item *ole.IDispatch) error {
		fErr = f(item)
		return fErr
	})
	if err == nil || fErr != nil {
		return err
	}
	return comError("ExecQuery", err)
}

func readProduct(item *ole.IDispatch) Product {
	var p Product
	if _, err := wmiole.Property(item, "PartialProductKey"); err != nil {
		p.keyUnreadable = true
	}
	p.ApplicationID, _ = str(item, "ApplicationID")
	if v, ok := prop(item, "LicenseIsAddon"); ok {
		if b, isBool := v.(bool); isBool {
			p.LicenseIsAddon = &b
		}
	}
	p.ID, _ = str(item, "ID")
	p.Name, _ = str(item, "Name")
	p.Description, _ = str(item, "Description")
	p.PartialProductKey, _ = str(item, "PartialProductKey")
	if n, ok := num(item, "LicenseStatus"); ok {
		v := int(n)
		p.LicenseStatus = &v
	}
	if n, ok := num(item, "LicenseStatusReason"); ok {
		p.LicenseStatusReason = &n
	}
	if n, ok := num(item, "GracePeriodRemaining"); ok {
		v := int(n)
		p.GracePeriodRemaining = &v
	}
	return p
}

// prop reads a property (wmiole.Property: the flags VBScript sends, which
// Wine needs too); unreadable and NULL are both "no value" here.
func prop(item *ole.IDispatch, name string) (any, bool) {
	val, err := wmiole.Property(item, name)
	return val, err == nil && val != nil
}

func str(item *ole.IDispatch, name string) (string, bool) {
	v, ok := prop(item, name)
	s, isStr := v.(string)
	return s, ok && isStr
}

// num reads one of SoftwareLicensingProduct's uint32 properties.
func num(item *ole.IDispatch, name string) (uint32, bool) {
	v, ok := prop(item, name)
	if !ok {
		return 0, false
	}
	return toUint32(v)
}

// KMSHost reads the KMS host set with slmgr /skms from
// SoftwareLicensingService (KeyManagementServiceMachine/Port), for when
// the registry does not show it.
func KMSHost(ctx context.Context) (name string, port uint32, err error) {
	err = run(ctx, "reading SoftwareLicensingService", func(svc *ole.IDispatch) error {
		return each(svc, "SELECT * FROM SoftwareLicensingService", func(item *ole.IDispatch) error {
			if name == "" {
				name, _ = str(item, "KeyManagementServiceMachine")
				port, _ = num(item, "KeyManagementServicePort")
			}
			return nil
		})
	})
	return name, port, err
}
