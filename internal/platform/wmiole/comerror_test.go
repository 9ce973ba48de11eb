package wmiole

import (
	"errors"
	"fmt"
	"testing"

	"github.com/go-ole/go-ole"
)

func TestCOMErrorText(t *testing.T) {
	for _, c := range []struct {
		err  Error
		want string
	}{
		{Error{Code: 0x80020006}, "DISP_E_UNKNOWNNAME (0x80020006): the object does not provide this property"},
		{Error{Code: 0x80041003}, "WBEM_E_ACCESS_DENIED (0x80041003): this user may not read it"},
		{Error{Code: 0x80020009, Detail: "Invalid query"}, "DISP_E_EXCEPTION (0x80020009): Invalid query"},
		{Error{Code: 0x8000FFFF}, "HRESULT 0x8000FFFF"},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.err, got, c.want)
		}
	}
}

// Describe names the code, keeps the server's text, and still lets a
// caller reach go-ole's error through the wrapping.
func TestDescribe(t *testing.T) {
	oe := ole.NewErrorWithDescription(0x80041017, "Invalid query")
	err := fmt.Errorf("running the query: %w", Describe(oe))
	if got, want := err.Error(), "running the query: WBEM_E_INVALID_QUERY (0x80041017): Invalid query"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	var back *ole.OleError
	if !errors.As(err, &back) || back != oe {
		t.Error("go-ole's error is not reachable through Describe's")
	}
	plain := errors.New("no IEnumVARIANT")
	if Describe(plain) != plain {
		t.Error("a non-COM error must come back as it is")
	}
	if name, ok := CodeName(0x80004001); !ok || name != "E_NOTIMPL" {
		t.Errorf("CodeName(E_NOTIMPL) = %q, %v", name, ok)
	}
}
