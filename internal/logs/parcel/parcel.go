// Package parcel opens a log package written by internal/logs/collect, as
// the support desk receives it: it checks the package's integrity before
// anything in it is trusted, and hands out its entries verified.
//
// Two depths: Quick reads the zip's directory, the manifest and actwiz's
// own small files (the report and the facts), which is what a list of
// hundreds of packages can afford; Full also reads every entry (zip CRC and
// the manifest's SHA-256) and the .zip.sha256 file beside the package.
//
// It may import internal/logs/collect and the text and file helpers; it
// parses neither reports nor findings, so fleet and the inbox can both use it.
package parcel

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	"actwiz/internal/files"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
)

// Names of actwiz's own files in a package (steps/logs.go writes them).
const (
	ReportName     = "actwiz-report.json"
	ReportTextName = "actwiz-report.txt"
	FactsName      = "actwiz-facts.json"
)

// Depth is how much of a package Open verifies.
type Depth int

const (
	Quick Depth = iota
	Full
)

// Problem is one damaged or unexpected part of a package; Entry is the
// zip entry's name, or the .sha256 file's for the package as a whole.
type Problem struct {
	Entry string    `json:"entry"`
	What  i18n.Text `json:"what"`
}

// Integrity is the verdict on a package's integrity.
type Integrity struct {
	OK       bool      `json:"ok"`
	Problems []Problem `json:"problems"`
	// Full says every entry was read; a quick check vouches for the
	// directory, the manifest and actwiz's own files only.
	Full bool `json:"full"`
	// Sidecar is "match", "absent" (no .zip.sha256 beside it) or
	// "mismatch"; empty after a quick check.
	Sidecar string `json:"sidecar,omitempty"`
}

// Parcel is an opened package. Close it.
type Parcel struct {
	Path      string
	Manifest  collect.Manifest
	Integrity Integrity

	zr      *zip.ReadCloser
	entries map[string]*zip.File
	records map[string]collect.FileRecord
	// damaged are the entries a problem names, never handed out.
	damaged map[string]bool
}

var (
	msgNotPackage   = i18n.T("%s 不是 actwiz 日志包：%s", "%s is not an actwiz log package: %s")
	msgUnreadable   = i18n.T("无法读取（%v）", "it cannot be read (%v)")
	msgNotZip       = i18n.T("不是 zip 文件，或 zip 目录已损坏（%v）", "it is not a zip file, or its directory is damaged (%v)")
	msgNoManifest   = i18n.T("里面没有 manifest.json（actwiz collect 写的包都有）", "it holds no manifest.json (every package actwiz collect writes has one)")
	msgBadManifest  = i18n.T("manifest.json 不是 %s（%s）", "manifest.json is not %s (%s)")
	msgCRC          = i18n.T("内容与 zip 自带的校验值不符：已损坏", "its content does not match the zip's own checksum: damaged")
	msgSHA          = i18n.T("内容与 manifest.json 记录的 SHA-256 不符：打包之后被改动过", "its content does not match the SHA-256 in manifest.json: changed after packing")
	msgEntryRead    = i18n.T("无法解压（%v）", "it cannot be decompressed (%v)")
	msgNotNamed     = i18n.T("manifest.json 没有列出它：是打包之后加进去的", "manifest.json does not name it: it was added after packing")
	msgMissing      = i18n.T("manifest.json 列出了它，但包里没有", "manifest.json lists it but the package does not hold it")
	msgSize         = i18n.T("大小 %d 字节，manifest.json 记录的是 %d 字节", "it holds %d bytes; manifest.json says %d")
	msgDuplicate    = i18n.T("包里有不止一个同名条目", "the package holds more than one entry of this name")
	msgUnsafeName   = i18n.T("条目名称不安全（绝对路径或含 ..）", "the entry's name is unsafe (absolute, or holds ..)")
	msgSidecar      = i18n.T("整个包的 SHA-256 与旁边的 %s 不符：包在写出之后被改动过", "the package's SHA-256 does not match %s beside it: the package was changed after it was written")
	msgSidecarBad   = i18n.T("%s 无法使用（%s）", "%s cannot be used (%s)")
	msgSidecarShape = i18n.T("不是“SHA-256  文件名”的格式", "it is not in the form \"SHA-256  file name\"")
	msgDamagedEntry = i18n.T("%s 已损坏或被改动，不能使用", "%s is damaged or changed and cannot be used")
	msgTooLarge     = i18n.T("%s 超过 %d MiB，不像 actwiz 写的文件", "%s is larger than %d MiB, which no file of actwiz's is")
	msgNoEntry      = i18n.T("包里没有 %s", "the package holds no %s")
)

// NotPackageError is a file that is not a package at all: unreadable, not a
// zip, or without a manifest.
type NotPackageError struct {
	Path   string
	Reason i18n.Text
}

func (e *NotPackageError) Error() string { return e.Text().EN }

// Text names the file and the reason.
func (e *NotPackageError) Text() i18n.Text { return msgNotPackage.F(e.Path, e.Reason) }

// maxOwnBytes bounds actwiz's own files and the manifest: a few KiB each.
const maxOwnBytes = 16 << 20

// IsZip reports whether the file starts like a zip (a local file header or
// an empty archive's end record), whatever its name.
func IsZip(path string) bool {
	// Opened as every input is: a FIFO is not waited on, and anything
	// but a regular file is left to the snapshot reader's refusal.
	f, _, err := files.OpenInput(context.Background(), path)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [4]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return false
	}
	return bytes.Equal(head[:], []byte("PK\x03\x04")) || bytes.Equal(head[:], []byte("PK\x05\x06"))
}

// Open opens the package at path and checks it to the given depth. A file
// that is not a package gives a *NotPackageError; a damaged package opens,
// with its problems in Integrity.
func Open(path string, depth Depth) (*Parcel, error) {
	notPackage := func(reason i18n.Text) (*Parcel, error) {
		return nil, &NotPackageError{Path: path, Reason: reason}
	}
	if info, err := os.Stat(path); err != nil {
		return notPackage(msgUnreadable.F(files.Reason(err)))
	} else if info.IsDir() {
		return notPackage(msgNotZip.F("folder"))
	} else if !info.Mode().IsRegular() {
		// A FIFO or device would be waited on or read without end.
		_, _, err := files.OpenInput(context.Background(), path)
		return notPackage(msgUnreadable.F(files.Reason(err)))
	}
	zr, err := zip.OpenReader(path)
	insecure := errors.Is(err, zip.ErrInsecurePath)
	if err != nil && !insecure {
		return notPackage(msgNotZip.F(files.Reason(err)))
	}
	p := &Parcel{Path: path, zr: zr, entries: map[string]*zip.File{}, records: map[string]collect.FileRecord{}, damaged: map[string]bool{}}
	for _, f := range zr.File {
		if _, dup := p.entries[f.Name]; dup {
			p.problem(f.Name, msgDuplicate)
			continue
		}
		p.entries[f.Name] = f
		if insecure && !isLocal(f.Name) {
			p.problem(f.Name, msgUnsafeName)
		}
	}
	mf, ok := p.entries[collect.ManifestName]
	if !ok {
		zr.Close()
		return notPackage(msgNoManifest)
	}
	data, err := readEntry(mf, maxOwnBytes)
	if err != nil {
		p.entryProblem(collect.ManifestName, err)
	}
	if jerr := json.Unmarshal(data, &p.Manifest); jerr != nil || p.Manifest.Schema != collect.ManifestSchema {
		if err != nil {
			// Damaged beyond reading: the problem already names it, and
			// the sidecar still says whether the package as a whole changed.
			if depth == Full {
				p.checkSidecar()
			}
			p.settle(depth)
			return p, nil
		}
		zr.Close()
		why := fmt.Sprintf("schema %q", p.Manifest.Schema)
		if jerr != nil {
			why = jerr.Error()
		}
		return notPackage(msgBadManifest.F(collect.ManifestSchema, why))
	}
	p.compareNames()
	for _, name := range []string{ReportName, ReportTextName, FactsName} {
		if _, ok := p.entries[name]; ok && !p.damaged[name] && depth == Quick {
			p.verify(name)
		}
	}
	if depth == Full {
		for _, f := range zr.File {
			if f.Name != collect.ManifestName && !p.damaged[f.Name] {
				p.verify(f.Name)
			}
		}
		p.checkSidecar()
	}
	p.settle(depth)
	return p, nil
}

func (p *Parcel) settle(depth Depth) {
	p.Integrity.Full = depth == Full
	p.Integrity.OK = len(p.Integrity.Problems) == 0
	if p.Integrity.Problems == nil {
		p.Integrity.Problems = []Problem{}
	}
	sort.SliceStable(p.Integrity.Problems, func(i, j int) bool { return p.Integrity.Problems[i].Entry < p.Integrity.Problems[j].Entry })
}

// Close releases the zip.
func (p *Parcel) Close() error { return p.zr.Close() }

func (p *Parcel) problem(entry string, what i18n.Text) {
	p.Integrity.Problems = append(p.Integrity.Problems, Problem{Entry: entry, What: what})
	p.damaged[entry] = true
}

func (p *Parcel) entryProblem(name string, err error) {
	switch {
	case errors.Is(err, zip.ErrChecksum):
		p.problem(name, msgCRC)
	case errors.Is(err, errSHA):
		p.problem(name, msgSHA)
	default:
		p.problem(name, msgEntryRead.F(err))
	}
}

// compareNames sets the manifest's list of files against the zip's.
func (p *Parcel) compareNames() {
	for _, r := range p.Manifest.Files {
		p.records[r.Path] = r
	}
	for _, c := range p.Manifest.Collectors {
		for _, r := range c.Files {
			p.records[r.Path] = r
		}
	}
	for name, f := range p.entries {
		if name == collect.ManifestName || p.damaged[name] {
			continue
		}
		rec, ok := p.records[name]
		switch {
		case !ok:
			p.problem(name, msgNotNamed)
		case int64(f.UncompressedSize64) != rec.Size:
			p.problem(name, msgSize.F(f.UncompressedSize64, rec.Size))
		}
	}
	for name := range p.records {
		if _, ok := p.entries[name]; !ok {
			p.problem(name, msgMissing)
		}
	}
}

var errSHA = errors.New("sha256 differs from the manifest")

// verify reads an entry whole, checking the zip's CRC and the manifest's
// SHA-256.
func (p *Parcel) verify(name string) {
	f := p.entries[name]
	rc, err := f.Open()
	if err != nil {
		p.entryProblem(name, err)
		return
	}
	defer rc.Close()
	h := sha256.New()
	if _, err := io.Copy(h, rc); err != nil {
		p.entryProblem(name, err)
		return
	}
	if rec, ok := p.records[name]; ok && hex.EncodeToString(h.Sum(nil)) != rec.SHA256 {
		p.entryProblem(name, errSHA)
	}
}

// Read returns an entry's bytes after checking them against the zip's CRC
// and the manifest's SHA-256; a damaged entry is never handed out.
func (p *Parcel) Read(name string, max int64) ([]byte, error) {
	if p.damaged[name] {
		return nil, textError{msgDamagedEntry.F(name)}
	}
	f, ok := p.entries[name]
	if !ok {
		return nil, textError{msgNoEntry.F(name)}
	}
	data, err := readEntry(f, max)
	if err == nil {
		if rec, ok := p.records[name]; ok {
			sum := sha256.Sum256(data)
			if hex.EncodeToString(sum[:]) != rec.SHA256 {
				err = errSHA
			}
		}
	}
	if err != nil {
		p.entryProblem(name, err)
		p.settle(Depth(btoi(p.Integrity.Full)))
		return nil, textError{msgDamagedEntry.F(name)}
	}
	return data, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Open returns an entry as a stream for large logs; the caller reads it to
// the end to have its CRC checked (archive/zip reports ErrChecksum there).
func (p *Parcel) OpenEntry(name string) (io.ReadCloser, error) {
	if p.damaged[name] {
		return nil, textError{msgDamagedEntry.F(name)}
	}
	f, ok := p.entries[name]
	if !ok {
		return nil, textError{msgNoEntry.F(name)}
	}
	return f.Open()
}

// Has reports whether the package holds an undamaged entry of that name.
func (p *Parcel) Has(name string) bool {
	_, ok := p.entries[name]
	return ok && !p.damaged[name]
}

// Entry is one collected file, with the collector that gathered it.
type Entry struct {
	Name      string
	Size      int64
	Collector collect.CollectorRecord
}

// Entries lists the collected files the manifest names, in its order.
func (p *Parcel) Entries() []Entry {
	var out []Entry
	for _, c := range p.Manifest.Collectors {
		for _, r := range c.Files {
			out = append(out, Entry{Name: r.Path, Size: r.Size, Collector: c})
		}
	}
	return out
}

func readEntry(f *zip.File, max int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(max) {
		return nil, textError{msgTooLarge.F(f.Name, max>>20)}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var buf bytes.Buffer
	_, err = buf.ReadFrom(io.LimitReader(rc, max+1))
	if err == nil && int64(buf.Len()) > max {
		err = textError{msgTooLarge.F(f.Name, max>>20)}
	}
	return buf.Bytes(), err
}

// textError carries a bilingual message.
type textError struct{ text i18n.Text }

func (e textError) Error() string { return e.text.EN }

// ErrorText is the bilingual message of an error from Read, OpenEntry or
// Open, and false for other errors.
func ErrorText(err error) (i18n.Text, bool) {
	var te textError
	if errors.As(err, &te) {
		return te.text, true
	}
	var ne *NotPackageError
	if errors.As(err, &ne) {
		return ne.Text(), true
	}
	return i18n.Text{}, false
}

func isLocal(name string) bool {
	return name != "" && name[0] != '/' && name[0] != '\\' && !bytes.Contains([]byte("/"+name+"/"), []byte("/../"))
}
