// Package machinetext handles text that comes from the machine being
// diagnosed, in both directions. Decode turns the bytes a Windows program or
// log wrote into text: Chinese Windows writes console output and many logs
// in the ANSI code page (GBK, 936) rather than UTF-8, so text that is not
// valid UTF-8 is decoded as GB18030, GBK's superset. Escape makes such a
// value safe to print on a terminal: a serial or device name can hold any
// bytes, including an escape sequence that would move the cursor, retitle
// the window or hide text; every such byte is shown as a visible Go-style
// escape instead.
//
// It imports no actwiz package: everything may use it.
package machinetext
