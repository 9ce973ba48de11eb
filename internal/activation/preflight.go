package activation

import (
	"context"
	"time"

	"actwiz/checks"
	"actwiz/internal/i18n"
)

// Driver makes the activation attempt.
type Driver interface {
	Attempt(ctx context.Context, serial string) checks.Result
}

// Preflight runs the checks that need no consent: they only read the
// machine and open connections.
type Preflight struct {
	Profile   string
	Endpoints []Endpoint
	Network   Network
	Tolerance time.Duration
	// Service reads a Windows service's state; QueryService by default.
	Service func(ctx context.Context, name string) ServiceState
	// Machine reads the servers the machine names, used when Endpoints
	// is empty (the configured ones override); nil checks Endpoints only.
	Machine MachineReader
}

// Run judges activation.service, .dns, .reach and .clock, calling done
// with each result as it is ready, and returns them in that order.
func (p Preflight) Run(ctx context.Context, done func(checks.Result)) []checks.Result {
	query := p.Service
	if query == nil {
		query = QueryService
	}
	tolerance := p.Tolerance
	if tolerance <= 0 {
		tolerance = DefaultClockTolerance
	}
	sctx, cancel := context.WithTimeout(ctx, p.Network.timeout())
	service := JudgeService(query(sctx, ServiceName(p.Profile)))
	cancel()
	done(service)

	eps, note := p.Endpoints, i18n.Text{}
	if len(eps) > 0 && eps[0].Source == FromConfig {
		note = msgChoseConfig
	}
	if len(eps) == 0 && p.Machine != nil {
		mctx, cancel := context.WithTimeout(ctx, p.Network.timeout())
		choice := ChooseEndpoints(p.Profile, nil, p.Machine.ReadMachine(mctx))
		cancel()
		eps, note = choice.Endpoints, choice.Note
	}

	// Names and connections are checked at the same time: both wait on
	// the network, and a failing name shows up in both.
	dnsDone := make(chan checks.Result, 1)
	go func() { dnsDone <- CheckDNS(ctx, eps, p.Network) }()
	outcomes := Reach(ctx, eps, p.Network)
	dns := <-dnsDone
	done(dns)
	reach := JudgeReach(outcomes)
	if !note.Empty() {
		reach.Detail = i18n.Join([]i18n.Text{note, reach.Detail}, "", " ")
	}
	done(reach)
	clock := JudgeClock(outcomes, tolerance)
	done(clock)
	return []checks.Result{service, dns, reach, clock}
}

var (
	msgNeedsYes     = i18n.T("没有尝试激活：需要加上 --yes 参数，表示同意激活。", "Not attempted: needs --yes, to say you agree to activate.")
	msgNotConfirmed = i18n.T("没有尝试激活：没有得到同意。", "Not attempted: not confirmed.")
	msgGateRefused  = i18n.T("没有尝试激活：硬件检查不通过时激活客户端不会发送请求（见“硬件是否允许激活”）。确实要试，请加 --force。", "Not attempted: with failing hardware checks the activation client does not send the request (see \"Hardware allows activation\"). To try anyway, use --force.")
	msgDriverNone   = i18n.T("没有尝试激活：activation.driver 为 none，只做激活前检查。", "Not attempted: activation.driver is none, so only the pre-flight checks run.")
	msgNoSerial     = i18n.T("没有尝试激活：没有格式正确的序列号。", "Not attempted: there is no well-formed serial.")
	msgSerialNone   = i18n.T("没有尝试激活：没有提供序列号（序列号这一步跳过了）。", "Not attempted: no serial given (the serial step was skipped).")
	msgSnapshot     = i18n.T("没有尝试激活：检查的是记录的快照，不是这台电脑。", "Not attempted: this is a recorded snapshot, not this machine.")
)

// Skipped is activation.attempt not made, and why.
type Skipped string

const (
	NeedsYes     Skipped = "needs --yes"
	NotConfirmed Skipped = "not confirmed"
	GateRefused  Skipped = "refused by activation.gate"
	DriverNone   Skipped = "driver none"
	NoSerial     Skipped = "no valid serial"
	SerialNone   Skipped = "no serial given"
	OnSnapshot   Skipped = "snapshot"
)

// SkipAttempt is activation.attempt when it is not made.
func SkipAttempt(why Skipped) checks.Result {
	texts := map[Skipped]i18n.Text{NeedsYes: msgNeedsYes, NotConfirmed: msgNotConfirmed, GateRefused: msgGateRefused,
		DriverNone: msgDriverNone, NoSerial: msgNoSerial, SerialNone: msgSerialNone, OnSnapshot: msgSnapshot}
	return checks.Result{ID: AttemptID, Status: checks.Skip, Observed: string(why), Detail: texts[why]}
}
