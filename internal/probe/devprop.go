package probe

// Decoding Windows device-property answers. The call itself is in
// devprop_windows.go; this file has no build tag so the decoding and the
// error names are tested on Linux.

import "fmt"

// devpropTypeBoolean is DEVPROP_TYPE_BOOLEAN: one byte, 0x00 false and
// 0xFF (DEVPROP_TRUE) true.
const devpropTypeBoolean = 0x11

// decodeDevpropBool turns CM_Get_DevNode_PropertyW's answer for a boolean
// property into a bool. Any other type or size is refused rather than
// guessed at: a wrong answer here would call a fixed disk removable.
func decodeDevpropBool(propType uint32, data []byte) (bool, error) {
	if propType != devpropTypeBoolean {
		return false, fmt.Errorf("property has type 0x%X, expected DEVPROP_TYPE_BOOLEAN (0x11)", propType)
	}
	if len(data) != 1 {
		return false, fmt.Errorf("boolean property is %d bytes long, expected 1", len(data))
	}
	// DEVPROP_TRUE is 0xFF, but C treats any non-zero byte as true and so
	// does Device Manager.
	return data[0] != 0, nil
}

// configretNames names the CONFIGRET codes cfgmgr32 returns for a device
// lookup or property read, so a reason reads "CR_NO_SUCH_DEVNODE" instead
// of a bare number. (golang.org/x/sys/windows.CONFIGRET.Error cannot be used
// instead: it calls CM_MapCrToWin32Err, which Wine 8 does not export, and a
// missing procedure panics.)
var configretNames = map[uint32]string{
	0x00: "CR_SUCCESS",
	0x01: "CR_DEFAULT",
	0x02: "CR_OUT_OF_MEMORY",
	0x03: "CR_INVALID_POINTER",
	0x04: "CR_INVALID_FLAG",
	0x05: "CR_INVALID_DEVNODE",
	0x0D: "CR_NO_SUCH_DEVNODE",
	0x13: "CR_FAILURE",
	0x1A: "CR_BUFFER_SMALL",
	0x1D: "CR_REGISTRY_ERROR",
	0x1E: "CR_INVALID_DEVICE_ID",
	0x1F: "CR_INVALID_DATA",
	0x24: "CR_DEVICE_NOT_THERE",
	0x25: "CR_NO_SUCH_VALUE",
	0x26: "CR_WRONG_TYPE",
	0x2E: "CR_NO_SUCH_REGISTRY_KEY",
	0x33: "CR_ACCESS_DENIED",
	0x34: "CR_CALL_NOT_IMPLEMENTED",
	0x35: "CR_INVALID_PROPERTY",
}

// configretError is a CONFIGRET from a named cfgmgr32 function.
type configretError struct {
	Func string
	Code uint32
}

func (e configretError) Error() string {
	name, ok := configretNames[e.Code]
	if !ok {
		name = "CONFIGRET"
	}
	text := fmt.Sprintf("%s returned %s (0x%X)", e.Func, name, e.Code)
	switch e.Code {
	case 0x0D:
		text += ": Windows knows no device with this instance path"
	case 0x25:
		text += ": the device does not have this property"
	}
	return text
}
