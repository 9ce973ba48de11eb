package fleet

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strings"
	"time"
)

// interner gives every distinct value a small number, so each machine holds
// numbers and each value's text is stored once.
type interner struct {
	ids     map[string]uint32
	display []string
}

func newInterner() *interner { return &interner{ids: map[string]uint32{}} }

// id returns the number of the value whose comparison key is key. Of the
// ways the value was written ("Default string", "default STRING"), the
// first in sort order is shown, so the output does not depend on which
// file a worker happened to read first.
func (in *interner) id(key, display string) uint32 {
	if id, ok := in.ids[key]; ok {
		if display < in.display[id] {
			in.display[id] = strings.Clone(display)
		}
		return id
	}
	id := uint32(len(in.display))
	in.ids[strings.Clone(key)] = id
	in.display = append(in.display, strings.Clone(display))
	return id
}

// machine is the newest sighting of one machine, values interned.
type machine struct {
	host, file string
	at         time.Time
	values     [len(fieldsArray)][]uint32
	failing    []uint32
}

// aggregate collects sightings; one goroutine owns it.
type aggregate struct {
	values   [len(fieldsArray)]*interner
	checkIDs *interner
	machines []machine
	byID     map[string]int
	files    int
	key      []byte
}

func newAggregate() *aggregate {
	a := &aggregate{checkIDs: newInterner(), byID: map[string]int{}}
	for i := range a.values {
		a.values[i] = newInterner()
	}
	return a
}

// add records a sighting. The same machine seen again (same host name and
// same identity: serials and MAC addresses) is kept once, its newest
// report counting.
func (a *aggregate) add(s sighting) {
	a.files++
	m := machine{host: s.host, file: s.file, at: s.at}
	for f, vs := range s.values {
		ids := make([]uint32, 0, len(vs))
		for _, v := range vs {
			ids = append(ids, a.values[f].id(compareKey(fieldsArray[f], v), v))
		}
		m.values[f] = dedupSorted(ids)
	}
	for _, c := range s.failing {
		m.failing = append(m.failing, a.checkIDs.id(c, c))
	}
	key := a.identity(m)
	if i, ok := a.byID[string(key)]; ok {
		old := a.machines[i]
		if m.at.After(old.at) || (m.at.Equal(old.at) && m.file > old.file) {
			a.machines[i] = m
		}
		return
	}
	a.byID[string(key)] = len(a.machines)
	a.machines = append(a.machines, m)
}

// identity is the machine's host name (case-insensitive, as Windows treats
// it) and its interned values.
func (a *aggregate) identity(m machine) []byte {
	k := append(a.key[:0], strings.ToLower(m.host)...)
	for _, ids := range m.values {
		k = append(k, 0xff) // cannot occur in UTF-8, so fields never run together
		for _, id := range ids {
			k = binary.LittleEndian.AppendUint32(k, id)
		}
	}
	a.key = k
	return k
}

// compareKey is the form two values are compared in: serials by spec §2's
// normalisation, case-insensitively; MAC addresses already normalised.
func compareKey(f Field, v string) string {
	if f == MAC {
		return v
	}
	return strings.ToLower(v)
}

// result turns the machines into findings.
func (a *aggregate) result(opts Options, unreadable []Unreadable) Result {
	r := Result{
		Schema: Schema, Machines: len(a.machines), Files: a.files + len(unreadable),
		Duplicates: []Duplicate{}, Placeholders: []Placeholder{}, Failing: []Failing{},
		Unreadable: unreadable,
	}
	if r.Unreadable == nil {
		r.Unreadable = []Unreadable{}
	}
	slices.SortFunc(r.Unreadable, func(x, y Unreadable) int { return strings.Compare(x.File, y.File) })
	for f, field := range fieldsArray {
		in := a.values[f]
		count := make([]int32, len(in.display))
		for _, m := range a.machines {
			for _, id := range m.values[f] {
				count[id]++
			}
		}
		placeholder := make([]bool, len(in.display))
		if field == BIOSSerial || field == BoardSerial {
			for id, v := range in.display {
				placeholder[id] = opts.Rules.Placeholders.Match(v)
			}
		}
		// Only values worth reporting get a list of machines.
		holders := map[uint32][]int{}
		for i, m := range a.machines {
			for _, id := range m.values[f] {
				if count[id] > 1 || placeholder[id] {
					holders[id] = append(holders[id], i)
				}
			}
		}
		ids := make([]uint32, 0, len(holders))
		for id := range holders {
			ids = append(ids, id)
		}
		slices.SortFunc(ids, func(x, y uint32) int { return strings.Compare(in.display[x], in.display[y]) })
		for _, id := range ids {
			ms, hosts := a.named(holders[id])
			if count[id] > 1 {
				r.Duplicates = append(r.Duplicates, Duplicate{Field: field, Value: in.display[id], Hosts: hosts, Machines: ms, Placeholder: placeholder[id]})
			}
			if placeholder[id] {
				r.Placeholders = append(r.Placeholders, Placeholder{Field: field, Value: in.display[id], Hosts: hosts, Machines: ms})
			}
		}
	}
	for _, m := range a.machines {
		if len(m.failing) == 0 {
			continue
		}
		ids := make([]string, len(m.failing))
		for i, c := range m.failing {
			ids[i] = a.checkIDs.display[c]
		}
		r.Failing = append(r.Failing, Failing{Host: m.host, File: m.file, Checks: ids})
	}
	slices.SortFunc(r.Failing, func(x, y Failing) int {
		return cmp.Or(strings.Compare(x.Host, y.Host), strings.Compare(x.File, y.File))
	})
	return r
}

// named lists machines by host name, then file.
func (a *aggregate) named(idx []int) ([]Machine, []string) {
	ms := make([]Machine, len(idx))
	for i, j := range idx {
		ms[i] = Machine{Host: a.machines[j].host, File: a.machines[j].file}
	}
	slices.SortFunc(ms, func(x, y Machine) int {
		return cmp.Or(strings.Compare(x.Host, y.Host), strings.Compare(x.File, y.File))
	})
	hosts := make([]string, len(ms))
	for i, m := range ms {
		hosts[i] = m.Host
	}
	return ms, hosts
}
