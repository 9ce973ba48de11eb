package collect

import "time"

// Builtin returns the built-in collectors for goos. They follow what
// support teams ask for (../shared/notes/windows.md): never Win32_Product,
// which is slow and triggers MSI self-repair; the slow exports last.
func Builtin(goos string) []Collector {
	switch goos {
	case "windows":
		return append([]Collector(nil), windowsSet...)
	case "linux":
		return append([]Collector(nil), linuxSet...)
	}
	return nil
}

const uninstallKey = `\Microsoft\Windows\CurrentVersion\Uninstall`

// Admin marks the collectors a standard user cannot fully read
// (README "Administrator rights" gives the sources): gpresult's computer
// part, the SPP store (sppsvc's own folder), Panther and $WINDOWS.~BT
// (SYSTEM and Administrators only). The System and Application logs are
// readable by interactive users, so their exports are not marked; CBS and
// DISM logs are not marked either, and a denial there is still reported
// on the item when it happens.

// sppQuery selects the Software Protection Platform's events (8198
// activation failed, 8200, 8208, 12288/12289 KMS, 900, 16384).
const sppQuery = `*[System[Provider[@Name='Microsoft-Windows-Security-SPP']]]`

var windowsSet = []Collector{
	{Name: "gpresult", Category: "group-policy", OS: "windows", Command: []string{"gpresult", "/x", "{out}.xml", "/f"}, Timeout: 3 * time.Minute, Slow: true, Admin: true},
	{Name: "policies-hklm", Category: "group-policy", OS: "windows", Registry: `HKLM\SOFTWARE\Policies`},

	{Name: "ipconfig", Category: "network", OS: "windows", Command: []string{"ipconfig", "/all"}},
	{Name: "route", Category: "network", OS: "windows", Command: []string{"route", "print"}},
	{Name: "winhttp-proxy", Category: "network", OS: "windows", Command: []string{"netsh", "winhttp", "show", "proxy"}},

	{Name: "eventlog-system", Category: "system-log", OS: "windows", EventLog: "System", Timeout: 3 * time.Minute, Slow: true},
	{Name: "eventlog-application", Category: "system-log", OS: "windows", EventLog: "Application", Timeout: 3 * time.Minute, Slow: true},
	{Name: "systeminfo", Category: "system-log", OS: "windows", Command: []string{"systeminfo"}, Timeout: 2 * time.Minute, Slow: true},

	{Name: "uninstall-hklm", Category: "software", OS: "windows", Registry: `HKLM\SOFTWARE` + uninstallKey},
	{Name: "uninstall-wow64", Category: "software", OS: "windows", Registry: `HKLM\SOFTWARE\WOW6432Node` + uninstallKey},
	{Name: "uninstall-hkcu", Category: "software", OS: "windows", Registry: `HKCU\Software` + uninstallKey},

	{Name: "tasklist", Category: "processes", OS: "windows", Command: []string{"tasklist", "/v", "/fo", "csv"}},
	{Name: "tasklist-services", Category: "processes", OS: "windows", Command: []string{"tasklist", "/svc", "/fo", "csv"}},

	{Name: "spp-events", Category: "activation-log", OS: "windows", Command: []string{"wevtutil", "qe", "Application", "/q:" + sppQuery, "/f:text", "/rd:true", "/c:2000"}},
	// The same events as XML: its element names and values are the same
	// on a Chinese and an English Windows, which the text form's are not;
	// actwiz open reads this one.
	{Name: "spp-events-xml", Category: "activation-log", OS: "windows", Command: []string{"wevtutil", "qe", "Application", "/q:" + sppQuery, "/f:xml", "/rd:true", "/c:2000"}},
	{Name: "spp-tokens-listing", Category: "activation-log", OS: "windows", Command: []string{"cmd", "/c", "dir", "/a", "/s", `%SystemRoot%\System32\spp\store`}, Admin: true},
	{Name: "slmgr-dlv", Category: "activation-log", OS: "windows", Command: []string{"cscript", "//nologo", `%SystemRoot%\System32\slmgr.vbs`, "/dlv"}},
	{Name: "cmit-client-settings", Category: "activation-log", OS: "windows", Registry: `HKLM\SOFTWARE\CMIT`},
	{Name: "cmit-client-logs", Category: "activation-log", OS: "windows", Files: []string{`%ProgramFiles%\CMITActivation\**\*.log`, `%SystemRoot%\Temp\CMGE_*.log`}},

	{Name: "panther", Category: "upgrade-log", OS: "windows", Files: []string{`%SystemRoot%\Panther\setupact.log`, `%SystemRoot%\Panther\setuperr.log`}, Admin: true},
	{Name: "windows-bt", Category: "upgrade-log", OS: "windows", Files: []string{`%SystemDrive%\$WINDOWS.~BT\Sources\Panther\*.log`, `%SystemDrive%\$WINDOWS.~BT\Sources\Rollback\*.log`}, Admin: true},
	{Name: "cbs", Category: "upgrade-log", OS: "windows", Files: []string{`%SystemRoot%\Logs\CBS\CBS.log`}},
	{Name: "dism", Category: "upgrade-log", OS: "windows", Files: []string{`%SystemRoot%\Logs\DISM\dism.log`}},
	{Name: "windowsupdate-etl", Category: "upgrade-log", OS: "windows", Files: []string{`%SystemRoot%\Logs\WindowsUpdate\*.etl`}},
}

var linuxSet = []Collector{
	{Name: "policy-files", Category: "group-policy", OS: "linux", Files: []string{"/etc/dconf/db/*.d/**", "/etc/polkit-1/rules.d/*", "/etc/security/*.conf"}},

	{Name: "ip-addr", Category: "network", OS: "linux", Command: []string{"ip", "addr"}},
	{Name: "ip-route", Category: "network", OS: "linux", Command: []string{"ip", "route"}},
	{Name: "resolver", Category: "network", OS: "linux", Files: []string{"/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf"}},

	{Name: "journal", Category: "system-log", OS: "linux", Command: []string{"journalctl", "-b", "--no-pager", "-o", "short-iso", "-n", "50000"}, Timeout: 2 * time.Minute, Slow: true},
	{Name: "var-log", Category: "system-log", OS: "linux", Files: []string{"/var/log/syslog", "/var/log/messages", "/var/log/kern.log", "/var/log/boot.log"}},

	{Name: "packages", Category: "software", OS: "linux", Command: []string{"sh", "-c", "if command -v dpkg >/dev/null; then dpkg -l; else rpm -qa; fi"}},

	{Name: "ps", Category: "processes", OS: "linux", Command: []string{"ps", "auxww"}},

	{Name: "activation-files", Category: "activation-log", OS: "linux", Files: []string{"/var/log/**/*activ*"}},

	{Name: "package-history", Category: "upgrade-log", OS: "linux", Files: []string{"/var/log/apt/history.log", "/var/log/apt/term.log", "/var/log/dpkg.log", "/var/log/dnf.log", "/var/log/yum.log"}},
}
