package inbox

import (
	"context"
	"encoding/json"
	"io/fs"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"actwiz/checks"
	"actwiz/internal/files"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/parcel"
	"actwiz/internal/report"
)

// Verdicts of a listed package beyond the check statuses.
const (
	VerdictDamaged    = "damaged"
	VerdictNotPackage = "not-a-package"
)

// Item is one package in the inbox: what its manifest and report say, its
// checks judged again, and its quick integrity (directory, manifest, and
// actwiz's own files; the logs are read only when it is opened).
type Item struct {
	Path        string
	Host, Case  string
	TakenAt     time.Time
	Verdict     string
	IntegrityOK bool
	Problems    []parcel.Problem
	// Findings are the checks that did not pass, judged again today, worst
	// first.
	Findings []checks.Result
	// Problem says why a file is not a package.
	Problem i18n.Text
}

// List reads every *.zip under dir (any depth; dot files are skipped),
// newest first. Only the folder itself failing is an error.
func List(ctx context.Context, dir string, rules checks.Rules) ([]Item, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return err
			}
			return nil // a subfolder that cannot be read is left out, not fatal
		}
		if strings.HasPrefix(d.Name(), ".") && path != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".zip") {
			paths = append(paths, path)
		}
		return ctx.Err()
	})
	if err != nil {
		return nil, files.Reason(err)
	}
	items := make([]Item, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(runtime.GOMAXPROCS(0), 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				items[i] = listOne(paths[i], rules)
			}
		}()
	}
	for i := range paths {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(items, func(i, j int) bool {
		if !items[i].TakenAt.Equal(items[j].TakenAt) {
			return items[i].TakenAt.After(items[j].TakenAt)
		}
		return items[i].Path < items[j].Path
	})
	return items, nil
}

func listOne(path string, rules checks.Rules) Item {
	it := Item{Path: path}
	p, err := parcel.Open(path, parcel.Quick)
	if err != nil {
		it.Verdict = VerdictNotPackage
		it.Problem, _ = parcel.ErrorText(err)
		if it.Problem.Empty() {
			it.Problem = i18n.T(err.Error(), err.Error())
		}
		return it
	}
	defer p.Close()
	m := p.Manifest
	it.Host, it.Case, it.TakenAt = m.Host, m.Case, m.CreatedAt
	if !p.Integrity.OK {
		it.Verdict, it.Problems = VerdictDamaged, p.Integrity.Problems
		return it
	}
	var statuses []checks.Result
	var rep *report.Report
	if data, err := p.Read(parcel.ReportName, maxOwn); err == nil {
		var r report.Report
		if json.Unmarshal(data, &r) == nil && r.Schema == report.Schema {
			rep = &r
		}
	}
	if snap, problem := readFacts(p, rep); problem.Empty() {
		o := Opened{Report: rep, Rejudged: checks.RunAll(checks.Hardware, *snap, rules)}
		statuses = o.Statuses()
	} else if rep != nil {
		for _, c := range rep.Checks {
			statuses = append(statuses, checks.Result{ID: c.ID, Status: c.Status, Observed: c.Observed})
		}
	}
	// Reading the report and facts may have found them damaged.
	if !p.Integrity.OK {
		it.Verdict, it.Problems = VerdictDamaged, p.Integrity.Problems
		return it
	}
	it.IntegrityOK = true
	it.Verdict = string(checks.Pass)
	if len(statuses) == 0 {
		it.Verdict = string(checks.Unknown)
	}
	for _, r := range statuses {
		if r.Status != checks.Pass {
			it.Findings = append(it.Findings, r)
		}
	}
	sort.SliceStable(it.Findings, func(i, j int) bool { return rank(it.Findings[i].Status) > rank(it.Findings[j].Status) })
	if len(it.Findings) > 0 && rank(it.Findings[0].Status) > rank(checks.Status(it.Verdict)) {
		it.Verdict = string(it.Findings[0].Status)
	}
	return it
}

// rank orders statuses by how much they need a person: fail first.
func rank(s checks.Status) int {
	switch s {
	case checks.Fail:
		return 4
	case checks.Unknown:
		return 3
	case checks.Warn:
		return 2
	case checks.Skip:
		return 1
	}
	return 0
}

// ListExitCode: 1 when a package fails or is damaged or not a package,
// else 0.
func ListExitCode(items []Item) int {
	for _, it := range items {
		if it.Verdict == string(checks.Fail) || it.Verdict == VerdictDamaged || it.Verdict == VerdictNotPackage {
			return 1
		}
	}
	return 0
}
