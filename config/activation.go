package config

import (
	"regexp"
	"strings"
	"time"

	"actwiz/internal/activation"
	"actwiz/internal/i18n"
)

// Activation is the activation step's settings.
type Activation struct {
	// Driver is auto, none, command or spp.
	Driver string `mapstructure:"driver"`
	// Endpoints are https://host:port and tcp://host:port; empty means
	// the profile's.
	Endpoints      []string             `mapstructure:"endpoints"`
	Timeout        time.Duration        `mapstructure:"timeout"`
	ClockTolerance time.Duration        `mapstructure:"clock_tolerance"`
	Command        []string             `mapstructure:"command"`
	CommandTimeout time.Duration        `mapstructure:"command_timeout"`
	SuccessCodes   []int                `mapstructure:"success_codes"`
	Messages       []activation.Message `mapstructure:"messages"`
}

func defaultActivation() Activation {
	return Activation{
		Driver: "auto", Endpoints: []string{}, Timeout: activation.DefaultTimeout,
		ClockTolerance: activation.DefaultClockTolerance, Command: []string{},
		CommandTimeout: 5 * time.Minute, SuccessCodes: []int{0}, Messages: []activation.Message{},
	}
}

// DriverKMS is what auto resolves to for CMGE without a command: Software
// Protection's slmgr /ato when the Windows product is a KMS client (CMGE
// is a volume edition), nothing otherwise; decided when the attempt is
// made, since only then is the product read.
const DriverKMS = "spp-kms"

// DriverFor resolves auto: Windows product keys go through Software
// Protection; the CMGE client through activation.command when one is set,
// else a KMS client product through Software Protection.
func (a Activation) DriverFor(profile string) string {
	if a.Driver != "auto" {
		return a.Driver
	}
	if profile == "windows" {
		return "spp"
	}
	if len(a.Command) > 0 {
		return "command"
	}
	return DriverKMS
}

// EndpointsFor is the configured endpoints, labelled as such; none when
// none are configured: then the pre-flight checks read the servers the
// machine names, and use the profile's defaults only when it names none.
func (a Activation) EndpointsFor(profile string) []activation.Endpoint {
	eps, _ := activation.ParseEndpoints(a.Endpoints) // validated on load
	for i := range eps {
		eps[i].Source = activation.FromConfig
	}
	return eps
}

func init() {
	validators = append(validators, validateActivation)
	Docs["activation.driver"] = "How activation is attempted: `auto` (`spp` for the `windows` profile; `command` when `activation.command` is set; else, when the Windows product is a KMS client (`VOLUME_KMSCLIENT`, as on CMGE), `spp` activating it against its KMS host like `slmgr /ato`, behind the same consent; otherwise nothing), `none` (pre-flight checks only), `command` or `spp` (Windows Software Protection through WMI)."
	Docs["activation.endpoints"] = "Activation servers to check: `https://host:port` (connection, verified TLS, clock) and `tcp://host:port` (connection). Empty: the servers this machine names (the CMGE client's `HKLM\\SOFTWARE\\CMIT\\Active` ActivationServer and IntranetActivationServer, Software Protection's KMS host, or the DNS's `_vlmcs._tcp` record), and the profile's built-in defaults only when it names none."
	Docs["activation.timeout"] = "Deadline for each endpoint's check (name, connection, TLS, answer). 1s to 2m."
	Docs["activation.clock_tolerance"] = "How far the local clock may be from the server's `Date`. 1s to 24h."
	Docs["activation.command"] = "The activation program and its arguments, as a list; `{serial}` is replaced by the serial."
	Docs["activation.command_timeout"] = "Deadline for the activation program; at the deadline it is ended with every process it started. 5s to 30m."
	Docs["activation.success_codes"] = "Exit codes of the activation program that mean success."
	Docs["activation.messages"] = "Patterns of the activation program's output and what they mean: a list of `{pattern: REGEX, meaning: {zh, en}, hint: {zh, en}, success: false}`. A matching line fails the attempt whatever the exit code; with `success: true` it means success, and a success line with an exit code not in `activation.success_codes` is a warning. Tried before the built-in ones (「服务器错误」, the serial-mismatch prompt, 「激活失败」, 「激活成功」)."
}

func validateActivation(c *Config) (key string, allowed i18n.Text, ok bool) {
	a := &c.Activation
	a.Driver = strings.ToLower(strings.TrimSpace(a.Driver))
	switch a.Driver {
	case "auto", "none", "command", "spp":
	default:
		return "activation.driver", allowedDriver, false
	}
	if _, err := activation.ParseEndpoints(a.Endpoints); err != nil {
		return "activation.endpoints", allowedEndpoints, false
	}
	if a.Timeout < time.Second || a.Timeout > 2*time.Minute {
		return "activation.timeout", allowedNetTimeout, false
	}
	if a.ClockTolerance < time.Second || a.ClockTolerance > 24*time.Hour {
		return "activation.clock_tolerance", allowedTolerance, false
	}
	if a.CommandTimeout < 5*time.Second || a.CommandTimeout > 30*time.Minute {
		return "activation.command_timeout", allowedCmdTimeout, false
	}
	if a.Driver == "command" && (len(a.Command) == 0 || strings.TrimSpace(a.Command[0]) == "") {
		return "activation.command", allowedCommand, false
	}
	if len(a.SuccessCodes) == 0 {
		return "activation.success_codes", allowedCodes, false
	}
	for _, m := range a.Messages {
		if _, err := regexp.Compile(m.Pattern); err != nil || m.Pattern == "" || m.Meaning.ZH == "" || m.Meaning.EN == "" {
			return "activation.messages", allowedMessages, false
		}
	}
	return "", i18n.Text{}, true
}

var (
	allowedDriver     = i18n.T("auto、none、command 或 spp", "auto, none, command or spp")
	allowedEndpoints  = i18n.T("https://主机:端口 或 tcp://主机:端口 的列表（tcp 必须写端口）", "a list of https://host:port or tcp://host:port (tcp needs a port)")
	allowedNetTimeout = i18n.T("1s 到 2m 之间的时长", "a duration from 1s to 2m")
	allowedTolerance  = i18n.T("1s 到 24h 之间的时长", "a duration from 1s to 24h")
	allowedCmdTimeout = i18n.T("5s 到 30m 之间的时长", "a duration from 5s to 30m")
	allowedCommand    = i18n.T("driver 为 command 时，要给出程序和参数的列表，例如 [\"C:\\\\Program Files\\\\CMITActivation\\\\CmitClient.exe\", \"{serial}\"]", "with driver command, a list of the program and its arguments, such as [\"C:\\\\Program Files\\\\CMITActivation\\\\CmitClient.exe\", \"{serial}\"]")
	allowedCodes      = i18n.T("至少一个表示成功的退出码，例如 [0]", "at least one exit code meaning success, such as [0]")
	allowedMessages   = i18n.T("{pattern: 正则, meaning: {zh: 中文, en: English}, hint: {zh, en}, success: true/false} 的列表，pattern 必须是有效的正则表达式，meaning 两种语言都要有", "a list of {pattern: REGEX, meaning: {zh, en}, hint: {zh, en}, success: true/false}, with a valid pattern and the meaning in both languages")
)
