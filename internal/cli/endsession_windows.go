//go:build windows

package cli

import (
	"fmt"
	"runtime"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Windows ends a session (log off, shut down, restart) by asking every
// top-level window: WM_QUERYENDSESSION, then WM_ENDSESSION. A console
// program hears CTRL_LOGOFF_EVENT and CTRL_SHUTDOWN_EVENT instead only
// while it has not loaded user32.dll or gdi32.dll (Microsoft's
// SetConsoleCtrlHandler and HandlerRoutine pages). actwiz has: the
// clipboard package behind the wizard's text fields (atotto/clipboard,
// through bubbles/textinput) loads user32 when the program starts, in
// every command. So the console handler that Go
// installs (it turns those events into SIGTERM) never hears them, and
// Windows would end actwiz without cleanup. A hidden window hears them.

var (
	user32               = windows.NewLazySystemDLL("user32.dll")
	procRegisterClassExW = user32.NewProc("RegisterClassExW")
	procCreateWindowExW  = user32.NewProc("CreateWindowExW")
	procDefWindowProcW   = user32.NewProc("DefWindowProcW")
	procGetMessageW      = user32.NewProc("GetMessageW")
	procDispatchMessageW = user32.NewProc("DispatchMessageW")
)

const (
	wmQueryEndSession = 0x0011
	wmEndSession      = 0x0016
	// endSessionWait bounds how long the window keeps the session from
	// ending while actwiz cleans up; Windows stops waiting for a window
	// that has not answered after about 5 s anyway.
	endSessionWait = 10 * time.Second
)

// wndClassEx is WNDCLASSEXW.
type wndClassEx struct {
	size       uint32
	style      uint32
	wndProc    uintptr
	clsExtra   int32
	wndExtra   int32
	instance   windows.Handle
	icon       windows.Handle
	cursor     windows.Handle
	background windows.Handle
	menuName   *uint16
	className  *uint16
	iconSm     windows.Handle
}

// winMsg is MSG, with room to spare for its private tail.
type winMsg struct {
	hwnd    uintptr
	message uint32
	wParam  uintptr
	lParam  uintptr
	time    uint32
	pt      [2]int32
	private [4]uint32
}

// watchEndSession calls end when the session ends, then holds Windows
// back until finished is closed (actwiz has cleaned up) or endSessionWait
// has passed. Without the window, logoff and shutdown end actwiz at once,
// as they did before: no error is reported.
func watchEndSession(end func(), finished <-chan struct{}) {
	go func() {
		// A window's messages are handled on the thread that made it.
		runtime.LockOSThread()
		_ = endSessionWindow(end, finished)
	}()
}

func endSessionWindow(end func(), finished <-chan struct{}) error {
	proc := windows.NewCallback(func(hwnd, msg, wParam, lParam uintptr) uintptr {
		switch uint32(msg) {
		case wmQueryEndSession:
			return 1 // actwiz never vetoes the end of a session
		case wmEndSession:
			if wParam != 0 {
				end()
				select {
				case <-finished:
				case <-time.After(endSessionWait):
				}
			}
			return 0
		}
		r, _, _ := procDefWindowProcW.Call(hwnd, msg, wParam, lParam)
		return r
	})
	var instance windows.Handle
	if err := windows.GetModuleHandleEx(0, nil, &instance); err != nil {
		return fmt.Errorf("reading actwiz's module handle: %w", err)
	}
	class, _ := windows.UTF16PtrFromString("actwizEndSession")
	wc := wndClassEx{wndProc: proc, instance: instance, className: class}
	wc.size = uint32(unsafe.Sizeof(wc))
	if r, _, err := procRegisterClassExW.Call(uintptr(unsafe.Pointer(&wc))); r == 0 {
		return fmt.Errorf("registering the end-of-session window class: %w", err)
	}
	// A top-level window that is never shown: a message-only window
	// (HWND_MESSAGE parent) would not receive the session's broadcast.
	hwnd, _, err := procCreateWindowExW.Call(0, uintptr(unsafe.Pointer(class)), uintptr(unsafe.Pointer(class)),
		0, 0, 0, 0, 0, 0, 0, uintptr(instance), 0)
	if hwnd == 0 {
		return fmt.Errorf("creating the end-of-session window: %w", err)
	}
	var m winMsg
	for {
		r, _, _ := procGetMessageW.Call(uintptr(unsafe.Pointer(&m)), 0, 0, 0)
		if int32(r) <= 0 {
			return nil
		}
		procDispatchMessageW.Call(uintptr(unsafe.Pointer(&m)))
	}
}
