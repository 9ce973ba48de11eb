package collect

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
)

var envRE = regexp.MustCompile(`%([A-Za-z_][A-Za-z0-9_()]*)%|\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// expandEnv replaces %VAR% (the Windows form the notes use) and ${VAR}.
// A bare $VAR is left alone: "$WINDOWS.~BT" is a real folder name.
func expandEnv(s string, getenv func(string) string) string {
	return envRE.ReplaceAllStringFunc(s, func(m string) string {
		sub := envRE.FindStringSubmatch(m)
		name := sub[1]
		if name == "" {
			name = sub[2]
		}
		if v := getenv(name); v != "" {
			return v
		}
		return m
	})
}

// expandGlob returns the regular files pattern matches, sorted. "**" as a
// whole segment matches any number of folders, including none. A folder
// that cannot be read is passed over, so the files around it still count,
// and returned in denied (a protected folder such as Panther), so that a
// file hidden by the rights is not mistaken for a file that does not exist.
func expandGlob(pattern string) (matches []string, denied []string) {
	segs := strings.Split(filepath.ToSlash(pattern), "/")
	fixed := 0
	for fixed < len(segs) && !hasMeta(segs[fixed]) {
		fixed++
	}
	if fixed == len(segs) {
		info, err := os.Stat(pattern)
		switch {
		case err == nil && info.Mode().IsRegular():
			return []string{pattern}, nil
		case errors.Is(err, fs.ErrPermission):
			return nil, []string{pattern}
		}
		return nil, nil
	}
	root := strings.Join(segs[:fixed], "/")
	switch {
	case fixed == 0:
		root = "."
	case root == "":
		root = "/"
	case strings.HasSuffix(root, ":"): // "C:" alone means the drive's current folder
		root += "/"
	}
	rest := segs[fixed:]
	maxDepth := len(rest)
	for _, s := range rest {
		if s == "**" {
			maxDepth = -1
		}
	}
	var out []string
	rootOS := filepath.FromSlash(root)
	_ = filepath.WalkDir(rootOS, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrPermission) {
				denied = append(denied, p)
			}
			if d != nil && d.IsDir() && p != rootOS {
				return fs.SkipDir
			}
			return nil
		}
		rel, rerr := filepath.Rel(rootOS, p)
		if rerr != nil || rel == "." {
			return nil
		}
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if d.IsDir() {
			if maxDepth >= 0 && len(parts) >= maxDepth {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && matchSegments(rest, parts) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, denied
}

func hasMeta(s string) bool { return strings.ContainsAny(s, "*?[") }

func matchSegments(pattern, name []string) bool {
	if len(pattern) == 0 {
		return len(name) == 0
	}
	if pattern[0] == "**" {
		for i := 0; i <= len(name); i++ {
			if matchSegments(pattern[1:], name[i:]) {
				return true
			}
		}
		return false
	}
	if len(name) == 0 {
		return false
	}
	p, n := pattern[0], name[0]
	if runtime.GOOS == "windows" {
		p, n = strings.ToLower(p), strings.ToLower(n)
	}
	if ok, _ := path.Match(p, n); !ok {
		return false
	}
	return matchSegments(pattern[1:], name[1:])
}
