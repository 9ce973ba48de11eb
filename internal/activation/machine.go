package activation

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"

	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// Source says where an endpoint came from. The values read the same in
// both languages in the observed value; SourceWords names them in the
// detail.
type Source string

const (
	FromClient   Source = "CMGE client"
	FromIntranet Source = "intranet"
	FromKMS      Source = "KMS host"
	FromDNS      Source = "DNS discovery"
	FromConfig   Source = "config"
	FromDefault  Source = "built-in default"
)

var sourceWords = map[Source]i18n.Text{
	FromClient:   i18n.T("激活客户端设置的服务器（CMIT\\Active ActivationServer）", "the activation client's server (CMIT\\Active ActivationServer)"),
	FromIntranet: i18n.T("内网激活服务器（CMIT\\Active IntranetActivationServer）", "the intranet activation server (CMIT\\Active IntranetActivationServer)"),
	FromKMS:      i18n.T("软件保护设置的 KMS 服务器", "the KMS host set for Software Protection"),
	FromDNS:      i18n.T("DNS 中 _vlmcs._tcp 记录找到的 KMS 服务器", "the KMS host the DNS names (_vlmcs._tcp)"),
	FromConfig:   i18n.T("配置 activation.endpoints", "the setting activation.endpoints"),
	FromDefault:  i18n.T("本工具内置的默认服务器", "actwiz's built-in default"),
}

// SourceWords is a source in words.
func SourceWords(s Source) i18n.Text { return sourceWords[s] }

// Machine is what this machine says about its activation servers. Every
// field is empty when not set or not readable.
type Machine struct {
	// HKLM\SOFTWARE\CMIT\Active (64-bit view).
	ActivationServer, IntranetServer, ActiveMode string
	// HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\SoftwareProtectionPlatform.
	KMSName, KMSPort string
	// SoftwareLicensingService KeyManagementServiceMachine/Port (WMI).
	ServiceKMSName, ServiceKMSPort string
	// Discovered are the _vlmcs._tcp answers, looked up only when no KMS
	// host is set.
	Discovered []*net.SRV
}

// MachineReader reads what the machine names: the registry on Windows,
// nothing elsewhere.
type MachineReader interface {
	ReadMachine(ctx context.Context) Machine
}

// Choice is the endpoints to check and why these.
type Choice struct {
	Endpoints []Endpoint
	// Note says where the endpoints came from, for the reach detail.
	Note i18n.Text
	// Ignored are values read that are no endpoint, for the note.
	Ignored []string
}

var (
	msgChoseConfig   = i18n.T("检查的是配置 activation.endpoints 中的服务器。", "Checked the servers of the setting activation.endpoints.")
	msgChoseMachine  = i18n.T("检查的是这台电脑自己设置的服务器：%s。", "Checked the servers this PC is set to use: %s.")
	msgChoseDefaults = i18n.T("这台电脑没有设置激活服务器（注册表 CMIT\\Active 和软件保护的 KMS 设置都是空的，DNS 也没有 _vlmcs._tcp 记录），所以检查的是本工具内置的默认服务器：%s。", "This PC names no activation server (the registry's CMIT\\Active and Software Protection's KMS settings are empty, and the DNS has no _vlmcs._tcp record), so actwiz's built-in defaults were checked: %s.")
	msgInUse         = i18n.T("，ActiveMode=%s 表示正在使用这一个", ", the one in use by ActiveMode=%s")
	msgIgnored       = i18n.T("这些设置值不是能检查的地址，没有检查：%s。", "These values are not addresses that can be checked and were left out: %s.")
)

// ChooseEndpoints decides what to check: the configured endpoints when
// there are any; else what the machine names (the CMGE client's servers
// for the cmge profile, with the one ActiveMode says is in use first, and
// the KMS host: set, or found by DNS); else the built-in defaults, saying
// so.
func ChooseEndpoints(profile string, configured []Endpoint, m Machine) Choice {
	if len(configured) > 0 {
		eps := make([]Endpoint, len(configured))
		for i, e := range configured {
			e.Source = FromConfig
			eps[i] = e
		}
		return Choice{Endpoints: eps, Note: msgChoseConfig}
	}
	var c Choice
	var eps []Endpoint
	add := func(raw string, src Source, mode string) {
		if strings.TrimSpace(raw) == "" {
			return
		}
		e, err := machineEndpoint(raw)
		if err != nil {
			c.Ignored = append(c.Ignored, string(src)+" "+machinetext.Escape(raw))
			return
		}
		e.Source, e.Mode = src, mode
		for _, have := range eps {
			if have.Scheme == e.Scheme && have.Addr() == e.Addr() {
				return
			}
		}
		eps = append(eps, e)
	}
	if profile != "windows" {
		client, intranet := m.ActivationServer, m.IntranetServer
		mode := strings.TrimSpace(m.ActiveMode)
		switch activeMode(mode) {
		case FromIntranet:
			add(intranet, FromIntranet, mode)
			add(client, FromClient, "")
		case FromClient:
			add(client, FromClient, mode)
			add(intranet, FromIntranet, "")
		default:
			add(client, FromClient, "")
			add(intranet, FromIntranet, "")
		}
	}
	switch {
	case strings.TrimSpace(m.KMSName) != "":
		add(kmsAddr(m.KMSName, m.KMSPort), FromKMS, "")
	case strings.TrimSpace(m.ServiceKMSName) != "":
		add(kmsAddr(m.ServiceKMSName, m.ServiceKMSPort), FromKMS, "")
	default:
		// The KMS client tries the records in priority order; the
		// first is the one it will use.
		if len(m.Discovered) > 0 {
			r := m.Discovered[0]
			add("tcp://"+net.JoinHostPort(strings.TrimSuffix(r.Target, "."), strconv.Itoa(int(r.Port))), FromDNS, "")
		}
	}
	if len(eps) > 0 {
		c.Note = msgChoseMachine.F(describeEndpoints(eps))
	} else {
		eps, _ = ParseEndpoints(DefaultEndpoints(profile))
		for i := range eps {
			eps[i].Source = FromDefault
		}
		c.Note = msgChoseDefaults.F(describeEndpoints(eps))
	}
	c.Endpoints = eps
	if len(c.Ignored) > 0 {
		c.Note = i18n.Join([]i18n.Text{c.Note, msgIgnored.F(strings.Join(c.Ignored, ", "))}, "", " ")
	}
	return c
}

// activeMode reads CMIT\Active ActiveMode. Its values are not public;
// these are the spellings the name suggests (unverified): 1 or a word
// for intranet, 0 or a word for the public server.
func activeMode(v string) Source {
	switch strings.ToLower(v) {
	case "1", "intranet", "lan", "内网":
		return FromIntranet
	case "0", "internet", "online", "wan", "外网", "互联网":
		return FromClient
	}
	return ""
}

// machineEndpoint reads a server as the machine writes it: a URL
// (https://h:p; http://h:p is checked as a connection), or host:port
// (a connection), or a bare host (https on 443).
func machineEndpoint(raw string) (Endpoint, error) {
	s := strings.TrimSpace(raw)
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "http://"):
		rest := strings.TrimRight(s[len("http://"):], "/")
		if _, _, err := net.SplitHostPort(rest); err != nil {
			rest = net.JoinHostPort(rest, "80")
		}
		s = "tcp://" + rest
	case strings.Contains(s, "://"):
		s = strings.TrimRight(s, "/")
	default:
		if _, _, err := net.SplitHostPort(s); err == nil {
			s = "tcp://" + s
		} else {
			s = "https://" + s
		}
	}
	e, err := ParseEndpoint(s)
	if err != nil {
		return Endpoint{}, fmt.Errorf("machine value %q: %w", raw, err)
	}
	e.Raw = e.Scheme + "://" + e.Addr()
	return e, nil
}

// kmsAddr is a KMS host as Software Protection stores it: a name, and a
// port that defaults to 1688 (the KMS protocol's).
func kmsAddr(name, port string) string {
	name, port = strings.TrimSpace(name), strings.TrimSpace(port)
	if port == "" || port == "0" {
		port = "1688"
	}
	if h, p, err := net.SplitHostPort(name); err == nil {
		name, port = h, p
	}
	return "tcp://" + net.JoinHostPort(strings.Trim(name, "[]"), port)
}

func describeEndpoints(eps []Endpoint) i18n.Text {
	parts := make([]i18n.Text, len(eps))
	for i, e := range eps {
		parts[i] = i18n.Join([]i18n.Text{plain(machinetext.Escape(e.Raw)), i18n.T("（", " ("), SourceWords(e.Source), modeWords(e), i18n.T("）", ")")}, "", "")
	}
	return i18n.Join(parts, "；", "; ")
}

func modeWords(e Endpoint) i18n.Text {
	if e.Mode == "" {
		return i18n.Text{}
	}
	return msgInUse.F(machinetext.Escape(e.Mode))
}

// label is an endpoint with its source, for observed values.
func (e Endpoint) label() string {
	name := machinetext.Escape(e.Raw)
	if e.Source == "" {
		return name
	}
	s := string(e.Source)
	if e.Mode != "" {
		s += ", in use by ActiveMode=" + machinetext.Escape(e.Mode)
	}
	return name + " (" + s + ")"
}
