package files

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// Reason is why a file operation failed, without the path it failed on.
// The common causes also say themselves in Chinese, so a message
// formatted with i18n's F is Chinese all the way.
func Reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return localized(pe.Err)
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return localized(le.Err)
	}
	return localized(err)
}

// reasonZH is the Chinese for the causes a user meets, by errno.
var reasonZH = []struct {
	err error
	zh  string
}{
	{fs.ErrNotExist, "不存在"},
	{fs.ErrPermission, "没有权限"},
	{fs.ErrExist, "已经存在"},
	{syscall.ENOTDIR, "路径中有一部分不是文件夹"},
	{syscall.EISDIR, "这是一个文件夹"},
	{syscall.ENOSPC, "磁盘空间不足"},
	{syscall.EROFS, "所在的磁盘是只读的"},
	{syscall.EIO, "读写硬件出错"},
}

// Localized is an error with its Chinese.
type Localized struct {
	Err error
	ZH  string
}

func (e Localized) Error() string { return e.Err.Error() }
func (e Localized) Unwrap() error { return e.Err }

// Chinese is the error in Chinese; i18n's F uses it in Chinese messages.
func (e Localized) Chinese() string { return e.ZH }

func localized(err error) error {
	if err == nil {
		return nil
	}
	for _, r := range reasonZH {
		if errors.Is(err, r.err) {
			return Localized{err, r.zh}
		}
	}
	return err
}
