package inbox

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"path"
	"regexp"
	"strings"
	"time"

	"actwiz/internal/i18n"
	"actwiz/internal/logs/parcel"
	"actwiz/internal/machinetext"
)

// Finding is one thing the logs say, as a support engineer would note it.
type Finding struct {
	Source string
	Line   int
	// Event is the event's id and record number, for event logs.
	Event string
	// Time is the line's or event's own time as written; empty when the
	// line carries none.
	Time    string
	Code    string
	Meaning i18n.Text
	Hint    i18n.Text
	Excerpt string
	// Count is how many lines of the same source gave the same code; the
	// first is the one kept.
	Count int
	// Fails: the finding says activation will fail until its cause is fixed.
	Fails bool
}

// maxScanBytes bounds one file read for findings; a larger file is named
// as not read rather than loaded.
const maxScanBytes = 64 << 20

// binaryExt are formats the scanner cannot read as text (evtx and etl need
// Windows' own tools).
var binaryExt = map[string]bool{".evtx": true, ".etl": true, ".dat": true, ".zip": true, ".cab": true, ".bin": true}

var (
	msgClockMeaning = i18n.T("日志里最新的时间 %s 比打包时电脑时钟的 %s 还晚 %s：电脑的时钟被调慢了（或时区设错了）。时间不对时，激活请求会被拒绝（0xC004F06C），加密连接也会失败。", "The newest time in the logs, %s, is %s after the PC's clock when the package was made (%s): the clock was set back (or the time zone is wrong). With a wrong clock, activation is refused (0xC004F06C) and secure connections fail.")
	msgClockHint    = i18n.T("把系统日期、时间和时区改正确（最好开启自动同步时间），然后重试激活。", "Correct the date, time and time zone (preferably turn on automatic time), then try activating again.")
	msgNotScanned   = i18n.T("%s 太大（超过 %d MiB），没有查找", "%s is too large (over %d MiB) and was not searched")
)

// clockTolerance allows for logs written in local time read as UTC: time
// zones span 26 hours.
const clockTolerance = 26 * time.Hour

// scanner finds what the rules describe in one package.
type scanner struct {
	rules    Rules
	found    []Finding
	index    map[string]int // source|code → index in found
	newest   time.Time
	newestAt Finding
	notes    []i18n.Text
}

// scan reads the collected files the rules apply to.
func scan(ctx context.Context, p *parcel.Parcel, rules Rules) ([]Finding, []i18n.Text) {
	s := &scanner{rules: rules, index: map[string]int{}}
	for _, e := range p.Entries() {
		if ctx.Err() != nil {
			break
		}
		if binaryExt[strings.ToLower(path.Ext(e.Name))] || !s.anyRule(e.Collector.Category, e.Name) {
			continue
		}
		if e.Size > maxScanBytes {
			s.notes = append(s.notes, msgNotScanned.F(e.Name, maxScanBytes>>20))
			continue
		}
		data, err := p.Read(e.Name, maxScanBytes)
		if err != nil {
			continue // Read recorded the damage in the package's integrity
		}
		s.file(e.Collector.Category, e.Name, data)
	}
	if !s.newest.IsZero() && !p.Manifest.CreatedAt.IsZero() && s.newest.Sub(p.Manifest.CreatedAt) > clockTolerance {
		f := s.newestAt
		f.Code, f.Fails, f.Count = "clock-behind", true, 1
		f.Meaning = msgClockMeaning.F(f.Time, s.newest.Sub(p.Manifest.CreatedAt).Round(time.Hour), p.Manifest.CreatedAt.Format(time.RFC3339))
		f.Hint = msgClockHint
		s.found = append(s.found, f)
	}
	return s.found, s.notes
}

func (s *scanner) anyRule(category, name string) bool {
	for i := range s.rules {
		if s.rules[i].applies(category, name) {
			return true
		}
	}
	return false
}

// file scans one file: event XML event by event, anything else line by
// line, in its own encoding (UTF-16 from reg export and PowerShell, GBK
// from a Chinese console, UTF-8).
func (s *scanner) file(category, name string, data []byte) {
	var rules []*Rule
	for i := range s.rules {
		if s.rules[i].applies(category, name) {
			rules = append(rules, &s.rules[i])
		}
	}
	text := machinetext.Decode(data)
	if isEventXML(text) {
		s.events(rules, name, text)
		return
	}
	ctx := lineContext{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		ctx.update(line)
		s.line(rules, Finding{Source: name, Line: i + 1, Event: ctx.event, Time: ctx.time}, line)
	}
}

// line tries the rules on one line; the first that matches wins.
func (s *scanner) line(rules []*Rule, at Finding, line string) {
	if at.Time != "" {
		if t, ok := parseTime(at.Time); ok && t.After(s.newest) {
			s.newest, s.newestAt = t, at
			s.newestAt.Excerpt = excerpt(line)
		}
	}
	for _, r := range rules {
		code, meaning, hint, fails, ok := r.match(line)
		if !ok {
			continue
		}
		key := at.Source + "\x00" + code
		if i, seen := s.index[key]; seen {
			s.found[i].Count++
			return
		}
		f := at
		f.Code, f.Meaning, f.Hint, f.Fails, f.Count, f.Excerpt = code, meaning, hint, fails, 1, excerpt(line)
		s.index[key] = len(s.found)
		s.found = append(s.found, f)
		return
	}
}

// lineContext follows wevtutil's text form: "Event[3]:" starts an event,
// whose "Date:" and "Event ID:" lines (「日期:」「事件 ID:」 on a Chinese
// Windows) apply to its description lines below.
type lineContext struct {
	time, event string
}

const timePattern = `(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?`

var (
	timeRE = regexp.MustCompile(timePattern)
	// Only a time that leads a line or follows "Date:" is the line's own:
	// text may mention others (SPP's event 16384 schedules a restart "at
	// 2121-09-18T01:59:24Z").
	leadTimeRE = regexp.MustCompile(`^\s*\[?` + timePattern)
	dateLineRE = regexp.MustCompile(`^\s*(?:Date|日期)\s*[:：]\s*` + timePattern)
	eventIDRE  = regexp.MustCompile(`^\s*(?:Event ID|事件 ID|事件ID)\s*[:：]\s*(\d+)`)
	eventRE    = regexp.MustCompile(`^Event\[\d+\]`)
)

func (c *lineContext) update(line string) {
	if eventRE.MatchString(line) {
		*c = lineContext{}
	}
	if m := eventIDRE.FindStringSubmatch(line); m != nil {
		c.event = m[1]
	}
	if m := dateLineRE.FindStringSubmatch(line); m != nil {
		c.time = timeRE.FindString(m[0])
	} else if m := leadTimeRE.FindString(line); m != "" {
		c.time = timeRE.FindString(m)
	}
}

// parseTime reads the times logs write; one without a zone is taken as
// UTC, which clockTolerance allows for.
func parseTime(s string) (time.Time, bool) {
	m := timeRE.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	norm := m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3]) + "T" + pad2(m[4]) + ":" + m[5] + ":" + m[6] + m[7]
	zone := m[8]
	if zone == "" {
		zone = "Z"
	} else if zone != "Z" && !strings.Contains(zone, ":") {
		zone = zone[:3] + ":" + zone[3:]
	}
	t, err := time.Parse(time.RFC3339Nano, norm+zone)
	if err != nil || t.Year() < 2000 {
		return time.Time{}, false
	}
	return t, true
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// isEventXML: wevtutil qe /f:xml writes <Event> elements one after the
// other, without a root.
func isEventXML(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n\ufeff")
	return strings.HasPrefix(t, "<Event ") || strings.HasPrefix(t, "<Event>") || strings.HasPrefix(t, "<Events")
}

// events scans event XML: each event's data and message, with the time,
// id and record number of its System element, which read the same on
// every language of Windows.
func (s *scanner) events(rules []*Rule, name, text string) {
	dec := xml.NewDecoder(strings.NewReader(text))
	dec.Strict = false
	var (
		depth, eventDepth int
		inSystem          bool
		field             string
		at                Finding
		id, record        string
		data              []string
		cur               bytes.Buffer
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			// A cut-off export (the collector's size cap) keeps what was read.
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case t.Name.Local == "Event" && eventDepth == 0:
				eventDepth = depth
				line, _ := dec.InputPos()
				at, id, record, data = Finding{Source: name, Line: line}, "", "", nil
			case eventDepth == 0:
			case t.Name.Local == "System":
				inSystem = true
			case inSystem && t.Name.Local == "TimeCreated":
				for _, a := range t.Attr {
					if a.Name.Local == "SystemTime" {
						at.Time = a.Value
					}
				}
			}
			field = t.Name.Local
			cur.Reset()
		case xml.CharData:
			if eventDepth > 0 {
				cur.Write(t)
			}
		case xml.EndElement:
			if eventDepth > 0 {
				v := strings.TrimSpace(cur.String())
				switch {
				case inSystem && field == "EventID":
					id = v
				case inSystem && field == "EventRecordID":
					record = v
				case !inSystem && v != "":
					data = append(data, v)
				}
				cur.Reset()
			}
			if t.Name.Local == "System" {
				inSystem = false
			}
			if depth == eventDepth {
				at.Event = id
				if record != "" {
					at.Event += " #" + record
				}
				for _, d := range data {
					for _, l := range strings.Split(d, "\n") {
						s.line(rules, at, strings.TrimRight(l, "\r"))
					}
				}
				eventDepth = 0
			}
			depth--
		}
	}
}
