package files

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// MaxInput is the most any input file (config, snapshot, report) may hold:
// real ones are a few KiB, and a disk image or /dev/zero given by mistake
// must be refused, not read into memory.
const MaxInput = 64 << 20

// NotRegularError is an input that is not a regular file: a folder, or a
// FIFO, device or socket, which could block a read forever or never end.
type NotRegularError struct{ Mode fs.FileMode }

func (e *NotRegularError) Error() string {
	_, en := e.kind()
	return "is " + en + ", not a regular file"
}

// Problem ends a sentence that names the file ("Snapshot file X" + Problem),
// in Chinese and English. files sits below i18n, so it hands back the pair
// for the caller's i18n.T.
func (e *NotRegularError) Problem() (zh, en string) {
	kzh, ken := e.kind()
	return "是" + kzh + "，不是普通文件；请给出一个普通文件。",
		"is " + ken + ", not a regular file; give a regular file."
}

func (e *NotRegularError) kind() (zh, en string) {
	switch m := e.Mode; {
	case m.IsDir():
		return "文件夹", "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "命名管道（FIFO）", "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "套接字", "a socket"
	case m&fs.ModeCharDevice != 0:
		return "字符设备", "a character device"
	case m&fs.ModeDevice != 0:
		return "块设备", "a block device"
	}
	return "特殊文件", "a special file"
}

// TooLargeError is an input larger than the reader's limit.
type TooLargeError struct{ Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("is larger than %d MiB", e.Limit>>20)
}

// OpenInput opens path for reading if it is a regular file. The check is
// made on the opened file, so what is checked is what is read, and the
// open itself does not wait for a FIFO's writer (see openNoBlock). It
// returns ctx's error at once when ctx ends first, even if the open hangs
// (a dead network share).
func OpenInput(ctx context.Context, path string) (*os.File, fs.FileInfo, error) {
	type opened struct {
		f    *os.File
		info fs.FileInfo
		err  error
	}
	done := make(chan opened, 1)
	go func() {
		f, err := openNoBlock(path)
		if err != nil {
			done <- opened{err: err}
			return
		}
		info, err := f.Stat()
		if err == nil && !info.Mode().IsRegular() {
			err = &NotRegularError{Mode: info.Mode()}
		}
		if err != nil {
			f.Close()
			done <- opened{err: err}
			return
		}
		done <- opened{f: f, info: info}
	}()
	select {
	case o := <-done:
		return o.f, o.info, o.err
	case <-ctx.Done():
		go func() {
			if o := <-done; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, nil, ctx.Err()
	}
}

// ReadAll reads f to its end, appending to buf[:0] as append does, and
// refuses more than limit bytes: by the size f reports before reading
// anything, and by what it yields (files in /proc report 0). When ctx ends
// first it returns ctx's error at once; the read may still be writing to
// buf's array, so the caller must not use buf again.
func ReadAll(ctx context.Context, f *os.File, limit int64, buf []byte) ([]byte, error) {
	return inBackground(ctx, func() ([]byte, error) {
		info, err := f.Stat()
		if err != nil {
			return nil, err
		}
		return readAll(f, info.Size(), limit, buf)
	})
}

// ReadInput is OpenInput and ReadAll in one: one hand-off to a goroutine
// per file, not two, for fleet's hundred thousand reports.
func ReadInput(ctx context.Context, path string, limit int64, buf []byte) ([]byte, error) {
	return inBackground(ctx, func() ([]byte, error) {
		f, err := openNoBlock(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			return nil, err
		}
		if !info.Mode().IsRegular() {
			return nil, &NotRegularError{Mode: info.Mode()}
		}
		return readAll(f, info.Size(), limit, buf)
	})
}

// ReadText reads the regular file at path (at most limit bytes) as UTF-8
// text (see Text). Errors are *fs.PathError, *NotRegularError,
// *TooLargeError, a decoding error or ctx's error.
func ReadText(ctx context.Context, path string, limit int64) ([]byte, error) {
	data, err := ReadInput(ctx, path, limit, nil)
	if err != nil {
		return nil, err
	}
	return Text(data)
}

// inBackground runs read in a goroutine and returns its result, or ctx's
// error as soon as ctx ends: a read from a dead network share or a FUSE
// file system can block in the kernel where nothing interrupts it.
func inBackground(ctx context.Context, read func() ([]byte, error)) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := read()
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func readAll(f *os.File, size, limit int64, buf []byte) ([]byte, error) {
	if size > limit {
		return nil, &TooLargeError{Limit: limit}
	}
	b := bytes.NewBuffer(buf[:0])
	b.Grow(int(size) + bytes.MinRead)
	if _, err := b.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	if int64(b.Len()) > limit {
		return nil, &TooLargeError{Limit: limit}
	}
	return b.Bytes(), nil
}

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// Text returns an input file's content as UTF-8: a UTF-8 byte-order mark
// is dropped, and UTF-16 with its byte-order mark (what Windows PowerShell
// 5.1's ">" and Out-File write) is converted. Anything else is returned as
// it is, without a copy. Every reader of input files uses it, so a file
// saved by Notepad or PowerShell reads the same everywhere.
func Text(data []byte) ([]byte, error) {
	var order unicode.Endianness
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return data[len(bomUTF8):], nil
	case bytes.HasPrefix(data, bomUTF16LE):
		order = unicode.LittleEndian
	case bytes.HasPrefix(data, bomUTF16BE):
		order = unicode.BigEndian
	default:
		return data, nil
	}
	out, _, err := transform.Bytes(unicode.UTF16(order, unicode.ExpectBOM).NewDecoder(), data)
	if err != nil {
		return nil, fmt.Errorf("decoding UTF-16: %w", err)
	}
	return out, nil
}
