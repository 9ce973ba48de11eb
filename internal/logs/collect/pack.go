package collect

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"io"
	"math"
	"os"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
)

// The packer streams sources into the zip through three stages: one
// reader (read, hash, redact), a compressor per core, and one writer that
// puts the compressed pieces in order. Each source is cut into chunks that
// are compressed independently and joined: every chunk ends with a sync
// flush (byte-aligned, not final) and the entry ends with an empty final
// block, which is a valid deflate stream. Memory is bounded by the chunks
// in flight, whatever the size of the files.
const (
	chunkSize = 512 << 10
	// Level 6 of klauspost/compress comes within 8% of zlib -6's size at
	// about five times its speed per core; level 7 is 2-3 times slower
	// for 4% (bench/collect.sh, 200 MiB of varied text logs).
	compressLevel = 6
)

// finalBlock is an empty final fixed-Huffman block: BFINAL=1, BTYPE=01,
// end-of-block code.
var finalBlock = []byte{0x03, 0x00}

type opKind int

const (
	opBegin opKind = iota
	opChunk
	opEnd
	opDone
)

type op struct {
	kind   opKind
	name   string
	raw    []byte
	out    *bytes.Buffer
	done   chan struct{}
	record FileRecord
	crc    uint32
	size   int64
	result *Result
}

// readSeekCloser is what a source file is opened as; tests supply their own
// to inject read errors.
type readSeekCloser interface {
	io.Reader
	io.Seeker
	io.Closer
}

type packer struct {
	zw      *zip.Writer
	workers int
	modTime time.Time
	redact  *Redactor
	open    func(path string) (readSeekCloser, error)
	onDone  func(*Result)
	// own collects the records of actwiz's own files; ownLeftOut those
	// that redaction left out.
	own        []FileRecord
	ownLeftOut []LeftOutFile

	bufs sync.Pool
}

func (p *packer) getRaw() []byte {
	if b, ok := p.bufs.Get().(*[]byte); ok {
		return (*b)[:chunkSize]
	}
	return make([]byte, chunkSize)
}

func (p *packer) putRaw(b []byte) { b = b[:cap(b)]; p.bufs.Put(&b) }

// run packs every batch from in and returns when in is closed and all is
// written, or at the first error.
func (p *packer) run(ctx context.Context, in <-chan batch) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	ordered := make(chan *op, 2*p.workers+2)
	jobs := make(chan *op, p.workers)
	var wg sync.WaitGroup
	wg.Add(p.workers + 1)
	for range p.workers {
		go func() {
			defer wg.Done()
			p.compress(jobs)
		}()
	}
	var readErr error
	go func() {
		defer wg.Done()
		readErr = p.read(ctx, in, ordered, jobs)
		if readErr != nil {
			cancel(readErr)
		}
	}()
	writeErr := p.write(ctx, ordered)
	if writeErr != nil {
		cancel(writeErr)
		// Let the reader and the compressors finish their pieces.
		for range ordered {
		}
	}
	wg.Wait()
	if writeErr != nil {
		return writeErr
	}
	if readErr != nil {
		return readErr
	}
	return context.Cause(ctx)
}

func (p *packer) compress(jobs <-chan *op) {
	var fw *flate.Writer
	for o := range jobs {
		if fw == nil {
			fw, _ = flate.NewWriter(o.out, compressLevel)
		} else {
			fw.Reset(o.out)
		}
		_, _ = fw.Write(o.raw) // writes to a bytes.Buffer cannot fail
		fw.Flush()
		close(o.done)
	}
}

func (p *packer) read(ctx context.Context, in <-chan batch, ordered, jobs chan<- *op) error {
	defer close(ordered)
	defer close(jobs)
	send := func(o *op) error {
		select {
		case ordered <- o:
		case <-ctx.Done():
			return context.Cause(ctx)
		}
		if o.kind != opChunk {
			return nil
		}
		select {
		case jobs <- o:
			return nil
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	}
	for {
		var b batch
		var ok bool
		select {
		case b, ok = <-in:
		case <-ctx.Done():
			return context.Cause(ctx)
		}
		if !ok {
			return nil
		}
		for _, s := range b.sources {
			if err := p.readSource(ctx, b.result, s, send); err != nil {
				return err
			}
		}
		if b.result != nil {
			if err := send(&op{kind: opDone, result: b.result}); err != nil {
				return err
			}
		}
	}
}

// readSource sends one source as begin, chunks, end. A file that cannot be
// opened is recorded as skipped; one that fails halfway keeps what was read,
// marked truncated.
func (p *packer) readSource(ctx context.Context, res *Result, s source, send func(*op) error) error {
	var r io.Reader
	var closers []io.Closer
	defer func() {
		for _, c := range closers {
			c.Close()
		}
	}()
	if s.path != "" {
		skip := func(err error) error {
			if ctx.Err() != nil {
				return context.Cause(ctx)
			}
			if res != nil {
				res.Skipped = append(res.Skipped, SkippedFile{Source: p.redact.String(s.path), Reason: p.redact.String(reason(err)), Denied: Denied(err)})
			}
			return nil
		}
		f, err := p.openRetry(ctx, s.path)
		if err != nil {
			return skip(err)
		}
		closers = append(closers, f)
		if s.offset > 0 {
			if _, err := f.Seek(s.offset, io.SeekStart); err != nil {
				return skip(err)
			}
		}
		r = f
		if s.length >= 0 {
			// A log that grows while it is read is taken as it was when
			// listed, so the manifest and the zip agree.
			r = io.LimitReader(f, s.length)
		}
	} else {
		r = bytes.NewReader(s.data)
	}
	name := s.name
	var entry *entryReader
	if p.redact != nil {
		name = p.redact.String(name)
		if entry = p.redact.Entry(s.name, r); entry == nil {
			p.leaveOut(res, name, s)
			return nil
		}
		closers = append([]io.Closer{entry}, closers...)
		r = entry
	}
	if err := send(&op{kind: opBegin, name: name}); err != nil {
		return err
	}
	h := sha256.New()
	var crc uint32
	var size int64
	var readErr error
	for {
		buf := p.getRaw()
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			h.Write(buf[:n])
			crc = crc32.Update(crc, crc32.IEEETable, buf[:n])
			size += int64(n)
			o := &op{kind: opChunk, raw: buf[:n], out: &bytes.Buffer{}, done: make(chan struct{})}
			if err := send(o); err != nil {
				return err
			}
		} else {
			p.putRaw(buf)
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			readErr = err
			break
		}
	}
	rec := FileRecord{Path: name, Size: size, SHA256: hex.EncodeToString(h.Sum(nil)), Truncated: s.truncated || readErr != nil}
	if s.path != "" {
		rec.Source = p.redact.String(s.path)
	}
	if entry != nil {
		// What was read went through redaction, even when reading stopped.
		t := entry.Text()
		rec.Redaction, rec.Encoding = RedactionRedacted, t.Encoding
		if t.CutAt >= 0 {
			rec.Truncated = true
			if res != nil && res.Problem.Empty() {
				res.Problem = problemBinaryTail.F(t.CutAt)
			}
		}
	}
	if readErr != nil && res != nil && res.Problem.Empty() {
		res.Problem = problemReadFailed.F(p.redact.String(reason(readErr)))
	}
	if rec.Truncated && res != nil {
		res.Truncated = true
	}
	return send(&op{kind: opEnd, record: rec, crc: crc, size: size, result: res})
}

// openRetry opens a file, trying again briefly when it fails for a reason
// that may pass (a log being rotated or held open by its writer), so a
// locked file costs at most a moment, never the run.
func (p *packer) openRetry(ctx context.Context, path string) (readSeekCloser, error) {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		var f readSeekCloser
		if f, err = p.open(path); err == nil {
			return f, nil
		}
		if errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) {
			return nil, err
		}
		select {
		case <-time.After(150 * time.Millisecond):
		case <-ctx.Done():
			return nil, context.Cause(ctx)
		}
	}
	return nil, err
}

func (p *packer) write(ctx context.Context, ordered <-chan *op) error {
	var hdr *zip.FileHeader
	var w io.Writer
	var compressed int64
	for o := range ordered {
		switch o.kind {
		case opBegin:
			hdr = &zip.FileHeader{
				Name:   o.name,
				Method: zip.Deflate,
				// 0x8: sizes and CRC follow the data; 0x800: the name is UTF-8.
				Flags: 0x8 | 0x800,
				// Made on NTFS, version 2.0: Info-ZIP's unzip ignores the
				// UTF-8 flag for names from FAT (the zero default) and
				// garbles Chinese names; Explorer and 7-Zip read both.
				CreatorVersion: 0x0b14,
				ReaderVersion:  20,
				Modified:       p.modTime,
			}
			setDOSTime(hdr, p.modTime)
			var err error
			if w, err = p.zw.CreateRaw(hdr); err != nil {
				return err
			}
			compressed = 0
		case opChunk:
			select {
			case <-o.done:
			case <-ctx.Done():
				return context.Cause(ctx)
			}
			n, err := w.Write(o.out.Bytes())
			compressed += int64(n)
			p.putRaw(o.raw)
			if err != nil {
				return err
			}
		case opEnd:
			n, err := w.Write(finalBlock)
			compressed += int64(n)
			if err != nil {
				return err
			}
			hdr.CRC32 = o.crc
			hdr.CompressedSize64 = uint64(compressed)
			hdr.UncompressedSize64 = uint64(o.size)
			// archive/zip's writer still writes the 32-bit sizes into the
			// central directory of an entry that is not zip64.
			//nolint:staticcheck // SA1019: see above
			if o.size >= math.MaxUint32 || compressed >= math.MaxUint32 {
				hdr.CompressedSize, hdr.UncompressedSize = math.MaxUint32, math.MaxUint32
				hdr.ReaderVersion = 45
			} else {
				hdr.CompressedSize, hdr.UncompressedSize = uint32(compressed), uint32(o.size)
			}
			o.record.Path = hdr.Name
			if o.result != nil {
				o.result.Files = append(o.result.Files, o.record)
			} else {
				p.own = append(p.own, o.record)
			}
		case opDone:
			o.result.settle()
			if p.onDone != nil {
				p.onDone(o.result)
			}
		}
	}
	return context.Cause(ctx)
}

// setDOSTime sets the MS-DOS date and time fields every zip reader shows.
func setDOSTime(h *zip.FileHeader, t time.Time) {
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.Local)
	}
	//nolint:staticcheck // SA1019: the DOS fields alone, without the extended-time extra field that Modified adds
	h.ModifiedDate, h.ModifiedTime = uint16(t.Day()+int(t.Month())<<5+(t.Year()-1980)<<9),
		uint16(t.Second()/2+t.Minute()<<5+t.Hour()<<11)
}
