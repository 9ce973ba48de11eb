// Package sample tests release/actwiz.sample.yaml, the commented config
// that ships in the release archive: it must name every key there is, each
// at its default, so a technician can uncomment any line and start there.
package sample

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"actwiz/config"
)

// uncomment turns every commented-out setting ("# key: value") into a
// setting; explanations ("## …") stay comments.
func uncomment(text string) string {
	return regexp.MustCompile(`(?m)^# `).ReplaceAllString(text, "")
}

func TestSampleNamesEveryKeyAtItsDefault(t *testing.T) {
	data, err := os.ReadFile("../actwiz.sample.yaml")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(readme), "\n## Configuration\n")
	table, _, _ = strings.Cut(table, "\n## ")
	var readmeKeys []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z_.]+)` \\|").FindAllStringSubmatch(table, -1) {
		readmeKeys = append(readmeKeys, m[1])
	}
	var docKeys []string
	for k := range config.Docs {
		docKeys = append(docKeys, k)
	}

	dir := t.TempDir()
	for _, tc := range []struct {
		name, text string
		keys       []string // the keys the file sets
	}{
		{"as shipped", string(data), nil},
		{"uncommented", uncomment(string(data)), docKeys},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var doc map[string]any
			if err := yaml.Unmarshal([]byte(tc.text), &doc); err != nil {
				t.Fatalf("not YAML: %v", err)
			}
			got := flatten("", doc)
			sort.Strings(got)
			want := slices.Clone(tc.keys)
			sort.Strings(want)
			if !slices.Equal(got, want) {
				t.Errorf("sets keys %v, want %v", got, want)
			}
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".yaml")
			if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			loaded, err := config.Load(config.Options{File: path})
			if err != nil {
				t.Fatalf("does not load: %v", err)
			}
			if !reflect.DeepEqual(loaded.Config, config.Defaults()) {
				t.Errorf("loads as\n%+v\nwant the defaults\n%+v", loaded.Config, config.Defaults())
			}
		})
	}
	sort.Strings(readmeKeys)
	sort.Strings(docKeys)
	if !slices.Equal(readmeKeys, docKeys) {
		t.Errorf("README's Configuration table lists %v, config.Docs %v", readmeKeys, docKeys)
	}
}

// flatten lists the dotted keys of a decoded YAML document: a mapping is a
// section, anything else a value.
func flatten(prefix string, m map[string]any) []string {
	var keys []string
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			keys = append(keys, flatten(prefix+k+".", sub)...)
			continue
		}
		keys = append(keys, prefix+k)
	}
	return keys
}
