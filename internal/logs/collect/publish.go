package collect

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"actwiz/internal/files"
)

// packageNames are the files of one package: the zip and the files beside
// it. A package is complete only with all of them.
type packageNames struct{ zip, sum, mapping string }

// namesFor is the n-th choice of names for a package called name (a .zip)
// in dir: n = 1 is name itself, then -2, -3… before .zip.
func namesFor(dir, name string, n int) packageNames {
	base := strings.TrimSuffix(name, ".zip")
	if n > 1 {
		base = fmt.Sprintf("%s-%d", base, n)
	}
	zip := filepath.Join(dir, base+".zip")
	return packageNames{zip: zip, sum: zip + ".sha256", mapping: filepath.Join(dir, base+".redaction.json")}
}

// maxSuffix bounds the search for a free name; a folder with thousands
// of packages of one host in one second is not a folder to fill further.
const maxSuffix = 9999

// reserve creates <zip>.partial exclusively for the first choice of names
// none of whose files exists, so two runs in the same second never write
// into the same partial file (they used to, and the zip that survived
// matched neither checksum).
func reserve(dir, name string, redacted bool) (*os.File, int, error) {
	for n := 1; n <= maxSuffix; n++ {
		nm := namesFor(dir, name, n)
		if exists(nm.zip) || exists(nm.sum) || redacted && exists(nm.mapping) {
			continue
		}
		f, err := os.OpenFile(nm.zip+".partial", os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, n, err
	}
	return nil, 0, fmt.Errorf("more than %d packages named %s", maxSuffix, name)
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// publish turns the complete partial zip into a package: the mapping (when
// redacted) and the checksum file are written first, so a full disk fails
// before anything appears; then the zip takes its name without replacing
// any file, and the files beside it follow. Any failure removes what was
// published: a package without its checksum or its mapping is not one.
func publish(dir, name string, n int, partial, sum string, mapping []byte) (nm packageNames, err error) {
	var staged []*files.Staged
	var published []string
	defer func() {
		for _, s := range staged {
			s.Discard()
		}
		if err != nil {
			for _, p := range published {
				os.Remove(p)
			}
		}
	}()
	nm = namesFor(dir, name, n)
	var mapFile *files.Staged
	if mapping != nil {
		if mapFile, err = files.StageBytes(dir, filepath.Base(nm.mapping), 0o600, mapping); err != nil {
			return nm, sideError(nm.mapping, err)
		}
		staged = append(staged, mapFile)
	}
	for ; n <= maxSuffix; n++ {
		nm = namesFor(dir, name, n)
		// sha256sum -c reads the zip's name from the line, so the line is
		// written for the name the zip is about to take.
		line := fmt.Sprintf("%s  %s\n", sum, filepath.Base(nm.zip))
		sumFile, err := files.StageBytes(dir, filepath.Base(nm.sum), 0o644, []byte(line))
		if err != nil {
			return nm, sideError(nm.sum, err)
		}
		staged = append(staged, sumFile)
		err = files.RenameNoReplace(partial, nm.zip)
		if errors.Is(err, fs.ErrExist) {
			// Another run took this name after reserve looked.
			continue
		}
		if err != nil {
			return nm, err
		}
		published = append(published, nm.zip)
		if err = sumFile.Publish(nm.sum); err != nil {
			return nm, sideError(nm.sum, err)
		}
		published = append(published, nm.sum)
		if mapFile != nil {
			if err = mapFile.Publish(nm.mapping); err != nil {
				return nm, sideError(nm.mapping, err)
			}
			published = append(published, nm.mapping)
		} else {
			nm.mapping = ""
		}
		return nm, nil
	}
	return nm, fmt.Errorf("more than %d packages named %s", maxSuffix, name)
}

// SideFileError is a file beside the package (its checksum, its redaction
// mapping) that could not be written; the package was removed with it.
type SideFileError struct {
	Path string
	Err  error
}

func (e *SideFileError) Error() string { return "cannot write " + e.Path + ": " + reason(e.Err) }
func (e *SideFileError) Unwrap() error { return e.Err }

func sideError(path string, err error) error { return &SideFileError{Path: path, Err: err} }
