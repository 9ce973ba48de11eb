package activation

import (
	"fmt"
	"time"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// DefaultClockTolerance is how far the local clock may be off.
const DefaultClockTolerance = 5 * time.Minute

var (
	msgClockSkip = i18n.T("没有 https 激活服务器给出时间，无法对比，跳过此项。", "Skipped: no https activation server answered with its time.")
	msgClockOK   = i18n.T("本机时间与 %[2]s 相差 %[1]s，在允许的 %[3]s 以内。", "The local clock is %s off %s, within the allowed %s.")
	msgClockOff  = i18n.T("本机时间与 %s 相差 %s（本机%s），超过了允许的 %s。时间不对时，证书校验和激活请求都会被拒绝（错误 0xC004F06C）。", "The local clock is %[2]s off %[1]s (local clock %[3]s), more than the allowed %[4]s. With a wrong clock, certificates and activation requests are refused (error 0xC004F06C).")
	msgAhead     = i18n.T("快了", "ahead")
	msgBehind    = i18n.T("慢了", "behind")
	hintClock    = i18n.T(
		"1. 右键任务栏右下角的时间，选择“调整日期/时间”，打开“自动设置时间”和“自动设置时区”，时区选“(UTC+08:00) 北京，重庆，香港特别行政区，乌鲁木齐”，然后点“立即同步”。\n2. 内网电脑无法同步时，请管理员提供时间服务器，或手动把时间改对。\n3. 如果每次开机时间都不对，可能是主板纽扣电池没电了。",
		"1. Right-click the clock on the taskbar, choose Adjust date/time, turn on Set time automatically and Set time zone automatically, then press Sync now.\n2. On an internal network without time sync, ask the administrator for a time server, or set the time by hand.\n3. If the time is wrong after every restart, the board's coin battery may be flat.")
)

// JudgeClock is activation.clock: the local clock against the Date of the
// first https endpoint that answered.
func JudgeClock(outcomes []Outcome, tolerance time.Duration) checks.Result {
	r := checks.Result{ID: ClockID}
	for _, o := range outcomes {
		if o.Date.IsZero() {
			continue
		}
		// Date has one-second resolution: an offset under a second is none.
		offset := o.LocalAt.Sub(o.Date).Truncate(time.Second)
		abs := offset
		if abs < 0 {
			abs = -abs
		}
		server := machinetext.Escape(o.Endpoint.Host)
		r.Observed = fmt.Sprintf("local %s, %s %s", o.LocalAt.UTC().Format(time.RFC3339), server, o.Date.UTC().Format(time.RFC3339))
		if abs <= tolerance {
			r.Status, r.Detail = checks.Pass, msgClockOK.F(abs.String(), server, tolerance.String())
			return r
		}
		dir := msgAhead
		if offset < 0 {
			dir = msgBehind
		}
		r.Status, r.Detail, r.Hint = checks.Fail, msgClockOff.F(server, abs.String(), dir, tolerance.String()), hintClock
		return r
	}
	r.Status, r.Detail = checks.Skip, msgClockSkip
	return r
}
