package cli

import (
	"errors"

	"github.com/spf13/pflag"

	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// flagError is a flag the parser refused, told in the user's language.
type flagError struct {
	err     error
	command string
}

func (e flagError) Error() string { return e.err.Error() }

var (
	msgFlagUnknown   = i18n.T("没有 %s 这个参数。", "There is no option %s.")
	msgFlagNeedValue = i18n.T("%s 后面需要一个值。", "%s needs a value.")
	msgFlagBadValue  = i18n.T("%s 的值 %q 无效。", "%[2]q is not a valid value for %[1]s.")
	msgFlagBadBool   = i18n.T("%s 的值 %q 无效：只能是 true 或 false，也可以只写 %[1]s。", "%[2]q is not a valid value for %[1]s: use true or false, or %[1]s alone.")
	msgFlagSyntax    = i18n.T("参数 %q 的写法有误。", "%q is not how an option is written.")
	msgFlagOther     = i18n.T("参数有误：%s。", "Bad option: %s.")
	msgFlagSeeHelp   = i18n.T("运行 actwiz help %s 查看可用的参数。", " Run 'actwiz help %s' to see the options.")
)

// text names the flag and what went wrong, then where the options are
// listed. pflag's own messages are English; its typed errors carry what is
// needed to say the same in Chinese.
func (e flagError) text(lang i18n.Lang) string {
	var (
		notExist *pflag.NotExistError
		required *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
		msg      i18n.Text
	)
	switch {
	case errors.As(e.err, &notExist):
		name := "--" + notExist.GetSpecifiedName()
		if notExist.GetSpecifiedShortnames() != "" {
			name = "-" + notExist.GetSpecifiedName()
		}
		msg = msgFlagUnknown.F(name)
	case errors.As(e.err, &required):
		msg = msgFlagNeedValue.F(spelled(required.GetFlag(), required.GetSpecifiedShortnames()))
	case errors.As(e.err, &invalid):
		msg = msgFlagBadValue.F("--"+invalid.GetFlag().Name, invalid.GetValue())
		if invalid.GetFlag().Value.Type() == "bool" {
			msg = msgFlagBadBool.F("--"+invalid.GetFlag().Name, invalid.GetValue())
		}
	case errors.As(e.err, &syntax):
		msg = msgFlagSyntax.F(syntax.GetSpecifiedFlag())
	default:
		msg = msgFlagOther.F(e.err.Error())
	}
	return machinetext.EscapeLines(msg.In(lang) + msgFlagSeeHelp.F(e.command).In(lang))
}

func spelled(f *pflag.Flag, shorts string) string {
	if shorts != "" && f.Shorthand != "" {
		return "-" + f.Shorthand
	}
	return "--" + f.Name
}
