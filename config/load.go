package config

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/viper"

	"actwiz/internal/files"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// relativeToFile lists the folder keys that, when relative in a config
// file, are taken relative to that file's folder.
var relativeToFile = map[string]bool{"report.dir": true}

// FileNames are the config file names looked for in each folder, in order.
var FileNames = []string{"actwiz.yaml", "actwiz.yml", "actwiz.json", "actwiz.toml"}

// Options says where to look. Empty folders are skipped.
type Options struct {
	// File is --config: it must exist.
	File string
	// Dirs are searched in order when File is empty; the first file found
	// is used. Typically: next to the executable (portable use from a USB
	// stick), the user's config folder, the system's.
	Dirs []string
	// Flags holds command-line values by key; they win over everything.
	// FlagNames gives each key's flag for messages ("lang" → "--lang").
	Flags     map[string]string
	FlagNames map[string]string
	// Getenv reads ACTWIZ_* variables; nil means the process environment.
	// The command line passes its own, so tests and embedders control it.
	Getenv func(string) string
}

func (o Options) getenv(name string) string {
	if o.Getenv == nil {
		return os.Getenv(name)
	}
	return o.Getenv(name)
}

// Loaded is the result of Load.
type Loaded struct {
	Config Config
	// File is the config file used, or "" when none was found.
	File string
	// Searched lists the paths looked at, in order, when --config was not
	// given.
	Searched []string
	// Sources says where each key's value came from.
	Sources map[string]Source
}

// Load reads the configuration.
func Load(opts Options) (Loaded, error) { return LoadContext(context.Background(), opts) }

// LoadContext is Load ending with ctx's error when ctx ends first.
func LoadContext(ctx context.Context, opts Options) (Loaded, error) {
	v := viper.New()
	fields := keyFields()
	defaults := Defaults()
	for key, path := range fields {
		v.SetDefault(key, fieldByPath(reflect.ValueOf(&defaults).Elem(), path).Interface())
	}
	file, searched, err := findFile(opts)
	if err != nil {
		return Loaded{}, err
	}
	if file != "" {
		if err := readConfig(ctx, v, file); err != nil {
			return Loaded{}, err
		}
		if err := unknownKeys(v, fields, file); err != nil {
			return Loaded{}, err
		}
	}
	// Set wins over the file and the defaults, and flags are set after the
	// environment, so the order is defaults < file < ACTWIZ_* < flags. An
	// empty variable counts as unset, as it did with viper's own binding.
	for key := range fields {
		if val := opts.getenv(envName(key)); val != "" {
			v.Set(key, val)
		}
	}
	for key, val := range opts.Flags {
		v.Set(key, val)
	}

	cfg := Defaults()
	root := reflect.ValueOf(&cfg).Elem()
	keys := sortedKeys(fields)
	for _, key := range keys {
		target := fieldByPath(root, fields[key])
		if err := decodeInto(v.Get(key), target); err != nil {
			return Loaded{}, wrongType(source(v, opts, file, key), target.Type(), v.Get(key), err)
		}
	}
	// A relative folder in a config file means "beside this file": the
	// technician's stick carries actwiz.exe, actwiz.yaml and reports/
	// together, whatever drive letter the stick gets on each machine.
	for key, path := range fields {
		field := fieldByPath(root, path)
		if !relativeToFile[key] || field.Kind() != reflect.String || !fromFile(v, opts, file, key) {
			continue
		}
		if dir := field.String(); dir != "" && !filepath.IsAbs(dir) {
			field.SetString(filepath.Join(filepath.Dir(file), dir))
		}
	}
	if key, allowed, ok := cfg.validate(); !ok {
		return Loaded{}, errorT(msgNotAllowed, source(v, opts, file, key), machinetext.Clip(fmt.Sprint(v.Get(key)), quoteLen), allowed)
	}
	sources := map[string]Source{}
	for key := range fields {
		sources[key] = sourceOf(v, opts, file, key)
	}
	return Loaded{Config: cfg, File: file, Searched: searched, Sources: sources}, nil
}

func findFile(opts Options) (string, []string, error) {
	if opts.File != "" {
		info, err := os.Stat(opts.File)
		if err != nil {
			return "", nil, errorT(msgUnreadable, opts.File, files.Reason(err))
		}
		if info.IsDir() {
			return "", nil, errorT(msgIsFolder, opts.File)
		}
		if !knownExtension(opts.File) {
			return "", nil, errorT(msgBadExtension, opts.File)
		}
		return opts.File, nil, nil
	}
	var searched []string
	for _, dir := range opts.Dirs {
		if dir == "" {
			continue
		}
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			searched = append(searched, p)
			if info, err := os.Stat(p); err == nil && !info.IsDir() {
				return p, searched, nil
			}
		}
	}
	return "", searched, nil
}

func knownExtension(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json", ".toml":
		return true
	}
	return false
}

// unknownKeys refuses keys the file sets that actwiz does not know: a typo
// must be reported, not silently ignored.
func unknownKeys(v *viper.Viper, fields map[string][]int, file string) error {
	var bad []string
	for _, key := range v.AllKeys() {
		if _, ok := fields[key]; ok || !v.InConfig(key) {
			continue
		}
		if isSection(key, fields) {
			return errorT(msgNotSection, file, machinetext.Clip(key, quoteLen), strings.Join(sectionKeys(key, fields), ", "))
		}
		bad = append(bad, key)
	}
	if len(bad) == 0 {
		return nil
	}
	sort.Strings(bad)
	var suggestion i18n.Text
	if near := nearest(bad[0], sortedKeys(fields)); near != "" {
		suggestion = msgDidYouMean.F(near)
	}
	return errorT(msgUnknownKey, file, machinetext.Clip(bad[0], quoteLen), suggestion, strings.Join(sortedKeys(fields), ", "))
}

// fromFile reports whether key's value comes from the config file (no flag
// or environment variable overrides it).
func fromFile(v *viper.Viper, opts Options, file, key string) bool {
	if _, ok := opts.Flags[key]; ok {
		return false
	}
	if opts.getenv(envName(key)) != "" {
		return false // a variable that is set but empty counts as unset
	}
	return file != "" && v.InConfig(key)
}

func envName(key string) string {
	return "ACTWIZ_" + strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(key))
}

// source names where a key's value came from, for messages.
func source(v *viper.Viper, opts Options, file, key string) i18n.Text {
	if _, ok := opts.Flags[key]; ok {
		name := opts.FlagNames[key]
		if name == "" {
			name = key
		}
		return srcFlag.F(name)
	}
	env := envName(key)
	if opts.getenv(env) != "" {
		return srcEnv.F(env)
	}
	if fromFile(v, opts, file, key) {
		return srcFile.F(file, key)
	}
	return srcDefault.F(key)
}

func decodeInto(raw any, target reflect.Value) error {
	dec, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{
		Result:           target.Addr().Interface(),
		WeaklyTypedInput: false,
		ErrorUnused:      true,
		DecodeHook: mapstructure.ComposeDecodeHookFunc(
			mapstructure.StringToTimeDurationHookFunc(),
			mapstructure.StringToSliceHookFunc(","),
		),
	})
	if err != nil {
		return err
	}
	target.Set(reflect.Zero(target.Type()))
	return dec.Decode(raw)
}

// keyFields maps every leaf key ("probe.timeout") to its field index path.
func keyFields() map[string][]int {
	out := map[string][]int{}
	var walk func(t reflect.Type, prefix string, path []int)
	walk = func(t reflect.Type, prefix string, path []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name := f.Tag.Get("mapstructure")
			p := append(append([]int{}, path...), i)
			if f.Type.Kind() == reflect.Struct && f.Type.String() != "time.Time" {
				walk(f.Type, prefix+name+".", p)
				continue
			}
			out[prefix+name] = p
		}
	}
	walk(reflect.TypeOf(Config{}), "", nil)
	return out
}

func fieldByPath(v reflect.Value, path []int) reflect.Value {
	for _, i := range path {
		v = v.Field(i)
	}
	return v
}

func isSection(key string, fields map[string][]int) bool { return len(sectionKeys(key, fields)) > 0 }

func sectionKeys(key string, fields map[string][]int) []string {
	var out []string
	for k := range fields {
		if strings.HasPrefix(k, key+".") {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func sortedKeys(fields map[string][]int) []string {
	out := make([]string, 0, len(fields))
	for k := range fields {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func typeWord(t reflect.Type) i18n.Text {
	switch {
	case t.String() == "time.Duration":
		return i18n.T("时长，例如 15s 或 1m", "a duration such as 15s or 1m")
	case t.Kind() == reflect.String:
		return i18n.T("文本", "a text value")
	case t.Kind() == reflect.Bool:
		return i18n.T("true 或 false", "true or false")
	case t.Kind() == reflect.Int:
		return i18n.T("整数", "a whole number")
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return i18n.T("文本列表", "a list of text values")
	case t.Kind() == reflect.Slice:
		return i18n.T("列表", "a list")
	}
	return i18n.T(t.Kind().String(), "a "+t.Kind().String())
}

// wrongType says what a value should be: "not a list" when it is the
// wrong kind, the decoder's words (cut short) when a member of a list of
// sections is wrong.
func wrongType(src i18n.Text, t reflect.Type, raw any, err error) error {
	if _, isList := raw.([]any); isList && t.Kind() == reflect.Slice {
		return errorT(msgWrongMember, src, typeWord(t), machinetext.Clip(oneLine(err), 200))
	}
	return errorT(msgWrongType, src, typeWord(t), describe(raw))
}

// oneLine keeps the first line of a library error: messages here are one or
// two sentences.
func oneLine(err error) string {
	s := strings.TrimSpace(err.Error())
	s = strings.TrimPrefix(s, "decoding failed due to the following error(s):")
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, ".")
}

// nearest suggests the known key closest to a typo, if any is close.
func nearest(key string, known []string) string {
	best, bestDist := "", 3
	if len(key) > 64 {
		return "" // no key is that long, and distance is quadratic
	}
	for _, k := range known {
		if d := distance(key, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
