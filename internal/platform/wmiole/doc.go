// Package wmiole reads WMI through go-ole and WMI's scripting API
// (WbemScripting.SWbemLocator), the way VBScript and slmgr.vbs do: COM on
// a locked OS thread, a connection to a namespace, a query whose rows are
// enumerated, properties read one by one and converted to Go values.
//
// Two callers need this: probe's fallback, for when the wmi library
// cannot read properties (as under Wine), and spp, which talks to
// Software Protection. The COM parts live in _windows.go files; the
// conversions and the naming of COM error codes have no build tag so they
// are tested on Linux.
//
// It imports no actwiz package; the probe and spp use it.
package wmiole
