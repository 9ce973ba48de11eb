package serial

import (
	"strings"

	"actwiz/checks"
	"actwiz/internal/i18n"
)

// Check ids (fixed: the support code's catalogue lists them).
const (
	FormatID = "serial.format"
	MatchID  = "serial.match"
)

// Definitions describe the two serial checks for reports and views.
var Definitions = []checks.Definition{
	{
		ID:    FormatID,
		Title: i18n.T("序列号格式", "Serial format"),
		Rule:  i18n.T("输入的序列号（去掉空格、横线，全角转半角后）符合格式", "The serial entered matches the format once spaces and dashes are removed and full-width characters converted"),
	},
	{
		ID:    MatchID,
		Title: i18n.T("与上次激活的序列号对比", "Same serial as last activation"),
		Rule:  i18n.T("输入的序列号与这台电脑上次激活使用的序列号相同", "The serial entered is the one this PC was activated with last time"),
	},
}

func init() { checks.Register(Definitions...) }

var (
	msgFormatOK     = i18n.T("序列号格式正确（%s）。", "The serial has the right format (%s).")
	msgFormatEmpty  = i18n.T("没有输入序列号。", "No serial was entered.")
	msgFormatLength = i18n.T("整理后的序列号 %s 有 %d 位，应该是 %s。", "Cleaned up, the serial reads %s: %d characters, where it must be %s.")
	msgFormatChars  = i18n.T("整理后的序列号是 %s（%s）：%s。", "Cleaned up, the serial reads %s (%s): %s.")
	hintFormat      = i18n.T(
		"1. 对照购买凭证或序列号标签，重新输入序列号。空格、横线和全角字符不影响，本工具会自动去掉、转换。\n2. 注意容易看错的字符：数字 0 和字母 O，数字 1 和字母 I、L，数字 8 和字母 B。\n3. 格式应为：%s，例如 %s。",
		"1. Type the serial again from the purchase record or label. Spaces, dashes and full-width characters do not matter: actwiz removes and converts them.\n2. Watch for look-alikes: the digit 0 and the letter O, 1 and I or L, 8 and B.\n3. The format is %s, for example %s.")
	// msgNotGiven is both checks' skip when the user went on without a
	// serial, which is allowed: the hardware verdict, the logs and the
	// support code do not need one.
	msgNotGiven = i18n.T("没有提供序列号，跳过此项。", "Skipped: no serial given.")
)

// JudgeFormat is the serial.format check for what the user entered.
// entered is false when the user gave no serial at all (skip).
func (p Profile) JudgeFormat(input string, entered bool) checks.Result {
	r := checks.Result{ID: FormatID}
	if !entered {
		r.Status, r.Detail = checks.Skip, msgNotGiven
		return r
	}
	f := p.CheckFormat(input)
	masked := p.Mask(f.Normalised)
	r.Observed = masked
	switch {
	case f.Length == 0:
		r.Status, r.Detail = checks.Fail, msgFormatEmpty
	case f.OK:
		r.Status, r.Detail = checks.Pass, msgFormatOK.F(masked)
		return r
	case len(f.Bad) > 0:
		var bad []i18n.Text
		for _, b := range f.Bad {
			bad = append(bad, b.Describe())
		}
		length := msgLength.F(f.Length)
		if f.Length != p.Length {
			length = msgLengthWrong.F(f.Length, p.Shape)
		}
		r.Status, r.Detail = checks.Fail, msgFormatChars.F(masked, length, i18n.Join(bad, "；", "; "))
	default:
		r.Status, r.Detail = checks.Fail, msgFormatLength.F(masked, f.Length, p.Shape)
	}
	r.Hint = hintFormat.F(p.Shape, p.Example)
	return r
}

var (
	msgLength      = i18n.T("%d 位", "%d characters")
	msgLengthWrong = i18n.T("%d 位，应该是 %s", "%d characters, where it must be %s")
)

var (
	msgMatchSame = i18n.T("输入的序列号 %s 就是这台电脑上次激活用的序列号（读自 %s）。", "The serial entered, %s, is the one this PC was last activated with (read from %s).")
	msgMatchDiff = i18n.T(
		"这台电脑上次激活用的序列号是 %s（读自 %s），现在输入的是 %s，两者不同。激活客户端会问「上次激活使用的序列号…跟当前输入的序列号不一致，是否继续使用当前输入的序列号进行激活」：选“是”，就改用新输入的序列号向服务器重新激活，这台电脑从此记在新序列号名下，通常还会占用新序列号的一次激活次数；如果服务器上没有这个新序列号的记录，或它不是发给这台电脑的，激活就会失败。选“否”，则保留原来的激活。",
		"This PC was last activated with %s (read from %s); the serial entered now is %s, a different one. The activation client will ask \"the serial used for the last activation … differs from the one entered now; activate with the one entered now?\". Yes means the PC is activated again under the new serial, and from then on counts against it, usually using up one of its activations; if the server has no record of the new serial, or it was not issued for this PC, the activation fails. No keeps the earlier activation.")
	hintMatchDiff = i18n.T(
		"在选“是”之前：\n1. 确认新序列号是发给这台电脑的（看购买凭证，或问经销商）。\n2. 如果这台电脑以前激活过、只是重装了系统，一般应继续使用原来的序列号。\n3. 确认要换序列号后，再在激活客户端中选“是”。",
		"Before answering yes:\n1. Make sure the new serial was issued for this PC (purchase record, or ask the reseller).\n2. If this PC was activated before and only reinstalled, it should normally keep its earlier serial.\n3. Once you are sure the serial should change, answer yes in the activation client.")
	msgMatchUnknown  = i18n.T("读不到这台电脑上次激活用的序列号：%s。", "The serial this PC was last activated with could not be read: %s.")
	hintMatchUnknown = i18n.T(
		"如果激活客户端问「上次激活使用的序列号…跟当前输入的序列号不一致」，说明这台电脑以前用另一个序列号激活过：请先核对客户端显示的序列号末几位和你手上的序列号，确认要更换后再选“是”。管理员可以在配置 serial.last_sources 中指定客户端保存序列号的位置。",
		"If the activation client asks whether to go on with a serial different from the last one, this PC was activated before with another serial: compare the last characters it shows with yours, and answer yes only if the serial should change. An administrator can tell actwiz where the client keeps its serial with the setting serial.last_sources.")
	msgMatchSkipped = i18n.T("没有可对比的有效序列号，跳过此项。", "Skipped: there is no valid serial to compare.")
)

// JudgeMatch is the serial.match check. current is what the user entered
// (any form; skip unless formatOK); last is the outcome of reading the
// last serial.
func (p Profile) JudgeMatch(current string, formatOK bool, last Last) checks.Result {
	r := checks.Result{ID: MatchID}
	if !formatOK {
		r.Status, r.Detail = checks.Skip, msgMatchSkipped
		return r
	}
	if !last.Found() {
		r.Status, r.Detail, r.Hint = checks.Unknown, msgMatchUnknown.F(last.Why()), hintMatchUnknown
		return r
	}
	cur, prev := Normalise(current), Normalise(last.Value)
	r.Observed = p.Mask(prev) + " -> " + p.Mask(cur) // ASCII: "→" is two cells wide on a Chinese console
	if p.same(cur, prev) {
		r.Status, r.Detail = checks.Pass, msgMatchSame.F(p.Mask(cur), last.From)
		return r
	}
	r.Status = checks.Warn
	r.Detail = msgMatchDiff.F(p.Mask(prev), last.From, p.Mask(cur))
	r.Hint = hintMatchDiff
	return r
}

// NotGiven is the two checks when the user went on without a serial.
func (p Profile) NotGiven() []checks.Result {
	return []checks.Result{p.JudgeFormat("", false), {ID: MatchID, Status: checks.Skip, Detail: msgNotGiven}}
}

// same compares two normalised serials. A product key known only by its
// last group (Windows keeps no more) matches on that group.
func (p Profile) same(cur, prev string) bool {
	if p.Groups != nil {
		last := p.Groups[len(p.Groups)-1]
		if len(prev) == last && len(cur) >= last {
			return strings.EqualFold(cur[len(cur)-last:], prev)
		}
	}
	return strings.EqualFold(cur, prev)
}
