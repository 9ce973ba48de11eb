package elevation

import (
	"errors"
	"runtime"
	"slices"
	"testing"

	"actwiz/internal/i18n"
)

func TestArguments(t *testing.T) {
	cases := []struct {
		in   Options
		want []string
	}{
		{Options{Case: "SR-2026-0142", Lang: i18n.ZH}, []string{"--case", "SR-2026-0142", "--lang", "zh"}},
		{Options{Lang: i18n.EN, Args: []string{"check"}}, []string{"check", "--lang", "en"}},
		{Options{Case: "案例 7 \"x\""}, []string{"--case", "案例 7 \"x\""}},
		{Options{}, []string{}},
		{Options{Lang: i18n.ZH, Config: `C:\Users\李\actwiz.yaml`, Args: []string{"wizard"}}, []string{"wizard", "--lang", "zh", "--config", `C:\Users\李\actwiz.yaml`}},
		{Options{Case: "CAS-1", Lang: i18n.EN, Config: "a.yaml", Args: []string{"wizard"}, Resume: "activation"}, []string{"wizard", "--case", "CAS-1", "--lang", "en", "--config", "a.yaml", "--resume", "activation"}},
		{Options{Lang: i18n.ZH, Args: []string{"wizard"}, Resume: "logs"}, []string{"wizard", "--lang", "zh", "--resume", "logs"}},
	}
	for _, c := range cases {
		if got := Arguments(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Arguments(%+v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRestartOffWindows(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("would show the UAC prompt")
	}
	if err := Restart(Options{Lang: i18n.EN}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("Restart off Windows: %v, want ErrUnsupported", err)
	}
}
