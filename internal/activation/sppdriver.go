package activation

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"actwiz/checks"
	"actwiz/internal/activation/spp"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/serial"
)

// SPP activates Windows itself through Software Protection, as slmgr
// /ipk and /ato do.
type SPP struct {
	Client spp.Client
}

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
)

// Attempt installs key when it is a whole key different from the one
// installed, activates, refreshes, and reports the license status.
func (d SPP) Attempt(ctx context.Context, key string) checks.Result {
	r := checks.Result{ID: AttemptID}
	p, err := d.Client.Product(ctx)
	switch {
	case errors.Is(err, spp.ErrNotWindows):
		r.Status, r.Detail = checks.Skip, msgSPPNotWindows
		return r
	case errors.Is(err, spp.ErrNoProduct) && key != "":
	case err != nil:
		return failure(r, opRead, err)
	}
	whole := serial.Windows.CheckFormat(key).OK
	if whole && !strings.EqualFold(p.PartialProductKey, lastGroup(key)) {
		if err := d.Client.InstallProductKey(ctx, serial.Windows.Display(serial.Normalise(key))); err != nil {
			return failure(r, opInstall, err)
		}
		d.Client.RefreshLicenseStatus(ctx)
		if p, err = d.Client.Product(ctx); err != nil {
			return failure(r, opRead, err)
		}
	}
	if p.ID == "" {
		r.Status, r.Detail, r.Hint = checks.Fail, msgSPPNoProduct, hintSPPNoProduct
		return r
	}
	actErr := d.Client.Activate(ctx, p.ID)
	d.Client.RefreshLicenseStatus(ctx)
	after, readErr := d.Client.Product(ctx)
	if actErr != nil {
		r = failure(r, opActivate, actErr)
		if readErr == nil {
			r.Detail = i18n.Join([]i18n.Text{r.Detail, state(after)}, "", " ")
			r.Observed += "; " + observedState(after)
		}
		return r
	}
	if readErr != nil {
		return failure(r, opRead, readErr)
	}
	r.Observed = observedState(after)
	if after.LicenseStatus != nil && *after.LicenseStatus == 1 {
		r.Status, r.Detail = checks.Pass, i18n.Join([]i18n.Text{msgSPPActivated, state(after)}, "", " ")
		return r
	}
	r.Status, r.Detail, r.Hint = checks.Fail, state(after), hintSPPState
	if after.LicenseStatusReason != nil && *after.LicenseStatusReason != 0 {
		m := Explain(*after.LicenseStatusReason)
		r.Detail = i18n.Join([]i18n.Text{r.Detail, msgSPPReason.F(CodeString(*after.LicenseStatusReason), m.What)}, "", " ")
		r.Hint = m.Do
	}
	return r
}

func failure(r checks.Result, op i18n.Text, err error) checks.Result {
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
