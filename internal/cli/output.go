package cli

import (
	"errors"
	"io"
	"path/filepath"

	"actwiz/internal/files"
	"actwiz/internal/i18n"
	"actwiz/steps"
)

var (
	msgOutputFolder     = i18n.T("%s 是一个文件夹，不是文件名；请给出文件名，例如在其中写入 %s。", "%s is a folder, not a file name; give a file name, for example %s in it.")
	msgOutputNotRegular = i18n.T("%s 不是普通文件（是管道、套接字或块设备），actwiz 不会写入或替换它；请给出一个文件名。", "%s is not a regular file (it is a pipe, socket or block device); actwiz neither writes to it nor replaces it. Give a file name.")
	msgOutputIsInput    = i18n.T("%s 是这个命令要读取的输入，不能同时用来保存结果；请换一个文件名。", "%s is an input of this command, so it cannot also take the output; choose another file name.")
	msgOutputIsInputVia = i18n.T("%s 是这个命令要读取的输入（经由 %s），不能同时用来保存结果；请换一个文件名。", "%s is an input of this command (read through %s), so it cannot also take the output; choose another file name.")
)

// output is a resolved -o FILE: the decision is files.ResolveOutput's, the
// sentences are these.
type output struct{ *files.Output }

// resolveOutput checks -o before the command reads anything, so a refusal
// (exit 2) costs nothing. example is a file name to suggest when path is
// a folder. The config file is always among the inputs.
func resolveOutput(app *App, path, example string, inputs ...files.Input) (output, error) {
	inputs = append(inputs, files.Input{Path: app.ConfigFile})
	out, err := files.ResolveOutput(path, inputs...)
	if err != nil {
		return output{}, outputError(path, example, err)
	}
	return output{out}, nil
}

// write writes the output; an error names the file once.
func (o output) write(fill func(io.Writer) error) error {
	if err := o.Write(0o644, fill); err != nil {
		return outputError(o.Name, "", err)
	}
	return nil
}

func outputError(path, example string, err error) error {
	shown := steps.EscapePath(path)
	var oe *files.OutputError
	if errors.As(err, &oe) {
		switch oe.Problem {
		case files.OutputIsFolder:
			return inputError{msgOutputFolder.F(shown, steps.EscapePath(example))}
		case files.OutputIsInput:
			if filepath.Clean(oe.Input) == filepath.Clean(path) {
				return inputError{msgOutputIsInput.F(shown)}
			}
			return inputError{msgOutputIsInputVia.F(shown, steps.EscapePath(oe.Input))}
		}
		return inputError{msgOutputNotRegular.F(shown)}
	}
	return inputError{msgWriteFailed.F(shown, files.Reason(err))}
}
