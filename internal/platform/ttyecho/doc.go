// Package ttyecho turns a terminal's echo off while a secret (a serial) is
// typed, so it never stays on screen or in a screen recording.
//
// It imports no actwiz package.
package ttyecho
