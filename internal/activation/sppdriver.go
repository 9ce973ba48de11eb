package activation

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"actwiz/checks"
	"actwiz/internal/activation/spp"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/platform/elevation"
	"actwiz/internal/serial"
)

// SPP activates Windows itself through Software Protection, as slmgr
// /ipk and /ato do.
type SPP struct {
	Client spp.Client
	// CallTimeout bounds each licensing call (DefaultSPPTimeout when 0):
	// WMI has no timeouts, and a stuck Activate must not hold the step.
	CallTimeout time.Duration
	// Elevated reports administrator rights; nil asks the system.
	Elevated func() bool
}

// DefaultSPPTimeout bounds one licensing call. Activate against a slow
// KMS host or Microsoft's servers takes up to a minute.
const DefaultSPPTimeout = 2 * time.Minute

// errNoAnswer is a licensing call that outlived its deadline.
var errNoAnswer = errors.New("Software Protection did not answer")

var licenseWords = []i18n.Text{
	i18n.T("未授权（未激活）", "unlicensed (not activated)"),
	i18n.T("已授权（已激活）", "licensed (activated)"),
	i18n.T("初始宽限期", "out-of-box grace period"),
	i18n.T("超出容许范围的宽限期（硬件变化过大）", "out-of-tolerance grace period (hardware changed too much)"),
	i18n.T("非正版宽限期", "non-genuine grace period"),
	i18n.T("通知模式（需要激活）", "notification mode (activation needed)"),
	i18n.T("延长宽限期", "extended grace period"),
}

// LicenseWords is LicenseStatus in words.
func LicenseWords(status int) i18n.Text {
	if status >= 0 && status < len(licenseWords) {
		return licenseWords[status]
	}
	return i18n.T(fmt.Sprintf("未知状态 %d", status), fmt.Sprintf("unknown status %d", status))
}

var (
	msgSPPNotWindows = i18n.T("Windows 软件保护只在 Windows 上才有，跳过此项。", "Skipped: Windows Software Protection only exists on Windows.")
	msgSPPFailed     = i18n.T("%s失败，错误代码 %s：%s", "%s failed with error %s: %s")
	msgSPPError      = i18n.T("%s失败：%s。", "%s failed: %s.")
	msgSPPState      = i18n.T("许可证状态：%s%s。", "License status: %s%s.")
	msgSPPGrace      = i18n.T("，宽限期还剩 %s", ", grace period left: %s")
	msgSPPReason     = i18n.T("原因代码 %s：%s", "Reason code %s: %s")
	msgSPPActivated  = i18n.T("Windows 已激活。", "Windows is activated.")
	msgSPPNoProduct  = i18n.T("这台电脑的 Windows 没有安装产品密钥。", "No product key is installed for Windows on this PC.")
	hintSPPNoProduct = i18n.T("请用 25 位的产品密钥再试一次。", "Try again with a 25-character product key.")
	hintSPPState     = i18n.T("按 Win+R，输入 slui.exe 回车，查看 Windows 给出的说明；或者把上面的状态和代码告诉客服。", "Press Win+R and type slui.exe to see Windows' explanation, or tell support the status and code above.")
	opInstall        = i18n.T("安装产品密钥", "Installing the product key")
	opActivate       = i18n.T("激活", "Activation")
	opRead           = i18n.T("读取许可证状态", "Reading the license status")
	msgSPPNeedsAdmin = i18n.T("没有尝试激活：安装密钥和激活需要管理员权限，actwiz 现在没有（否则 Windows 只会回答 0xC004F025 拒绝访问）。", "Not attempted: installing a key and activating need administrator rights, which actwiz does not have now (Windows would only answer 0xC004F025, access denied).")
	msgSPPRefresh    = i18n.T("刷新许可证状态（RefreshLicenseStatus）失败：%s，上面的状态可能是旧的。", "Refreshing the license status (RefreshLicenseStatus) failed: %s; the status above may be out of date.")
	msgSPPNoAnswer   = i18n.T("%s：软件保护服务在 %d 秒内没有回应。", "%s: Software Protection did not answer in %d s.")
	hintSPPNoAnswer  = i18n.T("软件保护服务（sppsvc）可能卡住了。重启电脑后再试；仍然如此时，以管理员身份运行 slmgr /dlv 查看状态，并把结果告诉客服。", "Software Protection (sppsvc) may be stuck. Restart the PC and try again; if it happens again, run slmgr /dlv as administrator and tell support what it shows.")
	msgSPPCancelled  = i18n.T("激活被取消了。", "Activation was cancelled.")
)

// Attempt installs key when it is a whole key different from the one
// installed, activates, refreshes, and reports the license status. Every
// call has a deadline; nothing is changed without administrator rights.
func (d SPP) Attempt(ctx context.Context, key string) checks.Result {
	r := checks.Result{ID: AttemptID}
	var p spp.Product
	err := d.call(ctx, func(ctx context.Context) (err error) { p, err = d.Client.Product(ctx); return err })
	switch {
	case errors.Is(err, spp.ErrNotWindows):
		r.Status, r.Detail = checks.Skip, msgSPPNotWindows
		return r
	case errors.Is(err, spp.ErrNoProduct) && key != "":
	case err != nil:
		return d.failure(ctx, r, opRead, err)
	}
	whole := serial.Windows.CheckFormat(key).OK
	install := whole && !strings.EqualFold(p.PartialProductKey, lastGroup(key))
	if !install && p.ID == "" {
		r.Status, r.Detail, r.Hint = checks.Fail, msgSPPNoProduct, hintSPPNoProduct
		return r
	}
	// Both calls below change the machine, and a standard user only gets
	// 0xC004F025 for them: say so before trying.
	if !d.elevated() {
		r.Status, r.Observed = checks.Fail, ElevationObserved
		if p.ID != "" {
			r.Observed += "; " + observedState(p)
		}
		r.Detail = i18n.Join([]i18n.Text{msgSPPNeedsAdmin, state(p)}, "", " ")
		r.Hint = Codes[0xC004F025].Do
		return r
	}
	var notes []i18n.Text
	var observed []string
	refresh := func() {
		if err := d.call(ctx, d.Client.RefreshLicenseStatus); err != nil {
			notes = append(notes, msgSPPRefresh.F(errWords(err)))
			observed = append(observed, "RefreshLicenseStatus: "+errObserved(err))
		}
	}
	if install {
		if err := d.call(ctx, func(ctx context.Context) error {
			return d.Client.InstallProductKey(ctx, serial.Windows.Display(serial.Normalise(key)))
		}); err != nil {
			return d.failure(ctx, r, opInstall, err)
		}
		refresh()
		// The new key can make another product the installed one: its
		// ID is the one to activate.
		if err := d.call(ctx, func(ctx context.Context) (err error) { p, err = d.Client.Product(ctx); return err }); err != nil {
			return d.failure(ctx, r, opRead, err)
		}
	}
	if p.ID == "" {
		r.Status, r.Detail, r.Hint = checks.Fail, msgSPPNoProduct, hintSPPNoProduct
		return r
	}
	actErr := d.call(ctx, func(ctx context.Context) error { return d.Client.Activate(ctx, p.ID) })
	if errors.Is(actErr, errNoAnswer) || ctx.Err() != nil {
		return d.failure(ctx, r, opActivate, actErr)
	}
	refresh()
	var after spp.Product
	readErr := d.call(ctx, func(ctx context.Context) (err error) { after, err = d.Client.Product(ctx); return err })
	withNotes := func(r checks.Result) checks.Result {
		if len(notes) > 0 {
			r.Detail = i18n.Join(append([]i18n.Text{r.Detail}, notes...), "", " ")
			r.Observed += "; " + strings.Join(observed, "; ")
		}
		return r
	}
	if actErr != nil {
		r = d.failure(ctx, r, opActivate, actErr)
		if readErr == nil {
			r.Detail = i18n.Join([]i18n.Text{r.Detail, state(after)}, "", " ")
			r.Observed += "; " + observedState(after)
		}
		return withNotes(r)
	}
	if readErr != nil {
		return withNotes(d.failure(ctx, r, opRead, readErr))
	}
	r.Observed = observedState(after)
	if after.LicenseStatus != nil && *after.LicenseStatus == 1 {
		r.Status, r.Detail = checks.Pass, i18n.Join([]i18n.Text{msgSPPActivated, state(after)}, "", " ")
		return withNotes(r)
	}
	r.Status, r.Detail, r.Hint = checks.Fail, state(after), hintSPPState
	if after.LicenseStatusReason != nil && *after.LicenseStatusReason != 0 {
		m := Explain(*after.LicenseStatusReason)
		r.Detail = i18n.Join([]i18n.Text{r.Detail, msgSPPReason.F(CodeString(*after.LicenseStatusReason), m.What)}, "", " ")
		r.Hint = m.Do
	}
	return withNotes(r)
}

func (d SPP) timeout() time.Duration {
	if d.CallTimeout <= 0 {
		return DefaultSPPTimeout
	}
	return d.CallTimeout
}

func (d SPP) elevated() bool {
	if d.Elevated == nil {
		return elevation.Elevated()
	}
	return d.Elevated()
}

// call runs one licensing call under the deadline. The call runs on its
// own goroutine, so even one that ignores its context cannot hold the
// step: it is abandoned, and errNoAnswer says so.
func (d SPP) call(ctx context.Context, f func(context.Context) error) error {
	cctx, cancel := context.WithTimeout(ctx, d.timeout())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- f(cctx) }()
	select {
	case err := <-done:
		if err != nil && errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			return fmt.Errorf("%w in %s: %w", errNoAnswer, d.timeout(), err)
		}
		return err
	case <-cctx.Done():
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%w in %s", errNoAnswer, d.timeout())
	}
}

func (d SPP) failure(ctx context.Context, r checks.Result, op i18n.Text, err error) checks.Result {
	switch {
	case ctx.Err() != nil:
		r.Status, r.Observed, r.Detail = checks.Skip, "cancelled", msgSPPCancelled
		return r
	case errors.Is(err, errNoAnswer):
		secs := int(d.timeout().Round(time.Second) / time.Second)
		r.Status, r.Observed = checks.Unknown, fmt.Sprintf("no answer in %d s", secs)
		r.Detail, r.Hint = msgSPPNoAnswer.F(op, secs), hintSPPNoAnswer
		return r
	}
	r.Status = checks.Fail
	var se *spp.Error
	if errors.As(err, &se) {
		m := Explain(se.Code)
		r.Observed = se.Op + " " + CodeString(se.Code)
		r.Detail, r.Hint = msgSPPFailed.F(op, CodeString(se.Code), m.What), m.Do
		return r
	}
	r.Observed = machinetext.Escape(err.Error())
	r.Detail, r.Hint = msgSPPError.F(op, machinetext.Escape(err.Error())), hintSPPState
	return r
}

// errWords and errObserved name a licensing error by its code when it
// has one.
func errWords(err error) i18n.Text {
	var se *spp.Error
	if errors.As(err, &se) {
		return i18n.Join([]i18n.Text{plain(CodeString(se.Code)), Explain(se.Code).What}, " ", " ")
	}
	return plain(machinetext.Escape(err.Error()))
}

func errObserved(err error) string {
	var se *spp.Error
	if errors.As(err, &se) {
		return CodeString(se.Code)
	}
	return machinetext.Escape(err.Error())
}

func state(p spp.Product) i18n.Text {
	if p.LicenseStatus == nil {
		return i18n.Text{}
	}
	grace := i18n.Text{}
	if p.GracePeriodRemaining != nil && *p.GracePeriodRemaining > 0 {
		grace = msgSPPGrace.F(minutes(*p.GracePeriodRemaining))
	}
	return msgSPPState.F(LicenseWords(*p.LicenseStatus), grace)
}

func observedState(p spp.Product) string {
	var parts []string
	if p.LicenseStatus != nil {
		parts = append(parts, fmt.Sprintf("LicenseStatus=%d", *p.LicenseStatus))
	}
	if p.LicenseStatusReason != nil {
		parts = append(parts, "LicenseStatusReason="+CodeString(*p.LicenseStatusReason))
	}
	if p.GracePeriodRemaining != nil {
		parts = append(parts, fmt.Sprintf("GracePeriodRemaining=%d", *p.GracePeriodRemaining))
	}
	if p.PartialProductKey != "" {
		parts = append(parts, "key "+serial.Windows.Mask(p.PartialProductKey))
	}
	return machinetext.Escape(strings.Join(parts, ", "))
}

var (
	msgDaysHours = i18n.T("%d 天 %d 小时", "%d days %d hours")
	msgHours     = i18n.T("%d 小时 %d 分钟", "%d hours %d minutes")
)

func minutes(m int) i18n.Text {
	if m >= 24*60 {
		return msgDaysHours.F(m/(24*60), m%(24*60)/60)
	}
	return msgHours.F(m/60, m%60)
}

func lastGroup(key string) string {
	n := serial.Normalise(key)
	if len(n) < 5 {
		return n
	}
	return n[len(n)-5:]
}
