//go:build race

package ui

// raceBuild: the race detector slows rendering about tenfold, so the
// size tests draw a sample of their sizes under it.
const raceBuild = true
