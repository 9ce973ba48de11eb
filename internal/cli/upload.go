package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"actwiz/internal/files"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/upload"
	"actwiz/internal/machinetext"
	"actwiz/steps"
)

type uploadCmd struct{}

func (*uploadCmd) Name() string { return "upload" }
func (*uploadCmd) Summary() i18n.Text {
	return i18n.T("把日志包上传到 upload.url（本地文件保留）", "Upload a log package to upload.url (the local file is kept)")
}
func (*uploadCmd) Usage() string        { return "upload FILE" }
func (*uploadCmd) Flags(*pflag.FlagSet) {}

// PasswordEnv holds the upload password; it is never a flag or a setting.
const PasswordEnv = steps.UploadPasswordEnv

var (
	msgUploadOneFile  = i18n.T("请给出一个要上传的文件：actwiz upload FILE", "Give one file to upload: actwiz upload FILE")
	msgUploadNoFile   = i18n.T("无法读取要上传的文件 %s：%v。", "Cannot read the file to upload %s: %v.")
	msgUploadNotFile  = i18n.T("要上传的文件 %s %s", "The file to upload %s %s")
	msgUploadNoURL    = i18n.T("没有配置上传地址；请在配置文件中设置 upload.url。", "No upload address is configured; set upload.url in the config file.")
	msgPasswordPrompt = i18n.T("上传账号 %s 的密码：", "Password for upload account %s: ")
	msgNeedPassword   = i18n.T("需要上传密码：请设置环境变量 %s，或在终端中运行以便输入。", "The upload needs a password: set %s, or run in a terminal to type it.")
	msgUploading      = i18n.T("正在上传 %s 到 %s …", "Uploading %s to %s…")
	msgUploadProgress = i18n.T("已上传 %d%%", "%d%% sent")
	msgUploaded       = i18n.T("上传完成：%s（服务器返回 %d）。本地文件已保留。", "Uploaded: %s (server answered %d). The local file is kept.")
	msgUploadKept     = i18n.T("本地文件已保留：%s", "The local file is kept: %s")
)

func (c *uploadCmd) Run(ctx context.Context, app *App, args []string) (int, error) {
	if len(args) != 1 {
		return 0, usagef(msgUploadOneFile)
	}
	path := args[0]
	// Checked before asking for a password: a folder, a FIFO (which
	// would block the upload forever) or a device is refused at once.
	f, _, err := files.OpenInput(ctx, path)
	var nr *files.NotRegularError
	switch {
	case errors.Is(err, context.Canceled):
		return 0, err
	case errors.As(err, &nr):
		return 0, inputError{msgUploadNotFile.F(steps.EscapePath(path), i18n.T(nr.Problem()))}
	case err != nil:
		return 0, inputError{msgUploadNoFile.F(steps.EscapePath(path), files.Reason(err))}
	}
	f.Close()
	cfg := app.Config.Upload
	if cfg.URL == "" {
		return 0, inputError{msgUploadNoURL}
	}
	password := app.Getenv(PasswordEnv)
	if password == "" && cfg.User != "" {
		p, err := promptPassword(app, cfg.User)
		if err != nil {
			return 0, err
		}
		password = p
	}
	fmtLine(app.Stderr, msgUploading.F(steps.EscapePath(path), machinetext.Escape(cfg.URL)).In(app.Lang))
	lastTenth := -1
	res, err := upload.Upload(ctx, path, upload.Options{
		URL: cfg.URL, Method: cfg.Method, User: cfg.User, Password: password, Timeout: cfg.Timeout,
		Progress: func(sent, total int64) {
			if total == 0 {
				return
			}
			if tenth := int(sent * 10 / total); tenth != lastTenth {
				lastTenth = tenth
				fmtLine(app.Stderr, msgUploadProgress.F(tenth*10).In(app.Lang))
			}
		},
	})
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmtLine(app.Stderr, msgUploadKept.F(steps.EscapePath(path)).In(app.Lang))
			return 0, err
		}
		var ue *upload.Error
		if errors.As(err, &ue) {
			fmtLine(app.Stderr, ue.Text.In(app.Lang))
			fmtLine(app.Stderr, msgUploadKept.F(steps.EscapePath(path)).In(app.Lang))
			return ExitFail, nil
		}
		return 0, err
	}
	fmtLine(app.Stdout, msgUploaded.F(machinetext.Escape(res.URL), res.Status).In(app.Lang))
	return ExitOK, nil
}

// promptPassword reads the password without echoing it, from the terminal
// only: a password piped in would end up in shell history or scripts.
func promptPassword(app *App, user string) (string, error) {
	in, ok := app.Stdin.(*os.File)
	if !ok || !term.IsTerminal(int(in.Fd())) {
		return "", inputError{msgNeedPassword.F(PasswordEnv)}
	}
	fmt.Fprint(app.Stderr, msgPasswordPrompt.F(machinetext.Escape(user)).In(app.Lang))
	b, err := term.ReadPassword(int(in.Fd()))
	fmt.Fprintln(app.Stderr)
	if err != nil {
		return "", inputError{msgNeedPassword.F(PasswordEnv)}
	}
	return string(b), nil
}
