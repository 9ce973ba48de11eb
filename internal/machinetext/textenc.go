package machinetext

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Decode returns b as a string: UTF-16 when it starts with a UTF-16
// byte-order mark (what PowerShell's Out-File and "cmd /u" write), else
// UTF-8 (a byte-order mark dropped) when it is valid UTF-8, else GBK/GB18030.
// Bytes none can decode come out as U+FFFD, never as raw bytes.
func Decode(b []byte) string {
	if bytes.HasPrefix(b, []byte("\xff\xfe")) || bytes.HasPrefix(b, []byte("\xfe\xff")) {
		// The BOM picks the byte order and is dropped.
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		if err == nil {
			return string(out)
		}
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if utf8.Valid(b) {
		return string(b)
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
	}
	return string(out)
}
