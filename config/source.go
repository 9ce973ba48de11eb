package config

import (
	"net/url"
	"reflect"

	"github.com/spf13/viper"
)

// SourceKind is where a setting's value came from.
type SourceKind string

const (
	FromDefault SourceKind = "default"
	FromFile    SourceKind = "file"
	FromEnv     SourceKind = "env"
	FromFlag    SourceKind = "flag"
)

// Source is a setting's origin: the kind and, for a variable or a flag,
// its name ("ACTWIZ_PROBE_TIMEOUT", "--lang"); for a file, the file.
type Source struct {
	Kind SourceKind
	Name string
}

func sourceOf(v *viper.Viper, opts Options, file, key string) Source {
	if _, ok := opts.Flags[key]; ok {
		name := opts.FlagNames[key]
		if name == "" {
			name = key
		}
		return Source{FromFlag, name}
	}
	if env := envName(key); opts.getenv(env) != "" {
		return Source{FromEnv, env}
	}
	if fromFile(v, opts, file, key) {
		return Source{FromFile, file}
	}
	return Source{FromDefault, ""}
}

// Keys lists every setting's key, sorted.
func Keys() []string { return sortedKeys(keyFields()) }

// Value is key's value in c, for display: a URL's password is replaced by
// "xxxxx" because the value is shown on screen and pasted into tickets.
func (c Config) Value(key string) any {
	path, ok := keyFields()[key]
	if !ok {
		return nil
	}
	val := fieldByPath(reflect.ValueOf(c), path).Interface()
	if s, ok := val.(string); ok {
		if u, err := url.Parse(s); err == nil && u.User != nil {
			return u.Redacted()
		}
	}
	return val
}
