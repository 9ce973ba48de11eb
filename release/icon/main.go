// Command icon draws actwiz's application icon as a 256×256 PNG: a green
// check mark on a blue rounded square. It is drawn by code at release time
// so the repository holds no binary image and every release's icon is the
// same bytes.
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"

	"actwiz/internal/files"
	"io"
)

const size = 256

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: icon OUT.png")
		os.Exit(2)
	}
	img := draw()
	if err := files.Write(os.Args[1], 0o644, func(w io.Writer) error { return png.Encode(w, img) }); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func draw() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	blue := color.NRGBA{0x1f, 0x5f, 0xbf, 0xff}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	const radius, margin = 40.0, 8.0
	// The check mark: two strokes, as distances from line segments.
	strokes := [][4]float64{{64, 132, 110, 180}, {110, 180, 196, 80}}
	const half = 14.0
	for y := range size {
		for x := range size {
			px, py := float64(x)+0.5, float64(y)+0.5
			if !insideRounded(px, py, margin, size-margin, radius) {
				continue
			}
			c := blue
			for _, s := range strokes {
				if segmentDistance(px, py, s) <= half {
					c = white
				}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

func insideRounded(x, y, lo, hi, r float64) bool {
	if x < lo || x > hi || y < lo || y > hi {
		return false
	}
	cx := math.Max(lo+r, math.Min(x, hi-r))
	cy := math.Max(lo+r, math.Min(y, hi-r))
	return math.Hypot(x-cx, y-cy) <= r
}

func segmentDistance(px, py float64, s [4]float64) float64 {
	dx, dy := s[2]-s[0], s[3]-s[1]
	t := ((px-s[0])*dx + (py-s[1])*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(px-(s[0]+t*dx), py-(s[1]+t*dy))
}
