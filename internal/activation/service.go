package activation

import (
	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// ServiceState is what the service manager says about a service.
type ServiceState struct {
	Name       string
	NotWindows bool
	Installed  bool
	Running    bool
	// Starting: START_PENDING, not yet running (it may hang there).
	Starting bool
	Disabled bool
	// OnDemand: the service starts when a program needs it (sppsvc does).
	OnDemand bool
	Err      error
}

// ServiceName is the profile's activation service: the vendor client's
// CmitClientSVC (seen in public analysis of the CMGE client) or Windows'
// own Software Protection service.
func ServiceName(profile string) string {
	if profile == "windows" {
		return "sppsvc"
	}
	return "CmitClientSVC"
}

var (
	msgServiceSkip      = i18n.T("不是 Windows，跳过此项。", "Skipped: not Windows.")
	msgServiceRunning   = i18n.T("服务 %s 已安装并在运行。", "The service %s is installed and running.")
	msgServiceOnDemand  = i18n.T("服务 %s 已安装，现在没有运行，需要时会自动启动。", "The service %s is installed; it is not running now and starts when needed.")
	msgServiceMissing   = i18n.T("服务 %s 没有安装。没有它，无法激活。", "The service %s is not installed. Activation cannot work without it.")
	msgServiceDisabled  = i18n.T("服务 %s 被禁用了。", "The service %s is disabled.")
	msgServiceStarting  = i18n.T("服务 %s 正在启动，还没有运行起来。", "The service %s is starting and not yet running.")
	hintServiceStarting = i18n.T("等一分钟再检查一次。一直停在“正在启动”时，重启电脑；仍然如此时重新安装激活客户端。", "Wait a minute and check again. If it stays at Starting, restart the PC; if it still does, reinstall the activation client.")
	msgServiceStopped   = i18n.T("服务 %s 已安装，但没有运行。", "The service %s is installed but not running.")
	msgServiceUnread    = i18n.T("读不到服务 %s 的状态：%s。", "The state of the service %s could not be read: %s.")
	hintSPPMissing      = i18n.T("sppsvc 是 Windows 自带的软件保护服务。以管理员身份运行 sfc /scannow 修复系统文件；仍然没有时联系技术人员。", "sppsvc is Windows' own Software Protection service. Run sfc /scannow as administrator to repair system files; if it is still missing, call a technician.")
	hintServiceMissing  = i18n.T("请重新安装激活客户端（使用客服提供的最新版本），安装时右键选择“以管理员身份运行”。", "Reinstall the activation client (the latest version from support), running the installer as administrator.")
	hintServiceDisabled = i18n.T("按 Win+R，输入 services.msc 回车，找到 %s，双击，把“启动类型”改为“自动”（sppsvc 为“自动(延迟启动)”），点“启动”，然后重试。", "Press Win+R, type services.msc, find %s, double-click it, set Startup type to Automatic (sppsvc: Automatic (Delayed Start)), press Start, then try again.")
	hintServiceStopped  = i18n.T("按 Win+R，输入 services.msc 回车，找到 %s，右键选择“启动”。启动不了时，重新安装激活客户端。", "Press Win+R, type services.msc, find %s, right-click it and choose Start. If it will not start, reinstall the activation client.")
	hintServiceUnread   = i18n.T("以管理员身份重新运行 actwiz。", "Run actwiz again as administrator.")
)

// JudgeService is activation.service.
func JudgeService(st ServiceState) checks.Result {
	r := checks.Result{ID: ServiceID}
	name := machinetext.Escape(st.Name)
	switch {
	case st.NotWindows:
		r.Status, r.Detail = checks.Skip, msgServiceSkip
		return r
	case st.Err != nil:
		r.Status, r.Detail, r.Hint = checks.Unknown, msgServiceUnread.F(name, machinetext.Escape(st.Err.Error())), hintServiceUnread
		return r
	case !st.Installed:
		r.Status, r.Observed, r.Detail, r.Hint = checks.Fail, name+": not installed", msgServiceMissing.F(name), hintServiceMissing
		if st.Name == "sppsvc" {
			r.Hint = hintSPPMissing
		}
	case st.Disabled:
		r.Status, r.Observed, r.Detail, r.Hint = checks.Fail, name+": disabled", msgServiceDisabled.F(name), hintServiceDisabled.F(name)
	case st.Starting:
		r.Status, r.Observed, r.Detail, r.Hint = checks.Warn, name+": start pending", msgServiceStarting.F(name), hintServiceStarting
	case st.Running:
		r.Status, r.Observed, r.Detail = checks.Pass, name+": running", msgServiceRunning.F(name)
	case st.OnDemand:
		r.Status, r.Observed, r.Detail = checks.Pass, name+": stopped, starts on demand", msgServiceOnDemand.F(name)
	default:
		r.Status, r.Observed, r.Detail, r.Hint = checks.Warn, name+": stopped", msgServiceStopped.F(name), hintServiceStopped.F(name)
	}
	return r
}

// Service states as the service manager numbers them (SERVICE_RUNNING…).
const (
	serviceStartPending = 2
	serviceRunning      = 4
)

// runState reads a service manager state: only SERVICE_RUNNING is running;
// START_PENDING is a service still starting, which may never finish.
func runState(state uint32) (running, starting bool) {
	return state == serviceRunning, state == serviceStartPending
}
