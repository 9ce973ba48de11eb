package probe

import (
	"strings"
	"testing"
)

func TestDecodeDevpropBool(t *testing.T) {
	cases := []struct {
		typ  uint32
		data []byte
		want bool
		err  string
	}{
		{0x11, []byte{0xFF}, true, ""},
		{0x11, []byte{0x00}, false, ""},
		{0x11, []byte{0x01}, true, ""},
		{0x07, []byte{1, 0, 0, 0}, false, "expected DEVPROP_TYPE_BOOLEAN"},
		{0x11, []byte{}, false, "0 bytes"},
		{0x11, []byte{0xFF, 0}, false, "2 bytes"},
	}
	for _, c := range cases {
		got, err := decodeDevpropBool(c.typ, c.data)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("type 0x%X %v: error %v, want %q", c.typ, c.data, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("type 0x%X %v: got %v, %v; want %v", c.typ, c.data, got, err, c.want)
		}
	}
}

func TestConfigretErrorNamesTheCode(t *testing.T) {
	for _, c := range []struct {
		err  configretError
		want string
	}{
		{configretError{"CM_Locate_DevNodeW", 0x0D}, "CM_Locate_DevNodeW returned CR_NO_SUCH_DEVNODE (0xD): Windows knows no device"},
		{configretError{"CM_Locate_DevNodeW", 0x13}, "CM_Locate_DevNodeW returned CR_FAILURE (0x13)"},
		{configretError{"CM_Get_DevNode_PropertyW", 0x25}, "CR_NO_SUCH_VALUE (0x25): the device does not have this property"},
		{configretError{"CM_Get_DevNode_PropertyW", 0x99}, "returned CONFIGRET (0x99)"},
	} {
		if got := c.err.Error(); !strings.Contains(got, c.want) {
			t.Errorf("%+v: %q, want it to contain %q", c.err, got, c.want)
		}
	}
}
