package collect

import (
	"os/exec"
	"syscall"
)

// Reveal opens Explorer on the package's folder with the package selected,
// as the vendor's collector did. The command line is written by hand:
// explorer parses "/select," itself and needs the path quoted after the
// comma, which Go's argument quoting cannot express. Explorer exits with
// status 1 even when it worked, so only a failure to start counts.
func Reveal(path string) error {
	cmd := exec.Command("explorer.exe")
	cmd.SysProcAttr = &syscall.SysProcAttr{CmdLine: `explorer.exe /select,"` + path + `"`}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }() // reaps the viewer; its exit status tells nothing
	return nil
}
