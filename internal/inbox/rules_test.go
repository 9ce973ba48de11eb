package inbox

import (
	"testing"

	"actwiz/internal/activation"
	"actwiz/internal/i18n"
)

// The lines are what the tools print on English and Chinese Windows (and
// Linux resolvers); the codes are the rules' ids or Windows' own.
func TestRules(t *testing.T) {
	cases := []struct {
		category, path, line, code string
		fails                      bool
	}{
		{"activation-log", "activation-log-激活日志/slmgr-dlv.txt", "Error: 0xC004F074 The Software Licensing Service reported that the computer could not be activated.", "0xC004F074", true},
		{"activation-log", "activation-log-激活日志/slmgr-dlv.txt", "错误: 0xC004F050 软件授权服务报告产品密钥无效", "0xC004F050", true},
		{"activation-log", "activation-log-激活日志/spp-events.txt", "hr=0x80004005", "0x80004005", false}, // not in the code table: worth a look, not a verdict
		{"activation-log", "activation-log-激活日志/spp-events.txt", "hr=0x80070005", "0x80070005", true},
		{"activation-log", "activation-log-激活日志/spp-events.txt", "Remaining Windows rearm count: 1001 (0x000003E9)", "", false},
		{"upgrade-log", "upgrade-log-升级日志/cbs/CBS.log", "Failed to get session package state [HRESULT = 0x800f0805]", "", false},
		{"activation-log", "x/CMGE_Active.log", "上次激活使用的序列号FF*****700209跟当前输入的序列号不一致，是否继续", "serial-mismatch", false},
		{"activation-log", "x/CMGE_Active.log", "在线激活失败，服务器错误，请联系客服", "client-server-error", true},
		{"activation-log", "x/CMGE_Active.log", "激活失败：硬件信息不完整", "client-activation-failed", true},
		{"network", "network-网络信息/winhttp-proxy.txt", "    Proxy Server(s) :  proxy.corp:8080", "winhttp-proxy", false},
		{"network", "network-网络信息/winhttp-proxy.txt", "    代理服务器:  10.0.0.1:3128", "winhttp-proxy", false},
		{"network", "network-网络信息/winhttp-proxy.txt", "    Direct access (no proxy server).", "", false},
		{"network", "network-网络信息/winhttp-proxy.txt", "    直接访问(没有代理服务器)。", "", false},
		{"network", "network-网络信息/ipconfig.txt", "   DNS Servers . . . . . . . . . . . : fec0:0:0:ffff::1%1", "dns-none", true},
		{"network", "network-网络信息/ipconfig.txt", "   DNS 服务器  . . . . . . . . . . . : fec0:0:0:ffff::1%1", "dns-none", true},
		{"network", "network-网络信息/ipconfig.txt", "   DNS Servers . . . . . . . . . . . : 192.168.1.1", "", false},
		{"network", "network-网络信息/kms-lookup.txt", "DNS request timed out.", "dns-failure", true},
		{"network", "network-网络信息/kms-lookup.txt", "*** UnKnown 找不到 _vlmcs._tcp: Non-existent domain", "dns-failure", true},
		{"network", "network-网络信息/resolve.txt", "curl: (6) Could not resolve host: oag.cmgos.com", "dns-failure", true},
		{"system-log", "system-log-系统日志/journal.txt", "curl: (6) Could not resolve host: oag.cmgos.com", "", false},
	}
	rules := BuiltinRules()
	for _, c := range cases {
		s := &scanner{rules: rules, index: map[string]int{}}
		var applicable []*Rule
		for i := range rules {
			if rules[i].applies(c.category, c.path) {
				applicable = append(applicable, &rules[i])
			}
		}
		s.line(applicable, Finding{Source: c.path, Line: 1}, c.line)
		switch {
		case c.code == "" && len(s.found) > 0:
			t.Errorf("%q: found %s; want nothing", c.line, s.found[0].Code)
		case c.code != "" && len(s.found) != 1:
			t.Errorf("%q: found nothing; want %s", c.line, c.code)
		case c.code != "" && (s.found[0].Code != c.code || s.found[0].Fails != c.fails):
			t.Errorf("%q: %s fails=%v; want %s fails=%v", c.line, s.found[0].Code, s.found[0].Fails, c.code, c.fails)
		}
	}
}

func TestSiteMessagesComeFirst(t *testing.T) {
	rules := BuiltinRules().WithMessages([]activation.Message{{Pattern: `序列号无效`, Meaning: i18n.T("序列号无效。", "The serial is invalid."), Hint: i18n.T("请核对序列号。", "Check the serial.")}})
	s := &scanner{rules: rules, index: map[string]int{}}
	var applicable []*Rule
	for i := range rules {
		if rules[i].applies("activation-log", "x.log") {
			applicable = append(applicable, &rules[i])
		}
	}
	s.line(applicable, Finding{Source: "x.log", Line: 1}, "激活失败：序列号无效")
	if len(s.found) != 1 || s.found[0].Code != "site-message-1" || s.found[0].Meaning.EN != "The serial is invalid." {
		t.Errorf("found %+v", s.found)
	}
}

func TestRulesFileIsValid(t *testing.T) {
	for _, r := range BuiltinRules() {
		if r.Catalogue == "" && (r.Hint.ZH == "" || r.Hint.EN == "") {
			t.Errorf("rule %s has no hint in both languages", r.ID)
		}
	}
	if _, err := parseRules([]byte("- id: x\n  pattern: '('\n  meaning: {zh: a, en: b}\n")); err == nil {
		t.Errorf("a bad pattern is accepted")
	}
}
