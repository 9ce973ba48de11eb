package activation

import (
	"context"
	"net"
	"strings"
	"testing"

	"actwiz/checks"
)

func TestChooseEndpoints(t *testing.T) {
	configured := []Endpoint{{Raw: "tcp://kms.example.gov.cn:1688", Scheme: "tcp", Host: "kms.example.gov.cn", Port: "1688"}}
	// Values as public analysis saw them on CMGE machines.
	cmge := Machine{ActivationServer: "https://oag.cmgos.com:7892", IntranetServer: "http://10.1.2.3:8080", KMSName: "KMS.cmgos.com"}
	cases := []struct {
		name    string
		profile string
		conf    []Endpoint
		m       Machine
		want    []string // "raw source"
		note    string
	}{
		{"config overrides the machine", "cmge", configured, cmge,
			[]string{"tcp://kms.example.gov.cn:1688 config"}, "activation.endpoints"},
		{"cmge client, intranet, KMS host with its default port", "cmge", nil, cmge,
			[]string{"https://oag.cmgos.com:7892 CMGE client", "tcp://10.1.2.3:8080 intranet", "tcp://KMS.cmgos.com:1688 KMS host"}, "this PC is set to use"},
		{"ActiveMode 1 puts the intranet server first", "cmge", nil, Machine{ActivationServer: "https://oag.cmgos.com:7892", IntranetServer: "10.1.2.3:7892", ActiveMode: "1"},
			[]string{"tcp://10.1.2.3:7892 intranet", "https://oag.cmgos.com:7892 CMGE client"}, "in use by ActiveMode=1"},
		{"ActiveMode 0 keeps the client's server first", "cmge", nil, Machine{ActivationServer: "oag.cmgos.com", IntranetServer: "10.1.2.3:7892", ActiveMode: "0"},
			[]string{"https://oag.cmgos.com:443 CMGE client", "tcp://10.1.2.3:7892 intranet"}, "in use by ActiveMode=0"},
		{"KMS port from the registry", "cmge", nil, Machine{KMSName: "kms.corp", KMSPort: "1700"},
			[]string{"tcp://kms.corp:1700 KMS host"}, ""},
		{"KMS host from SoftwareLicensingService", "windows", nil, Machine{ServiceKMSName: "kms.corp", ServiceKMSPort: "1688"},
			[]string{"tcp://kms.corp:1688 KMS host"}, ""},
		{"DNS discovery when no KMS host is set", "windows", nil, Machine{Discovered: []*net.SRV{{Target: "kms1.corp.", Port: 1688}, {Target: "kms2.corp.", Port: 1688}}},
			[]string{"tcp://kms1.corp:1688 DNS discovery"}, "_vlmcs._tcp"},
		{"a set KMS host wins over DNS", "windows", nil, Machine{KMSName: "kms.corp", Discovered: []*net.SRV{{Target: "other.", Port: 1688}}},
			[]string{"tcp://kms.corp:1688 KMS host"}, ""},
		{"the windows profile ignores the CMGE client's values", "windows", nil, Machine{ActivationServer: "https://oag.cmgos.com:7892"},
			[]string{"https://activation-v2.sls.microsoft.com:443 built-in default", "https://validation-v2.sls.microsoft.com:443 built-in default"}, "names no activation server"},
		{"nothing named: defaults, saying so", "cmge", nil, Machine{},
			[]string{"https://oag.cmgos.com:7892 built-in default", "tcp://kms.cmgos.com:1688 built-in default"}, "built-in defaults were checked"},
		{"the same server twice is checked once", "cmge", nil, Machine{ActivationServer: "https://oag.cmgos.com:7892", IntranetServer: "https://oag.cmgos.com:7892/"},
			[]string{"https://oag.cmgos.com:7892 CMGE client"}, ""},
		{"a value that is no address is named, not checked", "cmge", nil, Machine{ActivationServer: "ftp://x", KMSName: "kms.corp"},
			[]string{"tcp://kms.corp:1688 KMS host"}, "left out: CMGE client ftp://x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ChooseEndpoints(c.profile, c.conf, c.m)
			var have []string
			for _, e := range got.Endpoints {
				have = append(have, e.Raw+" "+string(e.Source))
			}
			if strings.Join(have, "; ") != strings.Join(c.want, "; ") {
				t.Errorf("endpoints\n  %q\nwant\n  %q", have, c.want)
			}
			if !strings.Contains(got.Note.EN, c.note) || got.Note.ZH == "" {
				t.Errorf("note %q; want it to mention %q, in both languages", got.Note.EN, c.note)
			}
		})
	}
}

type fixedMachine Machine

func (f fixedMachine) ReadMachine(context.Context) Machine { return Machine(f) }

// TestPreflightChecksTheMachinesServers: the reach result names every
// endpoint the machine names, with its source, and the detail says where
// they came from.
func TestPreflightChecksTheMachinesServers(t *testing.T) {
	open := silentServer(t)
	closed := closedAddr(t)
	n := testNetwork(nil)
	p := Preflight{Profile: "cmge", Network: n, Machine: fixedMachine{ActivationServer: "tcp://" + open, KMSName: "127.0.0.1", KMSPort: portOf(closed)},
		Service: func(context.Context, string) ServiceState { return ServiceState{NotWindows: true} }}
	res := p.Run(context.Background(), func(checks.Result) {})
	reach := res[2]
	want := "tcp://" + open + " (CMGE client) ok; tcp://" + closed + " (KMS host) refused"
	if reach.Observed != want {
		t.Errorf("observed %q; want %q", reach.Observed, want)
	}
	if !strings.Contains(reach.Detail.EN, "this PC is set to use") || !strings.Contains(reach.Detail.ZH, "这台电脑自己设置的服务器") {
		t.Errorf("detail %q / %q must say the servers are the machine's", reach.Detail.EN, reach.Detail.ZH)
	}
	// Without a reader (and no endpoints) nothing is checked: tests and
	// snapshots never reach the network by accident.
	p.Machine = nil
	if r := p.Run(context.Background(), func(checks.Result) {})[2]; r.Status != checks.Skip {
		t.Errorf("no endpoints, no reader: reach = %s; want skip", r.Status)
	}
}

func closedAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func portOf(addr string) string {
	_, p, _ := net.SplitHostPort(addr)
	return p
}
