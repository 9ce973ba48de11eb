package parcel

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/internal/logs/collect"
)

// pack writes a package with the real collector code: a files collector
// holding a planted client log, and actwiz's own files.
func pack(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	logPath := filepath.Join(src, "CMGE_Active.log")
	if err := os.WriteFile(logPath, []byte(strings.Repeat("2021-10-12 10:23:45 在线激活失败，服务器错误，请联系客服\n", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := collect.Write(context.Background(), collect.Options{
		Dir: t.TempDir(), Prefix: "CMGE_Log", Host: "PC-0142", Case: "CAS-04851-R7R3X9", Version: "1.0.0",
		Now:        time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC),
		Collectors: []collect.Collector{{Name: "client", Category: "activation-log", Files: []string{logPath}}},
		Own: []collect.Own{
			{Name: ReportName, Data: []byte(`{"schema":"actwiz.report/v1","checks":[]}` + "\n")},
			{Name: FactsName, Data: []byte(`{"schema":"actwiz.snapshot/v1"}` + "\n")},
		},
		GOOS: "linux",
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.Path
}

// rewrite copies the package entry by entry through edit, which may change
// an entry's bytes (returning them) or drop it (nil), then appends extra.
func rewrite(t *testing.T, path string, edit func(name string, data []byte) []byte, extra map[string]string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if edit != nil {
			data = edit(f.Name, data)
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	for name, s := range extra {
		w, _ := zw.Create(name)
		io.WriteString(w, s)
	}
	zr.Close()
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// flipInside flips one byte in the middle of an entry's stored
// (compressed) data, leaving the zip's directory intact.
func flipInside(t *testing.T, path, name string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var off int64 = -1
	for _, f := range zr.File {
		if f.Name == name {
			start, _ := f.DataOffset()
			off = start + int64(f.CompressedSize64)/2
		}
	}
	zr.Close()
	if off < 0 {
		t.Fatalf("no entry %s", name)
	}
	data, _ := os.ReadFile(path)
	data[off] ^= 0x55
	os.WriteFile(path, data, 0o644)
}

func logEntry(t *testing.T, path string) string {
	t.Helper()
	p, err := Open(path, Quick)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	return p.Entries()[0].Name
}

func TestIntegrity(t *testing.T) {
	cases := []struct {
		name   string
		tamper func(t *testing.T, path string) []string // returns the entries to be named
	}{
		{"intact", func(t *testing.T, path string) []string { return nil }},
		{"byte flipped in a collected log", func(t *testing.T, path string) []string {
			e := logEntry(t, path)
			flipInside(t, path, e)
			return []string{e, filepath.Base(path) + ".sha256"}
		}},
		{"byte flipped in the report", func(t *testing.T, path string) []string {
			flipInside(t, path, ReportName)
			return []string{ReportName, filepath.Base(path) + ".sha256"}
		}},
		{"byte flipped in the manifest", func(t *testing.T, path string) []string {
			flipInside(t, path, collect.ManifestName)
			return []string{collect.ManifestName, filepath.Base(path) + ".sha256"}
		}},
		{"entry added", func(t *testing.T, path string) []string {
			rewrite(t, path, nil, map[string]string{"activation-log-激活日志/extra.log": "hello"})
			return []string{"activation-log-激活日志/extra.log", filepath.Base(path) + ".sha256"}
		}},
		{"entry removed", func(t *testing.T, path string) []string {
			rewrite(t, path, func(name string, data []byte) []byte {
				if name == FactsName {
					return nil
				}
				return data
			}, nil)
			return []string{FactsName, filepath.Base(path) + ".sha256"}
		}},
		{"log replaced and the manifest's hash edited to match, sidecar removed", func(t *testing.T, path string) []string {
			// The sidecar is the only witness of a consistent forgery; without
			// it, the edit of the manifest's own bytes is not detectable, but
			// a log replaced without updating its hash is.
			e := logEntry(t, path)
			rewrite(t, path, func(name string, data []byte) []byte {
				if name == e {
					return bytes.Repeat([]byte("x"), len(data))
				}
				return data
			}, nil)
			os.Remove(path + ".sha256")
			return []string{e}
		}},
		{"manifest edited (host changed) and rezipped", func(t *testing.T, path string) []string {
			rewrite(t, path, func(name string, data []byte) []byte {
				if name == collect.ManifestName {
					return bytes.Replace(data, []byte(`"PC-0142"`), []byte(`"PC-9999"`), 1)
				}
				return data
			}, nil)
			return []string{filepath.Base(path) + ".sha256"}
		}},
		{"sidecar wrong", func(t *testing.T, path string) []string {
			os.WriteFile(path+".sha256", []byte(strings.Repeat("0", 64)+"  "+filepath.Base(path)+"\n"), 0o644)
			return []string{filepath.Base(path) + ".sha256"}
		}},
		{"sidecar not a checksum", func(t *testing.T, path string) []string {
			os.WriteFile(path+".sha256", []byte("hello\n"), 0o644)
			return []string{filepath.Base(path) + ".sha256"}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := pack(t)
			want := c.tamper(t, path)
			p, err := Open(path, Full)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer p.Close()
			var got []string
			for _, pr := range p.Integrity.Problems {
				got = append(got, pr.Entry)
				if pr.What.ZH == "" || pr.What.EN == "" {
					t.Errorf("problem for %s lacks a language: %+v", pr.Entry, pr.What)
				}
			}
			if p.Integrity.OK != (len(want) == 0) {
				t.Errorf("OK = %v with problems %v", p.Integrity.OK, p.Integrity.Problems)
			}
			if strings.Join(sorted(got), "|") != strings.Join(sorted(want), "|") {
				t.Errorf("entries named %q; want %q", got, want)
			}
			for _, name := range want {
				if p.Has(name) {
					t.Errorf("damaged entry %s is still handed out", name)
				}
			}
		})
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestQuickReadsOnlyOwnFiles(t *testing.T) {
	path := pack(t)
	e := logEntry(t, path)
	flipInside(t, path, e)
	p, err := Open(path, Quick)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if !p.Integrity.OK || p.Integrity.Full {
		t.Errorf("a quick check reads no log; got %+v", p.Integrity)
	}
	// Reading the log later still refuses it.
	if _, err := p.Read(e, 1<<20); err == nil {
		t.Errorf("Read handed out a damaged entry")
	}
	if p.Integrity.OK {
		t.Errorf("the damage found by Read is not recorded")
	}
	data, err := p.Read(ReportName, 1<<20)
	if err != nil || !json.Valid(data) {
		t.Errorf("Read(report) = %q, %v", data, err)
	}
}

func TestNotPackage(t *testing.T) {
	dir := t.TempDir()
	notZip := filepath.Join(dir, "report.json")
	os.WriteFile(notZip, []byte(`{"schema":"actwiz.report/v1"}`), 0o644)
	plainZip := filepath.Join(dir, "photos.zip")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("a.jpg")
	w.Write([]byte("jpeg"))
	zw.Close()
	os.WriteFile(plainZip, buf.Bytes(), 0o644)
	truncated := filepath.Join(dir, "cut.zip")
	full, _ := os.ReadFile(pack(t))
	os.WriteFile(truncated, full[:len(full)/2], 0o644)
	for _, path := range []string{notZip, plainZip, truncated, filepath.Join(dir, "missing.zip"), dir} {
		_, err := Open(path, Full)
		text, ok := ErrorText(err)
		if !ok || !strings.Contains(text.EN, path) || !strings.Contains(text.ZH, path) {
			t.Errorf("Open(%s) = %v; want a message naming the file", path, err)
		}
	}
}
