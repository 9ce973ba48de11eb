package parcel

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"actwiz/internal/files"
)

// checkSidecar compares the package with <name>.zip.sha256 beside it,
// which collect writes in sha256sum's format. Only the hash is compared:
// a browser that saved the package as "name (1).zip" leaves the name in
// the file wrong but the content right.
func (p *Parcel) checkSidecar() {
	side := p.Path + ".sha256"
	name := filepath.Base(side)
	data, err := os.ReadFile(side)
	if errors.Is(err, fs.ErrNotExist) {
		p.Integrity.Sidecar = "absent"
		return
	}
	p.Integrity.Sidecar = "mismatch"
	if err != nil {
		p.problem(name, msgSidecarBad.F(name, files.Reason(err).Error()))
		return
	}
	fields := strings.Fields(string(data))
	if len(fields) == 0 || len(fields[0]) != sha256.Size*2 {
		p.problem(name, msgSidecarBad.F(name, msgSidecarShape))
		return
	}
	want := strings.ToLower(strings.TrimPrefix(fields[0], "\\"))
	f, err := os.Open(p.Path)
	if err != nil {
		p.problem(name, msgSidecarBad.F(name, files.Reason(err).Error()))
		return
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		p.problem(name, msgSidecarBad.F(name, files.Reason(err).Error()))
		return
	}
	if hex.EncodeToString(h.Sum(nil)) != want {
		p.problem(name, msgSidecar.F(name))
		return
	}
	p.Integrity.Sidecar = "match"
}
