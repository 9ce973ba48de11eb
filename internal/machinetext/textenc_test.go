package machinetext

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestDecode(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("在线激活失败，服务器错误，请联系客服"))
	// PowerShell's Out-File writes UTF-16LE with a byte-order mark.
	utf16le := []byte{0xff, 0xfe, 0xc0, 0x6f, 0x3b, 0x6d, '\r', 0, '\n', 0}
	utf16be := []byte{0xfe, 0xff, 0x6f, 0xc0, 0x6d, 0x3b}
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8", []byte("激活成功"), "激活成功"},
		{"utf-8 with BOM", []byte("\xef\xbb\xbf激活成功"), "激活成功"},
		{"gbk", gbk, "在线激活失败，服务器错误，请联系客服"},
		{"ascii", []byte("Error: 0xC004F074\r\n"), "Error: 0xC004F074\r\n"},
		{"utf-16le with BOM", utf16le, "激活\r\n"},
		{"utf-16be with BOM", utf16be, "激活"},
	}
	for _, c := range cases {
		if got := Decode(c.in); got != c.want {
			t.Errorf("%s: %q; want %q", c.name, got, c.want)
		}
	}
}
