package machinetext

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestDecode(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("在线激活失败，服务器错误，请联系客服"))
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8", []byte("激活成功"), "激活成功"},
		{"utf-8 with BOM", []byte("\xef\xbb\xbf激活成功"), "激活成功"},
		{"gbk", gbk, "在线激活失败，服务器错误，请联系客服"},
		{"ascii", []byte("Error: 0xC004F074\r\n"), "Error: 0xC004F074\r\n"},
	}
	for _, c := range cases {
		if got := Decode(c.in); got != c.want {
			t.Errorf("%s: %q; want %q", c.name, got, c.want)
		}
	}
}
