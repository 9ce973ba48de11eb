// Package peres reads back the resources of a Windows executable: version
// information, the application manifest and whether an icon is present.
// The release checks with it that the executable handed out really
// carries what the release script put in, reading the built file itself
// rather than trusting the tool that wrote it.
package peres

import (
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Resource types (winuser.h).
const (
	typeIcon      = 3
	typeGroupIcon = 14
	typeVersion   = 16
	typeManifest  = 24
)

// Resources is what an executable carries.
type Resources struct {
	// Version holds the StringFileInfo tables by language and code page
	// ("040904b0", "080404b0"), each mapping a key (ProductName,
	// FileDescription, ProductVersion…) to its value.
	Version map[string]map[string]string
	// FileVersion is the numeric version of VS_FIXEDFILEINFO: a.b.c.d.
	FileVersion [4]uint16
	// Manifest is the application manifest's XML.
	Manifest string
	// Icons counts the icon groups.
	Icons int
}

// Read parses path's resource section.
func Read(path string) (Resources, error) {
	f, err := pe.Open(path)
	if err != nil {
		return Resources{}, fmt.Errorf("reading %s as a Windows executable: %w", path, err)
	}
	defer f.Close()
	sec := f.Section(".rsrc")
	if sec == nil {
		return Resources{}, fmt.Errorf("%s has no resource section (.rsrc): it was built without resources", path)
	}
	data, err := sec.Data()
	if err != nil {
		return Resources{}, fmt.Errorf("reading the resources of %s: %w", path, err)
	}
	leaves, err := walk(data)
	if err != nil {
		return Resources{}, fmt.Errorf("%s: %w", path, err)
	}
	var r Resources
	for _, l := range leaves {
		off := int(l.rva) - int(sec.VirtualAddress)
		if off < 0 || off+int(l.size) > len(data) {
			return Resources{}, fmt.Errorf("%s: resource type %d points outside its section", path, l.typ)
		}
		body := data[off : off+int(l.size)]
		switch l.typ {
		case typeGroupIcon:
			r.Icons++
		case typeManifest:
			r.Manifest = string(body)
		case typeVersion:
			// One VERSIONINFO resource per language: merge their tables.
			tables, fixed, err := parseVersion(body)
			if err != nil {
				return Resources{}, fmt.Errorf("%s: version information: %w", path, err)
			}
			if r.Version == nil {
				r.Version = map[string]map[string]string{}
			}
			for lang, t := range tables {
				r.Version[lang] = t
			}
			r.FileVersion = fixed
		}
	}
	return r, nil
}

type leaf struct {
	typ       uint32
	rva, size uint32
}

// walk follows the three-level resource directory (type, name, language)
// to its data entries.
func walk(data []byte) ([]leaf, error) {
	var out []leaf
	var visit func(off uint32, depth int, typ uint32) error
	visit = func(off uint32, depth int, typ uint32) error {
		if depth > 3 || int(off)+16 > len(data) {
			return errors.New("malformed resource directory")
		}
		n := int(binary.LittleEndian.Uint16(data[off+12:])) + int(binary.LittleEndian.Uint16(data[off+14:]))
		for i := range n {
			e := int(off) + 16 + 8*i
			if e+8 > len(data) {
				return errors.New("malformed resource directory entry")
			}
			id := binary.LittleEndian.Uint32(data[e:])
			target := binary.LittleEndian.Uint32(data[e+4:])
			t := typ
			if depth == 0 {
				t = id // named types (high bit set) never match a standard one
			}
			if target&0x80000000 != 0 {
				if err := visit(target&0x7fffffff, depth+1, t); err != nil {
					return err
				}
				continue
			}
			if int(target)+16 > len(data) {
				return errors.New("malformed resource data entry")
			}
			out = append(out, leaf{typ: t, rva: binary.LittleEndian.Uint32(data[target:]), size: binary.LittleEndian.Uint32(data[target+4:])})
		}
		return nil
	}
	return out, visit(0, 0, 0)
}

// block is one node of a VS_VERSIONINFO tree.
type block struct {
	key      string
	value    []byte
	text     bool
	children []block
}

// parseBlock reads the block at the start of b: wLength, wValueLength,
// wType, a NUL-terminated UTF-16 key, padding to 32 bits, the value,
// padding, then child blocks up to wLength.
func parseBlock(b []byte) (block, int, error) {
	if len(b) < 6 {
		return block{}, 0, errors.New("truncated block")
	}
	length := int(binary.LittleEndian.Uint16(b))
	valueLen := int(binary.LittleEndian.Uint16(b[2:]))
	text := binary.LittleEndian.Uint16(b[4:]) == 1
	if length < 6 || length > len(b) {
		return block{}, 0, fmt.Errorf("block length %d outside %d bytes", length, len(b))
	}
	b = b[:length]
	var key []uint16
	i := 6
	for ; i+1 < len(b); i += 2 {
		c := binary.LittleEndian.Uint16(b[i:])
		if c == 0 {
			i += 2
			break
		}
		key = append(key, c)
	}
	i = align4(i)
	if text {
		valueLen *= 2 // counted in UTF-16 units
	}
	if i+valueLen > len(b) {
		valueLen = max(0, len(b)-i)
	}
	blk := block{key: string(utf16.Decode(key)), value: b[i : i+valueLen], text: text}
	i = align4(i + valueLen)
	for i < len(b) {
		child, n, err := parseBlock(b[i:])
		if err != nil {
			return block{}, 0, err
		}
		blk.children = append(blk.children, child)
		i = align4(i + n)
	}
	return blk, length, nil
}

func align4(i int) int { return (i + 3) &^ 3 }

func parseVersion(b []byte) (map[string]map[string]string, [4]uint16, error) {
	var fixed [4]uint16
	root, _, err := parseBlock(b)
	if err != nil {
		return nil, fixed, err
	}
	if root.key != "VS_VERSION_INFO" {
		return nil, fixed, fmt.Errorf("root key %q, want VS_VERSION_INFO", root.key)
	}
	if len(root.value) >= 16 && binary.LittleEndian.Uint32(root.value) == 0xFEEF04BD {
		ms, ls := binary.LittleEndian.Uint32(root.value[8:]), binary.LittleEndian.Uint32(root.value[12:])
		fixed = [4]uint16{uint16(ms >> 16), uint16(ms), uint16(ls >> 16), uint16(ls)}
	}
	tables := map[string]map[string]string{}
	for _, c := range root.children {
		if c.key != "StringFileInfo" {
			continue
		}
		for _, table := range c.children {
			strs := map[string]string{}
			for _, s := range table.children {
				strs[s.key] = decodeText(s.value)
			}
			tables[strings.ToLower(table.key)] = strs
		}
	}
	return tables, fixed, nil
}

func decodeText(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		c := binary.LittleEndian.Uint16(b[i:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u))
}
