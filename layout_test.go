package main

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// layers is the one-way flow the code keeps: config → probe → facts →
// checks → results → views. A package may import only packages of a lower
// layer, so an arrow back up (a check reading the machine, a step importing
// the UI) fails this test before it can become a cycle.
var layers = [][]string{
	{"internal/i18n", "internal/files", "internal/machinetext", "internal/winetest"},
	{"internal/platform/", "internal/facts"},
	{"internal/activation/spp", "internal/probe"},
	{"checks"},
	{"internal/display", "internal/report/supportcode", "internal/serial", "internal/logs/collect"},
	{"internal/logs/upload", "internal/logs/parcel", "internal/activation", "internal/report"},
	{"internal/fleet", "config"},
	{"steps", "internal/inbox"},
	{"ui"},
	{"internal/cli"},
	{"", "bench/", "release/"},
}

// topLevel is the design card's top level; everything else lives under
// internal/ (release/ and bench/ are not the product).
var topLevel = map[string]bool{"": true, "ui": true, "steps": true, "checks": true, "config": true, "internal": true, "release": true, "bench": true}

func layerOf(rel string) int {
	best, bestLen := -1, -1
	for i, prefixes := range layers {
		for _, p := range prefixes {
			match := rel == p || (strings.HasSuffix(p, "/") && strings.HasPrefix(rel, p)) || (p != "" && strings.HasPrefix(rel, p+"/"))
			if match && len(p) > bestLen {
				best, bestLen = i, len(p)
			}
		}
	}
	return best
}

func TestLayout(t *testing.T) {
	for _, goos := range []string{"linux", "windows"} {
		cmd := exec.Command("go", "list", "-json=ImportPath,Imports", "./...")
		cmd.Env = append(cmd.Environ(), "GOOS="+goos)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list (GOOS=%s): %v", goos, err)
		}
		dec := json.NewDecoder(strings.NewReader(string(out)))
		for {
			var p struct {
				ImportPath string
				Imports    []string
			}
			if err := dec.Decode(&p); err == io.EOF {
				break
			} else if err != nil {
				t.Fatal(err)
			}
			rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, "actwiz"), "/")
			if top, _, _ := strings.Cut(rel, "/"); !topLevel[top] {
				t.Errorf("package %s sits at the top level; only main, ui, steps, checks and config do, the rest belongs under internal/", rel)
			}
			from := layerOf(rel)
			if from < 0 {
				t.Errorf("package %s is in no layer: add it to layers in layout_test.go", rel)
				continue
			}
			for _, imp := range p.Imports {
				if imp != "actwiz" && !strings.HasPrefix(imp, "actwiz/") {
					continue
				}
				irel := strings.TrimPrefix(imp, "actwiz/")
				if to := layerOf(irel); to >= from {
					t.Errorf("GOOS=%s: %s (layer %d) imports %s (layer %d): imports must point down the flow", goos, rel, from, irel, to)
				}
			}
		}
	}
}
