// Package config reads actwiz's settings: defaults, then a config file, then
// ACTWIZ_* environment variables, then command-line flags, each winning over
// the one before. It decodes into a typed struct and refuses unknown keys
// and bad values with a message naming the file or variable, the key and
// what is allowed.
//
// It may import the packages whose settings it decodes (probe, serial, activation, logs/collect) and the text and file helpers; never steps, ui or cli.
package config

import (
	"time"

	"actwiz/internal/probe"
)

// Config is every setting. The mapstructure tag is the key's name in a
// config file; nested structs are sections ("probe.timeout").
type Config struct {
	Lang       string     `mapstructure:"lang"`
	Probe      Probe      `mapstructure:"probe"`
	Checks     Checks     `mapstructure:"checks"`
	UI         UI         `mapstructure:"ui"`
	Serial     Serial     `mapstructure:"serial"`
	Activation Activation `mapstructure:"activation"`
	Report     Report     `mapstructure:"report"`
	Logs       Logs       `mapstructure:"logs"`
	Upload     Upload     `mapstructure:"upload"`
}

type Probe struct {
	Timeout time.Duration `mapstructure:"timeout"`
}

type Checks struct {
	Placeholders []string `mapstructure:"placeholders"`
}

type UI struct {
	Theme string `mapstructure:"theme"`
}

// Defaults returns the settings used when nothing else is configured.
func Defaults() Config {
	return Config{
		Lang:       "",
		Probe:      Probe{Timeout: probe.DefaultTimeout},
		Checks:     Checks{Placeholders: []string{}},
		UI:         UI{Theme: "auto"},
		Serial:     defaultSerial(),
		Activation: defaultActivation(),
		Report:     Report{Dir: ""},
		Logs:       defaultLogs(),
		Upload:     defaultUpload(),
	}
}

// Docs describes every key for people; a test checks that each key has an
// entry here and in the README. Each feature's file adds its keys in init.
var Docs = map[string]string{
	"lang":                "Display language: `zh` or `en`. Empty means the operating system's language.",
	"probe.timeout":       "Deadline for reading the machine's hardware facts, as a duration (`15s`, `1m`). 1s to 10m.",
	"checks.placeholders": "Extra serial values your site treats as placeholders, added to the built-in list (spec §2).",
	"ui.theme":            "Glyphs: `auto` (plain ASCII on the classic Windows console with a Chinese code page), `unicode` or `plain`.",
}
