package cli

import (
	"bytes"
	"context"
	"runtime/debug"
	"strings"
	"testing"
)

func TestMergeVCS(t *testing.T) {
	vcs := []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123abc"}, {Key: "vcs.time", Value: "2026-11-26T09:00:00Z"}, {Key: "vcs.modified", Value: "true"},
	}
	cases := []struct {
		name string
		in   build
		want build
	}{
		{"stamped wins", build{commit: "fffeee", date: "2026-12-01T00:00:00Z"}, build{commit: "fffeee", date: "2026-12-01T00:00:00Z"}},
		{"falls back to vcs", build{}, build{commit: "0123abc", date: "2026-11-26T09:00:00Z", modified: true}},
	}
	for _, c := range cases {
		if got := mergeVCS(c.in, vcs); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestVersionPrintsStampedValues(t *testing.T) {
	defer func(v, c, d string) { Version, Commit, BuildDate = v, c, d }(Version, Commit, BuildDate)
	Version, Commit, BuildDate = "1.2.3", "0123456789abcdef", "2026-11-26T09:00:00Z"
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"version", "--lang", "en"}, testEnv(&stdout, &stderr)); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{"actwiz 1.2.3", "commit: 0123456789abcdef", "built:  2026-11-26T09:00:00Z"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output %q lacks %q", stdout.String(), want)
		}
	}
}
