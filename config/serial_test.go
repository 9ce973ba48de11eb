package config

import (
	"errors"
	"strings"
	"testing"
)

func TestSerialSettings(t *testing.T) {
	cases := []struct {
		name, yaml string
		ok         bool
		mention    string
	}{
		{"defaults", "", true, ""},
		{"sources", "serial:\n  profile: CMGE\n  last_sources:\n    - registry: 'HKLM\\SOFTWARE\\CMIT\\Active\\Serial'\n    - file: 'C:\\Windows\\Temp\\CMGE_1.log'\n      pattern: 'SN=(\\w+)'\n", true, ""},
		{"spp with windows", "serial:\n  profile: windows\n  last_sources: [{spp: true}]\n", true, ""},
		{"bad profile", "serial:\n  profile: office\n", false, "cmge or windows"},
		{"spp with cmge", "serial:\n  last_sources: [{spp: true}]\n", false, "serial.profile windows"},
		{"pattern without group", "serial:\n  last_sources: [{file: a.log, pattern: 'SN=\\w+'}]\n", false, "first group"},
		{"unknown member", "serial:\n  last_sources: [{registy: 'HKLM\\A\\B'}]\n", false, "registy"}, //nolint:misspell // the misspelt key is the test
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
				if !errors.As(err, &cerr) || !strings.Contains(cerr.Text.EN, c.mention) || !strings.Contains(cerr.Text.EN, "serial.") {
					t.Errorf("error %q must name the key and mention %q", err, c.mention)
				}
				return
			}
			if c.name == "sources" && (got.Config.Serial.Profile != "cmge" || len(got.Config.Serial.LastSources) != 2 || got.Config.Serial.LastSources[1].Pattern != `SN=(\w+)`) {
				t.Errorf("sources not decoded: %+v", got.Config.Serial)
			}
		})
	}
}
