package collect

import (
	"bufio"
	"bytes"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"actwiz/internal/i18n"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// How an entry of a redacted package was treated, as the manifest says.
const (
	RedactionRedacted = "redacted"
	// RedactionBinary: left out of the package; a text pattern cannot see
	// the values inside a binary format (an .evtx stores its strings in
	// UTF-16 between binary records) and would corrupt it.
	RedactionBinary = "left_out_binary"
)

// Encodings a redacted text entry was read in, as the manifest says.
const (
	EncodingUTF8    = "utf-8"
	EncodingGBK     = "gbk" // some lines were GBK: a Chinese console's output
	EncodingUTF16LE = "utf-16le"
	EncodingUTF16BE = "utf-16be"
)

// binaryExt are formats that are binary whatever their first bytes say.
var binaryExt = map[string]bool{
	".evtx": true, ".evt": true, ".etl": true, ".dmp": true, ".mdmp": true, ".hdmp": true,
	".cab": true, ".zip": true, ".7z": true, ".blf": true, ".mta": true,
}

// sniffSize is how much of an entry decides its encoding, or that it is
// not text.
const sniffSize = 64 << 10

// maxLine bounds how much of one line is redacted at a time. A longer line
// is redacted in pieces; a value split exactly at a piece's edge would be
// missed, which only a line over 1 MiB can cause.
const maxLine = 1 << 20

// EntryText is what redaction found an entry to be. Read it after the
// entry's reader returned EOF.
type EntryText struct {
	Encoding string
	// CutAt is where binary content began inside a text entry: the entry
	// ends there (marked truncated). -1 when it did not happen.
	CutAt int64
}

// entryReader is a redacted entry; Text is valid once Read returned EOF.
type entryReader struct {
	*io.PipeReader
	text *EntryText
	done chan struct{}
}

// Text waits for the redaction to finish and says what it found.
func (e *entryReader) Text() EntryText {
	<-e.done
	return *e.text
}

// Entry redacts one entry of the package: its encoding is detected from
// its first bytes (a byte-order mark, UTF-16 without one, else UTF-8 with
// GBK lines allowed), the text is redacted decoded and written back in the
// same encoding. It returns nil when the entry is binary, by its name or
// by its content: such an entry must be left out.
func (r *Redactor) Entry(name string, src io.Reader) *entryReader {
	if binaryExt[strings.ToLower(path.Ext(name))] {
		return nil
	}
	br := bufio.NewReaderSize(src, sniffSize)
	head, _ := br.Peek(sniffSize) // a read error shows again on Read
	enc, binary := sniff(head)
	if binary {
		return nil
	}
	pr, pw := io.Pipe()
	e := &entryReader{PipeReader: pr, text: &EntryText{Encoding: enc, CutAt: -1}, done: make(chan struct{})}
	go func() {
		defer close(e.done)
		var err error
		switch enc {
		case EncodingUTF16LE, EncodingUTF16BE:
			order := unicode.LittleEndian
			if enc == EncodingUTF16BE {
				order = unicode.BigEndian
			}
			// IgnoreBOM: a byte-order mark is decoded as U+FEFF and
			// written back as it was.
			u16 := unicode.UTF16(order, unicode.IgnoreBOM)
			w := transform.NewWriter(pw, u16.NewEncoder())
			err = r.lines(transform.NewReader(br, u16.NewDecoder()), w, false, e.text)
			if err == nil {
				err = w.Close()
			}
		default:
			err = r.lines(br, pw, true, e.text)
		}
		pw.CloseWithError(err)
	}()
	return e
}

// sniff decides from the head of an entry how it is encoded, or that it is
// not text.
func sniff(head []byte) (enc string, binary bool) {
	switch {
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}):
		return EncodingUTF16LE, looksBinary(decodeUTF16(head, unicode.LittleEndian))
	case bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		return EncodingUTF16BE, looksBinary(decodeUTF16(head, unicode.BigEndian))
	}
	if bytes.IndexByte(head, 0) >= 0 {
		// ASCII text in UTF-16 has a zero in every other byte.
		var even, odd int
		for i, c := range head {
			if c == 0 && i%2 == 0 {
				even++
			} else if c == 0 {
				odd++
			}
		}
		half := len(head) / 2
		switch {
		case odd*10 >= half*3 && even*20 <= half:
			return EncodingUTF16LE, looksBinary(decodeUTF16(head, unicode.LittleEndian))
		case even*10 >= half*3 && odd*20 <= half:
			return EncodingUTF16BE, looksBinary(decodeUTF16(head, unicode.BigEndian))
		}
	}
	return EncodingUTF8, looksBinary(head)
}

func decodeUTF16(b []byte, order unicode.Endianness) []byte {
	out, _ := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b[:len(b)&^1])
	return out
}

// looksBinary: a short run of zero bytes followed by more data (the
// integers of a binary format, UTF-16 text inside one), or more than one
// byte in twenty a control character no text uses. A long run of zeros
// is padding, which logs have after a crash, and holds nothing.
func looksBinary(b []byte) bool {
	controls, zeros := 0, 0
	for _, c := range b {
		if c == 0 {
			zeros++
			continue
		}
		if zeros > 0 && zeros < 16 {
			return true
		}
		zeros = 0
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != '\b' && c != 0x1b {
			controls++
		}
	}
	return controls > 4 && controls*20 > len(b)
}

// lines redacts src line by line into dst. With mixed set, src is
// ASCII-compatible: each line is UTF-8 or GBK, whichever decodes it (both
// when both do), since a Chinese console prints GBK into files that are
// otherwise UTF-8. A line that is binary ends the entry: text is what a
// redacted package holds.
func (r *Redactor) lines(src io.Reader, dst io.Writer, mixed bool, text *EntryText) error {
	br := bufio.NewReaderSize(src, maxLine)
	bw := bufio.NewWriterSize(dst, 256<<10)
	var offset int64
	for {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			err = nil
		}
		if len(line) > 0 {
			if mixed && looksBinary(line) {
				text.CutAt = offset
				return bw.Flush()
			}
			var out []byte
			if mixed {
				var gbk bool
				out, gbk = r.mixedLine(line)
				if gbk {
					text.Encoding = EncodingGBK
				}
			} else {
				out = r.Bytes(line)
			}
			if _, werr := bw.Write(out); werr != nil {
				return werr
			}
			offset += int64(len(line))
		}
		if err == io.EOF {
			return bw.Flush()
		}
		if err != nil {
			return err
		}
	}
}

var gb18030 = simplifiedchinese.GB18030

// mixedLine redacts a line that is UTF-8, GBK or, when both decode it,
// possibly either: then it is redacted as one and then as the other. A
// line neither decodes is redacted as GBK with the bad bytes replaced, but
// only when a value was found; otherwise it is kept byte for byte.
func (r *Redactor) mixedLine(line []byte) (out []byte, gbk bool) {
	if isASCII(string(line)) {
		return r.Bytes(line), false
	}
	isUTF8 := utf8.Valid(line)
	if isUTF8 {
		line = r.Bytes(line)
	}
	decoded, err := gb18030.NewDecoder().Bytes(line)
	if err != nil {
		return line, false
	}
	validGBK := !bytes.ContainsRune(decoded, utf8.RuneError)
	if isUTF8 && !validGBK {
		return line, false
	}
	redacted := r.Bytes(decoded)
	if bytes.Equal(redacted, decoded) {
		return line, !isUTF8
	}
	enc, err := encoding.ReplaceUnsupported(gb18030.NewEncoder()).Bytes(redacted)
	if err != nil {
		return line, !isUTF8
	}
	return enc, !isUTF8
}

var (
	problemBinaryTail = i18n.T("有文件从第 %d 字节起是二进制内容，脱敏包只保留此前的文本", "a file turns binary at byte %d: a redacted package keeps only the text before it")
	problemLeftOut    = i18n.T("%d 个二进制文件未放入脱敏包（文本规则无法在其中查找要隐藏的值），清单中已列出", "%d binary file(s) left out of the redacted package (a text pattern cannot find the values to hide inside them); the manifest lists them")
	reasonBinary      = i18n.T("二进制文件：脱敏包只含文本", "binary file: a redacted package holds text only")
)

// leaveOut records a binary entry kept out of a redacted package. Its name
// and source are redacted like everything else in the manifest.
func (p *packer) leaveOut(res *Result, name string, s source) {
	f := LeftOutFile{Path: name, Redaction: RedactionBinary, Reason: reasonBinary.EN, ReasonZH: reasonBinary.ZH}
	if s.path != "" {
		f.Source = p.redact.String(s.path)
	}
	if res != nil {
		res.LeftOut = append(res.LeftOut, f)
	} else {
		p.ownLeftOut = append(p.ownLeftOut, f)
	}
}
