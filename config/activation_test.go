package config

import (
	"errors"
	"strings"
	"testing"

	"actwiz/internal/activation"
)

func TestActivationSettings(t *testing.T) {
	cases := []struct {
		name, yaml string
		ok         bool
		mention    string
		driver     string
	}{
		{"defaults", "", true, "", DriverKMS},
		{"windows profile", "serial: {profile: windows}\n", true, "", "spp"},
		{"command", "activation:\n  command: ['C:\\Program Files\\CMITActivation\\CmitClient.exe', '/serial', '{serial}']\n  messages:\n    - pattern: '序列号无效'\n      meaning: {zh: 序列号无效。, en: The serial is invalid.}\n      hint: {zh: 核对序列号。, en: Check the serial.}\n", true, "", "command"},
		{"endpoints", "activation: {endpoints: ['tcp://kms.example.gov.cn:1688']}\n", true, "", DriverKMS},
		{"bad driver", "activation: {driver: kms}\n", false, "auto, none, command or spp", ""},
		{"command without program", "activation: {driver: command}\n", false, "activation.command", ""},
		{"bad endpoint", "activation:\n  endpoints: ['tcp://kms.cmgos.com']\n", false, "tcp needs a port", ""},
		{"message without English", "activation:\n  messages: [{pattern: 'x', meaning: {zh: 某}}]\n", false, "both languages", ""},
		{"short timeout", "activation: {timeout: 10ms}\n", false, "1s to 2m", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "actwiz.yaml", c.yaml+"\n")
			got, err := Load(Options{Dirs: []string{dir}})
			if c.ok != (err == nil) {
				t.Fatalf("err = %v; want ok=%v", err, c.ok)
			}
			if err != nil {
				var cerr *Error
				if !errors.As(err, &cerr) || !strings.Contains(cerr.Text.EN, c.mention) {
					t.Errorf("error %q must mention %q", err, c.mention)
				}
				return
			}
			a := got.Config.Activation
			if d := a.DriverFor(got.Config.Serial.Profile); d != c.driver {
				t.Errorf("driver %s; want %s", d, c.driver)
			}
			if c.name == "command" && (a.Messages[0].Meaning.EN != "The serial is invalid." || a.Messages[0].Hint.ZH != "核对序列号。" || a.Command[2] != "{serial}") {
				t.Errorf("not decoded: %+v", a)
			}
			// With none configured the machine's own servers are read at
			// check time: the config must not put defaults in their place.
			if eps := a.EndpointsFor(got.Config.Serial.Profile); len(eps) != len(a.Endpoints) {
				t.Errorf("endpoints %v; want exactly the configured %v", eps, a.Endpoints)
			}
			for _, e := range a.EndpointsFor(got.Config.Serial.Profile) {
				if e.Source != activation.FromConfig {
					t.Errorf("%s: source %q; want config", e.Raw, e.Source)
				}
			}
		})
	}
}
