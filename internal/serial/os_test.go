package serial

import "runtime"

var isWindows = runtime.GOOS == "windows"
