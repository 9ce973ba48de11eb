package collect

import "golang.org/x/sys/windows"

// DesktopDir is the current user's Desktop as Windows knows it: the known
// folder, which follows a redirection to OneDrive or a network share.
func DesktopDir() (string, error) {
	return windows.KnownFolderPath(windows.FOLDERID_Desktop, windows.KF_FLAG_DEFAULT)
}
