package machinetext

import (
	"strings"
	"testing"
)

func TestClip(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"eleven char", 10, "eleven ch…"},
		{"张三李四王五赵六", 4, "张三李…"},
		{strings.Repeat("x", 200<<20), 5, "xxxx…"},
	}
	for _, c := range cases {
		if got := Clip(c.in, c.n); got != c.want {
			t.Errorf("Clip(%.20q, %d) = %q; want %q", c.in, c.n, got, c.want)
		}
	}
}
