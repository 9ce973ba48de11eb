package fleet

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/files"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/report"
)

// bigFile is the size from which a file is read only while no other big
// file is: a report is a few KiB, and sixteen workers each holding a file
// of files.MaxInput would take a gigabyte.
const bigFile = 1 << 20

// bigFiles is the token a worker holds while reading and decoding a file
// of bigFile bytes or more.
var bigFiles = make(chan struct{}, 1)

// maxValueBytes bounds one serial, MAC address or host name: real ones are
// under a hundred bytes, and every value a sighting holds waits in memory
// until it is compared.
const maxValueBytes = 1 << 10

// maxChecks bounds a report's check list: actwiz runs a few dozen.
const maxChecks = 256

var errTooMany = errors.New("too many")

// quoteLen bounds a value quoted in a message.
const quoteLen = 60

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
	buf   []byte
}

// read decodes path into a sighting. The error is an *inputError naming
// the file, or ctx's error.
func (rd *reader) read(ctx context.Context, path string) (sighting, error) {
	fail := func(problem i18n.Text) (sighting, error) {
		return sighting{}, &inputError{file: path, problem: problem}
	}
	// Most reports are small: read them at once. A big one is read again
	// holding the big-file token (its size is known before anything is
	// read, so the first try costs only an open).
	data, err := files.ReadInput(ctx, path, bigFile-1, rd.buf)
	var tl *files.TooLargeError
	if errors.As(err, &tl) {
		select {
		case bigFiles <- struct{}{}:
			defer func() { <-bigFiles }()
		case <-ctx.Done():
			return sighting{}, ctx.Err()
		}
		data, err = files.ReadInput(ctx, path, files.MaxInput, rd.buf)
	}
	if err != nil {
		return rd.readFailed(ctx, path, err)
	}
	rd.buf = data
	// Keep the big buffer of an odd large file from living on in the pool.
	defer func() {
		if cap(rd.buf) > bigFile {
			rd.buf = nil
		}
	}()
	if data, err = files.Text(data); err != nil {
		return fail(msgNotJSON.F(err))
	}
	s, snap, problem := rd.decode(path, data)
	if !problem.Empty() {
		return fail(problem)
	}
	if problem := identify(&s, snap); !problem.Empty() {
		return fail(problem)
	}
	return s, nil
}

// readFailed words a failed open or read. The buffer is dropped: a read
// cut short by ctx may still be writing to it.
func (rd *reader) readFailed(ctx context.Context, path string, err error) (sighting, error) {
	rd.buf = nil
	if ctx.Err() != nil {
		return sighting{}, ctx.Err()
	}
	var nr *files.NotRegularError
	var tl *files.TooLargeError
	problem := msgUnreadable.F(files.Reason(err))
	switch {
	case errors.As(err, &nr):
		problem = i18n.T(nr.Problem())
	case errors.As(err, &tl):
		problem = msgTooLarge.F(tl.Limit >> 20)
	}
	return sighting{}, &inputError{file: path, problem: problem}
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
		if len(schemaRaw) == 0 || schemaRaw[0] != '"' {
			return sighting{}, facts.Snapshot{}, msgSchemaNotText.F(machinetext.Clip(string(schemaRaw), quoteLen), report.Schema, facts.Schema)
		}
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
		if snap, err = leanFacts(factsRaw); errors.Is(err, errTooManyDisks) {
			return sighting{}, facts.Snapshot{}, msgTooMany.F(facts.MaxDisks, wordDisks)
		} else if errors.Is(err, errTooManyNICs) {
			return sighting{}, facts.Snapshot{}, msgTooMany.F(facts.MaxNICs, wordNICs)
		} else if err != nil {
			return sighting{}, facts.Snapshot{}, msgNotJSON.F("facts: " + jsonProblem(err))
		}
		if atRaw != nil {
			at, err := optString(atRaw, "generated_at")
			if err == nil && at != nil {
				s.at, err = time.Parse(time.RFC3339Nano, *at)
			}
			if err != nil {
				return sighting{}, facts.Snapshot{}, msgBadTime.F(machinetext.Clip(string(atRaw), quoteLen))
			}
		}
		n := 0
		if err := elements(checksRaw, func(check []byte) error {
			if n++; n > maxChecks {
				return errTooMany
			}
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
		}); errors.Is(err, errTooMany) {
			return sighting{}, facts.Snapshot{}, msgTooMany.F(maxChecks, wordChecks)
		} else if err != nil {
			return sighting{}, facts.Snapshot{}, msgNotJSON.F("checks: " + jsonProblem(err))
		}
	case facts.Schema:
		// Snapshots are small: decode whole, as actwiz check would, with
		// its bounds and words.
		if snap, err = facts.Parse(data); err != nil {
			var ie *facts.InputError
			if errors.As(err, &ie) {
				return sighting{}, facts.Snapshot{}, ie.Problem
			}
			return sighting{}, facts.Snapshot{}, msgNotJSON.F(err)
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
		return sighting{}, facts.Snapshot{}, msgWrongSchema.F(machinetext.Clip(schema, quoteLen), report.Schema, facts.Schema)
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
func identify(s *sighting, snap facts.Snapshot) i18n.Text {
	long := func(v *string) bool { return v != nil && len(*v) > maxValueBytes }
	if len(s.host) > maxValueBytes || snap.BIOS != nil && long(snap.BIOS.SerialNumber) ||
		snap.Baseboard != nil && long(snap.Baseboard.SerialNumber) {
		return msgValueTooLong.F(maxValueBytes)
	}
	for _, d := range snap.Disks {
		if long(d.SerialNumber) {
			return msgValueTooLong.F(maxValueBytes)
		}
	}
	for _, n := range snap.NICs {
		if long(n.MACAddress) {
			return msgValueTooLong.F(maxValueBytes)
		}
	}
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
	return i18n.Text{}
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
		what := "the value"
		if typ.Field != "" {
			what = strconv.Quote(typ.Field)
		}
		want := "text"
		if typ.Type.Kind() != reflect.String {
			want = "a " + typ.Type.Kind().String()
		}
		got := typ.Value
		if got == "string" {
			got = "text"
		} else if got == "array" {
			got = "a list"
		} else if !strings.HasPrefix(got, "number ") {
			got = "a " + got
		}
		return fmt.Sprintf("at byte %d: %s must be %s, not %s", typ.Offset, what, want, got)
	}
	return err.Error()
}

// dedupSorted sorts vs and drops repeats (a machine with two disks of the
// same serial is still one machine).
func dedupSorted(vs []uint32) []uint32 {
	slices.Sort(vs)
	return slices.Compact(vs)
}
