package activation

import (
	"strings"

	"actwiz/checks"
	"actwiz/internal/i18n"
)

var (
	msgGateOK      = i18n.T("所有硬件检查都通过了，激活客户端会发送激活请求。", "Every hardware check passed: the activation client will send the request.")
	msgGateFail    = i18n.T("这些硬件检查不通过：%s。激活客户端发现硬件信息不符合要求时，根本不会把激活请求发给服务器，然后只显示“服务器错误”——问题在这台电脑上，不在服务器。", "These hardware checks fail: %s. When the hardware information breaks the rules, the activation client never sends the request to the server, and then only says \"server error\": the problem is on this PC, not the server.")
	msgGateForced  = i18n.T("这些硬件检查不通过：%s。按要求（--force）仍然尝试激活；激活客户端很可能不会发送请求，只显示“服务器错误”。", "These hardware checks fail: %s. Activation is tried anyway, as asked (--force); the activation client will likely not send the request and only say \"server error\".")
	msgGateUnknown = i18n.T("这些硬件信息读不到：%s。无法确定激活客户端会不会发送激活请求。", "These hardware values could not be read: %s. Whether the activation client will send the request cannot be told.")
	msgGateNone    = i18n.T("还没有做硬件检查。", "The hardware has not been checked.")
	hintGateFail   = i18n.T(
		"先按硬件检查中每一项“怎么办”处理，直到全部通过，再激活。这时重试激活只会再得到“服务器错误”。",
		"First follow \"what to do\" for each failing hardware item until all pass, then activate. Retrying now only gives \"server error\" again.")
	hintGateUnknown = i18n.T(
		"以管理员身份重新运行 actwiz，让这些信息能读到；仍然读不到时，可以尝试激活，失败后把日志发给客服。",
		"Run actwiz again as administrator so these values can be read; if they still cannot, you can try to activate and send the logs to support if it fails.")
)

// Gate is activation.gate: whether the hardware lets the activation
// client send its request. force is --force (or the user's explicit
// choice in the wizard).
func Gate(hardware []checks.Result, force bool) checks.Result {
	r := checks.Result{ID: GateID}
	if len(hardware) == 0 {
		r.Status, r.Detail, r.Hint = checks.Unknown, msgGateNone, hintGateUnknown
		return r
	}
	var failed, unknown []string
	for _, h := range hardware {
		switch h.Status {
		case checks.Fail:
			failed = append(failed, h.ID)
		case checks.Unknown:
			unknown = append(unknown, h.ID)
		}
	}
	switch {
	case len(failed) > 0 && force:
		r.Status, r.Observed = checks.Warn, "forced; failed: "+strings.Join(failed, ", ")
		r.Detail, r.Hint = msgGateForced.F(strings.Join(failed, ", ")), hintGateFail
	case len(failed) > 0:
		r.Status, r.Observed = checks.Fail, "failed: "+strings.Join(failed, ", ")
		r.Detail, r.Hint = msgGateFail.F(strings.Join(failed, ", ")), hintGateFail
	case len(unknown) > 0:
		r.Status, r.Observed = checks.Warn, "unknown: "+strings.Join(unknown, ", ")
		r.Detail, r.Hint = msgGateUnknown.F(strings.Join(unknown, ", ")), hintGateUnknown
	default:
		r.Status, r.Detail = checks.Pass, msgGateOK
	}
	return r
}

// GateRefuses reports whether the gate stops the attempt.
func GateRefuses(gate checks.Result) bool { return gate.Status == checks.Fail }
