package fleet

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/files"
	"actwiz/internal/i18n"
	"actwiz/internal/report"
)

// maxFileBytes bounds what one file may hold: a report is a few KiB, and a
// wrong file (a disk image renamed .json) must be refused, not read.
const maxFileBytes = 8 << 20

// sighting is one file's machine, before values are interned.
type sighting struct {
	file    string
	host    string
	at      time.Time
	values  [len(fieldsArray)][]string // display forms, normalised
	failing []string
}

// fieldsArray fixes the index of each field in a sighting.
var fieldsArray = [...]Field{BIOSSerial, BoardSerial, DiskSerial, MAC}

// reader decodes files; each worker owns one, reusing its buffer.
type reader struct {
	rules checks.Rules
	buf   bytes.Buffer
}

// read decodes path into a sighting. The error is an *inputError naming
// the file.
func (rd *reader) read(path string) (sighting, error) {
	fail := func(problem i18n.Text) (sighting, error) {
		return sighting{}, &inputError{file: path, problem: problem}
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(msgUnreadable.F(files.Reason(err)))
	}
	defer f.Close()
	rd.buf.Reset()
	if _, err := rd.buf.ReadFrom(io.LimitReader(f, maxFileBytes+1)); err != nil {
		return fail(msgUnreadable.F(files.Reason(err)))
	}
	if rd.buf.Len() > maxFileBytes {
		return fail(msgTooLarge.F(maxFileBytes >> 20))
	}
	// Keep the big buffer of an odd large file from living on in the pool.
	defer func() {
		if rd.buf.Cap() > 1<<20 {
			rd.buf = bytes.Buffer{}
		}
	}()
	s, snap, problem := rd.decode(path, rd.buf.Bytes())
	if !problem.Empty() {
		return fail(problem)
	}
	identify(&s, snap)
	return s, nil
}

// decode reads a report's or a snapshot's members. A report's own results
// are taken as they are (they were judged with that site's rules); a
// snapshot is judged here.
func (rd *reader) decode(path string, data []byte) (sighting, facts.Snapshot, i18n.Text) {
	var schemaRaw, atRaw, takenRaw, hostRaw, checksRaw, factsRaw []byte
	err := topMembers(data, func(key, value []byte) error {
		switch string(key) {
		case "schema":
			schemaRaw = value
		case "generated_at":
			atRaw = value
		case "taken_at":
			takenRaw = value
		case "host":
			hostRaw = value
		case "checks":
			checksRaw = value
		case "facts":
			factsRaw = value
		}
		return nil
	})
	if err != nil {
		return sighting{}, facts.Snapshot{}, msgNotJSON.F(jsonProblem(err))
	}
	schema := ""
	if schemaRaw != nil {
		if schema, err = stringValue(schemaRaw); err != nil {
			return sighting{}, facts.Snapshot{}, msgNotJSON.F("schema: " + jsonProblem(err))
		}
	}
	s := sighting{file: path}
	var snap facts.Snapshot
	switch schema {
	case report.Schema:
		if factsRaw == nil || bytes.Equal(factsRaw, []byte("null")) {
			return sighting{}, facts.Snapshot{}, msgNoFacts
		}
		if snap, err = leanFacts(factsRaw); err != nil {
			return sighting{}, facts.Snapshot{}, msgNotJSON.F("facts: " + jsonProblem(err))
		}
		if atRaw != nil {
			at, err := optString(atRaw, "generated_at")
			if err == nil && at != nil {
				s.at, err = time.Parse(time.RFC3339Nano, *at)
			}
			if err != nil {
				return sighting{}, facts.Snapshot{}, msgNotJSON.F("generated_at: " + jsonProblem(err))
			}
		}
		if err := elements(checksRaw, func(check []byte) error {
			var id, status string
			err := members(check, func(key, value []byte) (err error) {
				switch string(key) {
				case "id":
					id, err = stringValue(value)
				case "status":
					status, err = stringValue(value)
				}
				return err
			})
			if err == nil && checks.Status(status) == checks.Fail {
				s.failing = append(s.failing, id)
			}
			return err
		}); err != nil {
			return sighting{}, facts.Snapshot{}, msgNotJSON.F("checks: " + jsonProblem(err))
		}
	case facts.Schema:
		// Snapshots are small: decode whole, as actwiz check would.
		if err := json.Unmarshal(data, &snap); err != nil {
			return sighting{}, facts.Snapshot{}, msgNotJSON.F(jsonProblem(err))
		}
		if takenRaw != nil {
			s.at = snap.TakenAt
		}
		for _, r := range checks.RunAll(checks.Hardware, snap, rd.rules) {
			if r.Status == checks.Fail {
				s.failing = append(s.failing, r.ID)
			}
		}
	default:
		return sighting{}, facts.Snapshot{}, msgWrongSchema.F(schema, report.Schema, facts.Schema)
	}
	// A report's own host member and its facts' host are the same; a
	// report written by other tooling may carry only the first.
	s.host = snap.Host.Name
	if s.host == "" && hostRaw != nil {
		var h facts.Host
		if json.Unmarshal(hostRaw, &h) == nil {
			s.host = h.Name
		}
	}
	return s, snap, i18n.Text{}
}

// identify collects the values compared across machines. Removable disks
// and adapters are left out: the technician's USB stick or USB network
// adapter travels from PC to PC and would otherwise be a "duplicate"
// everywhere.
func identify(s *sighting, snap facts.Snapshot) {
	if snap.BIOS != nil {
		s.values[0] = serialValues(snap.BIOS.SerialNumber)
	}
	if snap.Baseboard != nil {
		s.values[1] = serialValues(snap.Baseboard.SerialNumber)
	}
	for _, d := range snap.Disks {
		if !checks.DiskRemovable(d) {
			s.values[2] = append(s.values[2], serialValues(d.SerialNumber)...)
		}
	}
	for _, n := range snap.NICs {
		if checks.NICIdentifies(n) {
			if mac := normalizeMAC(*n.MACAddress); mac != "" {
				s.values[3] = append(s.values[3], mac)
			}
		}
	}
}

// serialValues is the normalised serial, or nothing when it was not read or
// is empty: an empty serial fails its own check and is not a shared value.
func serialValues(p *string) []string {
	if p == nil {
		return nil
	}
	if v := checks.NormalizeSerial(*p); v != "" {
		return []string{v}
	}
	return nil
}

// normalizeMAC writes a MAC address as AA:BB:CC:DD:EE:FF whatever the
// separators (Windows uses ":", "ipconfig" and Linux tools "-" or none).
// Anything that is not 12 hexadecimal digits is kept as written, upper case.
func normalizeMAC(s string) string {
	hex := make([]byte, 0, 12)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ':' || c == '-' || c == '.' || c == ' ':
			continue
		case c >= 'a' && c <= 'f':
			c -= 'a' - 'A'
		case (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'):
		default:
			return strings.ToUpper(strings.TrimSpace(s))
		}
		hex = append(hex, c)
	}
	if len(hex) != 12 {
		return strings.ToUpper(strings.TrimSpace(s))
	}
	if strings.Trim(string(hex), "0") == "" {
		return ""
	}
	out := make([]byte, 0, 17)
	for i := 0; i < 12; i += 2 {
		if i > 0 {
			out = append(out, ':')
		}
		out = append(out, hex[i], hex[i+1])
	}
	return string(out)
}

// inputError is a file that could not be used.
type inputError struct {
	file    string
	problem i18n.Text
}

func (e *inputError) Error() string { return e.Text().EN }

// Text names the file and the problem.
func (e *inputError) Text() i18n.Text { return msgFile.F(e.file, e.problem) }

func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("at byte %d: %s", syn.Offset, syn.Error())
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "top level"
		}
		return fmt.Sprintf("at byte %d: %s must be %s, not %s", typ.Offset, field, typ.Type, typ.Value)
	}
	return err.Error()
}

// dedupSorted sorts vs and drops repeats (a machine with two disks of the
// same serial is still one machine).
func dedupSorted(vs []uint32) []uint32 {
	slices.Sort(vs)
	return slices.Compact(vs)
}
