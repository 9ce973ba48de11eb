package collect

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestParallelPackagesInTheSameSecond writes six packages of the same host,
// case and second at once into one folder: each keeps its own zip, and
// every checksum file matches its zip.
func TestParallelPackagesInTheSameSecond(t *testing.T) {
	const n = 6
	dir := t.TempDir()
	outs := make([]*Outcome, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		opts := baseOptions(t)
		opts.Dir = dir
		opts.Own = append(opts.Own, Own{Name: "run.txt", Data: []byte(fmt.Sprintf("run %d\n", i))})
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			outs[i], errs[i] = Write(context.Background(), opts)
		}()
	}
	close(start)
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("run %d: %v", i, errs[i])
		}
	}
	checkPackages(t, dir, n)
}

// checkPackages checks that dir holds exactly n zips, each with a checksum
// file that matches it, and nothing else.
func checkPackages(t *testing.T, dir string, n int) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	zips := 0
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasSuffix(name, ".zip"):
			zips++
			data, err := os.ReadFile(filepath.Join(dir, name))
			line, err2 := os.ReadFile(filepath.Join(dir, name+".sha256"))
			if err != nil || err2 != nil {
				t.Errorf("%s: %v %v", name, err, err2)
				continue
			}
			sum := sha256.Sum256(data)
			if want := hex.EncodeToString(sum[:]) + "  " + name + "\n"; string(line) != want {
				t.Errorf("%s.sha256 = %q; want %q", name, line, want)
			}
		case strings.HasSuffix(name, ".zip.sha256"):
		default:
			t.Errorf("left behind: %s", name)
		}
	}
	if zips != n {
		t.Errorf("%d packages; want %d", zips, n)
	}
}
