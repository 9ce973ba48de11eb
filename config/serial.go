package config

import (
	"strings"

	"actwiz/internal/i18n"
	"actwiz/internal/serial"
)

// Serial is the serial reconciliation's settings.
type Serial struct {
	// Profile names the kind of serial: cmge or windows.
	Profile string `mapstructure:"profile"`
	// LastSources are where the serial used last time is read, in order;
	// empty means the profile's default.
	LastSources []serial.Source `mapstructure:"last_sources"`
}

func defaultSerial() Serial {
	return Serial{Profile: serial.Profiles[0].Name, LastSources: []serial.Source{}}
}

func init() {
	validators = append(validators, validateSerial)
	Docs["serial.profile"] = "Kind of serial: `cmge` (13 characters, two letters and eleven digits, as in the case) or `windows` (a 25-character Windows product key)."
	Docs["serial.last_sources"] = "Where the serial used for the last activation is read, tried in order: a list of `{registry: 'HKLM\\Key\\Value'}`, `{file: PATH, pattern: REGEX}` (the first group of the last match is the serial) or `{spp: true}` (the installed Windows key's last five characters; profile `windows` only). Empty: the profile's default (`[{spp: true}]` for `windows`, none for `cmge`)."
}

func validateSerial(c *Config) (key string, allowed i18n.Text, ok bool) {
	c.Serial.Profile = strings.ToLower(strings.TrimSpace(c.Serial.Profile))
	if _, known := serial.ByName(c.Serial.Profile); !known {
		return "serial.profile", allowedProfile, false
	}
	for _, s := range c.Serial.LastSources {
		if why, ok := s.Validate(c.Serial.Profile); !ok {
			return "serial.last_sources", why, false
		}
	}
	return "", i18n.Text{}, true
}

var allowedProfile = i18n.T("cmge 或 windows", "cmge or windows")
