package ui

import (
	"fmt"
	"strings"

	qrcode "github.com/skip2/go-qrcode"

	"actwiz/internal/machinetext"
	"actwiz/internal/report/supportcode"
)

// quietZone is the light margin around the symbol, in modules. The
// standard asks for four; two keep the code small and phones read it.
const quietZone = 2

// qrPayload is what a phone reads from the code and pastes into a chat with
// the agent: the support code, the PC's name and the case number.
func qrPayload(code, host, caseNo string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "actwiz %s", supportcode.Format(code))
	if host != "" {
		fmt.Fprintf(&b, "\nhost %s", machinetext.Escape(host))
	}
	if caseNo != "" {
		fmt.Fprintf(&b, "\ncase %s", caseNo)
	}
	return b.String()
}

// qrLines renders payload as text. Light modules are drawn and dark ones
// left as the terminal's (dark) background: half blocks pack two rows of
// modules into one line; the ASCII form for the plain theme uses "##" per
// light module and one line per row, so it is twice as tall.
func qrLines(payload string, ascii bool) ([]string, error) {
	q, err := qrcode.New(payload, qrcode.Low)
	if err != nil {
		return nil, fmt.Errorf("encoding the QR code: %w", err)
	}
	q.DisableBorder = true
	bits := q.Bitmap()
	n := len(bits) + 2*quietZone
	dark := func(y, x int) bool {
		y, x = y-quietZone, x-quietZone
		if y < 0 || x < 0 || y >= len(bits) || x >= len(bits) {
			return false
		}
		return bits[y][x]
	}
	var lines []string
	if ascii {
		for y := 0; y < n; y++ {
			var b strings.Builder
			for x := 0; x < n; x++ {
				if dark(y, x) {
					b.WriteString("  ")
				} else {
					b.WriteString("##")
				}
			}
			lines = append(lines, b.String())
		}
		return lines, nil
	}
	for y := 0; y < n; y += 2 {
		var b strings.Builder
		for x := 0; x < n; x++ {
			top := !dark(y, x)
			bottom := y+1 < n && !dark(y+1, x)
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		lines = append(lines, b.String())
	}
	return lines, nil
}
