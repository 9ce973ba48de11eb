package collect

import (
	"archive/zip"
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// Own is a file actwiz made itself (the report, the facts snapshot).
type Own struct {
	Name string
	Data []byte
}

// Options describe one package.
type Options struct {
	Dir     string // where the package goes
	Prefix  string // CMGE_Log
	Host    string
	Case    string
	Version string
	Now     time.Time
	// Collectors run in this order, the slow ones moved last.
	Collectors []Collector
	Own        []Own
	// Redact, when set, redacts every file and name in the package and
	// leaves the mapping beside it.
	Redact *Redactor
	// Parallel bounds the collectors running at once; 0 means 4.
	Parallel int
	// OnStart and OnDone report progress; OnDone is called from one
	// goroutine, in the order the collectors finish packing.
	OnStart func(Collector)
	OnDone  func(*Result)

	// Elevated says actwiz runs with administrator rights: a collector
	// refused access then keeps its usual message instead of saying it
	// needs them (AccessProblem).
	Elevated bool

	// GOOS and Getenv are the machine's; zero values mean this one's.
	GOOS   string
	Getenv func(string) string
	// wrapOutput and open let tests fail a write or a read halfway.
	wrapOutput func(io.Writer) io.Writer
	open       func(string) (readSeekCloser, error)
}

// Outcome is a written package.
type Outcome struct {
	Path     string // the zip
	SumPath  string // <zip>.sha256
	MapPath  string // the redaction mapping, when redacted
	SHA256   string
	Results  []*Result
	Manifest Manifest
}

// Failed reports whether any collector failed.
func (o *Outcome) Failed() bool {
	for _, r := range o.Results {
		if r.Status == Fail {
			return true
		}
	}
	return false
}

// FileName is <prefix>_<host>_<YYYYMMDD-HHMMSS>[_<case>].zip.
func FileName(prefix, host, caseID string, now time.Time) string {
	name := safeName(prefix) + "_" + safeName(host) + "_" + now.Format("20060102-150405")
	if caseID != "" {
		name += "_" + safeName(caseID)
	}
	return name + ".zip"
}

// safeName keeps letters (any script), digits, dots, hyphens and
// underscores, so the name is valid on every file system.
func safeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f && r != 0xfffd:
			b.WriteRune(r)
		default:
			b.WriteRune('-')
		}
	}
	if b.Len() == 0 {
		return "unknown"
	}
	return b.String()
}

// Write runs the collectors and writes the package. On any failure or
// interrupt the partial file is removed and a *WriteError says why.
func Write(ctx context.Context, opts Options) (out *Outcome, err error) {
	if opts.GOOS == "" {
		opts.GOOS = runtime.GOOS
	}
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	if opts.Parallel <= 0 {
		opts.Parallel = 4
	}
	if opts.open == nil {
		opts.open = func(p string) (readSeekCloser, error) { return openShared(p) }
	}
	host := opts.Host
	if opts.Redact != nil {
		host = opts.Redact.String(host)
	}
	name := FileName(opts.Prefix, host, opts.Case, opts.Now)
	final := filepath.Join(opts.Dir, name)
	fail := func(err error) (*Outcome, error) {
		return nil, &WriteError{Path: final, Reason: classify(err), Err: err}
	}

	f, n, err := reserve(opts.Dir, name, opts.Redact != nil)
	if err != nil {
		return fail(err)
	}
	partial := f.Name()
	final = namesFor(opts.Dir, name, n).zip
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(partial)
		}
	}()
	stage, err := os.MkdirTemp("", "actwiz-collect-")
	if err != nil {
		return fail(err)
	}
	defer func() { _ = removeStage(stage) }() // best effort: the package is already written or failed

	var sink io.Writer = f
	if opts.wrapOutput != nil {
		sink = opts.wrapOutput(f)
	}
	buf := bufio.NewWriterSize(sink, 1<<20)
	sum := sha256.New()
	zw := zip.NewWriter(io.MultiWriter(buf, sum))

	results := make([]*Result, 0, len(opts.Collectors))
	p := &packer{
		zw: zw, workers: max(runtime.NumCPU(), 1), modTime: opts.Now, redact: opts.Redact, open: opts.open,
		onDone: func(r *Result) {
			results = append(results, r)
			if opts.OnDone != nil {
				opts.OnDone(r)
			}
		},
	}
	batches := make(chan batch)
	ctx, cancel := context.WithCancel(ctx)
	gathered := make(chan struct{})
	// Before the stage is removed (deferred above, so run after this) and
	// before Write returns to a caller about to exit: every collector has
	// been stopped, its tree ended, and nothing writes to the stage any
	// more. An interrupted packer may return while they still run.
	defer func() {
		cancel()
		<-gathered
	}()
	go func() {
		defer close(gathered)
		defer close(batches)
		g := &gatherer{goos: opts.GOOS, stage: stage, getenv: opts.Getenv, elevated: opts.Elevated}
		own := batch{}
		for _, o := range opts.Own {
			own.sources = append(own.sources, source{name: o.Name, data: o.Data, length: -1})
		}
		select {
		case batches <- own:
		case <-ctx.Done():
			return
		}
		runCollectors(ctx, g, inRunOrder(opts.Collectors), opts.Parallel, opts.OnStart, batches)
	}()
	if err = p.run(ctx, batches); err != nil {
		return fail(err)
	}
	if err = ctx.Err(); err != nil {
		return fail(err)
	}

	sort.SliceStable(results, func(i, j int) bool {
		return indexOf(opts.Collectors, results[i]) < indexOf(opts.Collectors, results[j])
	})
	man := Manifest{
		Schema: ManifestSchema, Tool: ManifestTool{Name: "actwiz", Version: opts.Version},
		Case: opts.Case, Host: host, CreatedAt: opts.Now.UTC().Truncate(time.Second),
		Redacted: redactedAll(opts.Redact, p.own, results), Collectors: []CollectorRecord{}, Files: p.own,
		LeftOut: p.ownLeftOut,
	}
	for _, r := range results {
		man.Collectors = append(man.Collectors, recordOf(r))
	}
	data, err := man.marshal()
	if err != nil {
		return fail(err)
	}
	data = opts.Redact.Bytes(data)
	mw, err := zw.CreateHeader(&zip.FileHeader{Name: ManifestName, Method: zip.Deflate, Modified: opts.Now, CreatorVersion: 0x0b14})
	if err != nil {
		return fail(err)
	}
	if _, err = mw.Write(data); err != nil {
		return fail(err)
	}
	if err = zw.Close(); err != nil {
		return fail(err)
	}
	if err = buf.Flush(); err != nil {
		return fail(err)
	}
	if err = f.Sync(); err != nil {
		return fail(err)
	}
	if err = f.Close(); err != nil {
		return fail(err)
	}
	if err = ctx.Err(); err != nil {
		return fail(err)
	}
	var mapping []byte
	if opts.Redact != nil {
		if mapping, err = opts.Redact.MappingJSON(); err != nil {
			return fail(err)
		}
	}
	nm, err := publish(opts.Dir, name, n, partial, hexSum(sum), mapping)
	if err != nil {
		final = nm.zip
		return fail(err)
	}
	return &Outcome{Path: nm.zip, SumPath: nm.sum, MapPath: nm.mapping, SHA256: hexSum(sum), Results: results, Manifest: man}, nil
}

func hexSum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }

func indexOf(cs []Collector, r *Result) int {
	for i, c := range cs {
		if c.Name == r.Collector.Name {
			return i
		}
	}
	return len(cs)
}

// inRunOrder keeps the given order but moves slow collectors last.
func inRunOrder(cs []Collector) []Collector {
	out := append([]Collector(nil), cs...)
	sort.SliceStable(out, func(i, j int) bool { return !out[i].Slow && out[j].Slow })
	return out
}

// runCollectors runs up to parallel collectors at once and sends what each
// gathered; one that fails is a result like any other.
func runCollectors(ctx context.Context, g *gatherer, cs []Collector, parallel int, onStart func(Collector), out chan<- batch) {
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	for _, c := range cs {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return
		}
		wg.Add(1)
		go func(c Collector) {
			defer wg.Done()
			defer func() { <-sem }()
			if onStart != nil {
				onStart(c)
			}
			b := g.run(ctx, c)
			select {
			case out <- b:
			case <-ctx.Done():
			}
		}(c)
	}
	wg.Wait()
}
