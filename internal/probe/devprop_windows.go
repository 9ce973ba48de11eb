package probe

// Reading "In root container" (在根容器中) for one device: the device
// property DEVPKEY_Device_InLocalMachineContainer, which Device Manager
// shows on the Details tab and the vendor's rules require to be true for
// the disk and the network adapter. Devices inside the PC share the local
// machine's container; a USB device Windows considers removable gets its own.
//
// golang.org/x/sys/windows wraps neither call for this use (its
// SetupDiGetDeviceProperty decodes only strings), so both are loaded from
// cfgmgr32.dll by name. Loading lazily means a missing export becomes an
// error for that device, not a crash at start-up.

import (
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	cfgmgr32                    = windows.NewLazySystemDLL("cfgmgr32.dll")
	procCM_Locate_DevNodeW      = cfgmgr32.NewProc("CM_Locate_DevNodeW")
	procCM_Get_DevNode_Property = cfgmgr32.NewProc("CM_Get_DevNode_PropertyW")
)

// devpkeyInLocalMachineContainer is {8c7ed206-3f8a-4827-b3ab-ae9e1faefc6c}, 4.
var devpkeyInLocalMachineContainer = windows.DEVPROPKEY{
	FmtID: windows.DEVPROPGUID{
		Data1: 0x8c7ed206, Data2: 0x3f8a, Data3: 0x4827,
		Data4: [8]byte{0xb3, 0xab, 0xae, 0x9e, 0x1f, 0xae, 0xfc, 0x6c},
	},
	PID: 4,
}

// cmLocateDevnodePhantom also finds devices that are installed but not
// present right now (an unplugged adapter WMI still lists); their
// properties are still readable.
const cmLocateDevnodePhantom = 0x1

// inLocalMachineContainer reads the property for the device whose instance
// path is pnpDeviceID (Win32_DiskDrive/Win32_NetworkAdapter.PNPDeviceID).
func inLocalMachineContainer(pnpDeviceID string) (bool, error) {
	for _, p := range []*windows.LazyProc{procCM_Locate_DevNodeW, procCM_Get_DevNode_Property} {
		if err := p.Find(); err != nil {
			return false, fmt.Errorf("cfgmgr32.dll cannot be used: %w", err)
		}
	}
	id, err := windows.UTF16PtrFromString(pnpDeviceID)
	if err != nil {
		return false, fmt.Errorf("device instance path %q: %w", pnpDeviceID, err)
	}
	var devinst uint32
	r, _, _ := procCM_Locate_DevNodeW.Call(
		uintptr(unsafe.Pointer(&devinst)),
		uintptr(unsafe.Pointer(id)),
		cmLocateDevnodePhantom,
	)
	if r != 0 {
		return false, configretError{Func: "CM_Locate_DevNodeW", Code: uint32(r)}
	}

	var propType uint32
	var buf [8]byte // a DEVPROP_BOOLEAN is one byte; room to see a wrong answer
	size := uint32(len(buf))
	r, _, _ = procCM_Get_DevNode_Property.Call(
		uintptr(devinst),
		uintptr(unsafe.Pointer(&devpkeyInLocalMachineContainer)),
		uintptr(unsafe.Pointer(&propType)),
		uintptr(unsafe.Pointer(&buf[0])),
		uintptr(unsafe.Pointer(&size)),
		0,
	)
	if r != 0 {
		return false, configretError{Func: "CM_Get_DevNode_PropertyW", Code: uint32(r)}
	}
	if size > uint32(len(buf)) {
		return false, fmt.Errorf("CM_Get_DevNode_PropertyW reported %d bytes for a boolean", size)
	}
	return decodeDevpropBool(propType, buf[:size])
}
