package fleet

import (
	"encoding/csv"
	"io"
)

// WriteCSVRows writes rows as fleet's CSV is written, for other tables of
// machines (the inbox): UTF-8 with a byte order mark so Excel keeps
// Chinese intact, CRLF, and every cell made safe (see cellSafe).
func WriteCSVRows(w io.Writer, rows [][]string) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	for _, row := range rows {
		safe := make([]string, len(row))
		for i, cell := range row {
			safe[i] = cellSafe(cell)
		}
		if err := cw.Write(safe); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
