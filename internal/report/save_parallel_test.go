package report

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"actwiz/internal/facts"
)

// TestParallelSavesEachKeepTheirFile saves the same host's report from
// eight goroutines at once, in the same second: each must get a file of
// its own.
func TestParallelSavesEachKeepTheirFile(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 11, 26, 9, 30, 5, 0, time.UTC)
	const n = 8
	for round := range 20 {
		sub := filepath.Join(dir, string(rune('a'+round)))
		paths := make([]string, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				r := Report{Schema: Schema, Host: facts.Host{Name: "PC-01"}, GeneratedAt: at, Checks: []Check{}}
				paths[i], errs[i] = Save(sub, r)
			}()
		}
		close(start)
		wg.Wait()
		seen := map[string]bool{}
		for i := range n {
			if errs[i] != nil {
				t.Fatalf("save %d: %v", i, errs[i])
			}
			if seen[paths[i]] {
				t.Fatalf("round %d: two saves reported %s", round, paths[i])
			}
			seen[paths[i]] = true
		}
		if entries, _ := os.ReadDir(sub); len(entries) != n {
			t.Fatalf("round %d: the folder holds %d files; want %d", round, len(entries), n)
		}
	}
}
