package collect

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"

	"actwiz/internal/i18n"
)

// WriteError is a package that could not be written. Reason says why in
// words a user can act on; the partial file has been removed.
type WriteError struct {
	Path   string
	Reason i18n.Text
	Err    error
}

func (e *WriteError) Error() string { return msgWriteFailed.F(e.Path, e.Reason).EN }
func (e *WriteError) Unwrap() error { return e.Err }

// Text is the message in both languages.
func (e *WriteError) Text() i18n.Text { return msgWriteFailed.F(e.Path, e.Reason) }

var (
	msgWriteFailed   = i18n.T("无法写入日志包 %s：%s。未留下不完整的文件。", "Could not write the log package %s: %s. No partial file was left behind.")
	reasonDiskFull   = i18n.T("磁盘已满，请腾出空间或用 --output 换一个文件夹", "the disk is full; free some space or choose another folder with --output")
	reasonPermission = i18n.T("没有写入该文件夹的权限，请用 --output 换一个文件夹", "no permission to write in that folder; choose another with --output")
	reasonReadOnly   = i18n.T("该位置只读，请用 --output 换一个文件夹", "the location is read-only; choose another folder with --output")
	reasonNoFolder   = i18n.T("文件夹不存在", "the folder does not exist")
	reasonNotFolder  = i18n.T("--output 给出的是文件，不是文件夹；请给出一个文件夹", "--output names a file, not a folder; give a folder")
	reasonCancelled  = i18n.T("已被中断", "it was interrupted")
	reasonOther      = i18n.T("%v", "%v")
	reasonSideFile   = i18n.T("它旁边的文件 %s 无法写入，而缺了它的日志包不完整，已一并删除：%s", "the file beside it, %s, could not be written, and a package without it is incomplete, so it was removed too: %s")
)

func classify(err error) i18n.Text {
	var side *SideFileError
	if errors.As(err, &side) {
		return reasonSideFile.F(filepath.Base(side.Path), classify(side.Err))
	}
	switch {
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return reasonCancelled
	case isDiskFull(err):
		return reasonDiskFull
	case errors.Is(err, syscall.EROFS):
		return reasonReadOnly
	case errors.Is(err, os.ErrPermission):
		return reasonPermission
	case errors.Is(err, syscall.ENOTDIR):
		return reasonNotFolder
	case errors.Is(err, os.ErrNotExist):
		return reasonNoFolder
	}
	return reasonOther.F(reason(err))
}

// reason is an error without the path an *os.PathError repeats.
func reason(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}
