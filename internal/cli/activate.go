package cli

import (
	"context"

	"github.com/spf13/pflag"

	"actwiz/checks"
	"actwiz/internal/activation"
	"actwiz/internal/i18n"
	"actwiz/internal/serial"
	"actwiz/steps"
)

type activateCmd struct {
	serial string
	yes    bool
	force  bool
	format string
}

func (*activateCmd) Name() string { return "activate" }
func (*activateCmd) Summary() i18n.Text {
	return i18n.T("激活前检查（硬件、服务、网络、时间），加 --yes 才真正激活", "Pre-flight checks (hardware, service, network, clock); activates only with --yes")
}
func (*activateCmd) Usage() string {
	return "activate"
}

func (c *activateCmd) Flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.serial, "serial", "", "the serial to activate with (else typed at a prompt without echo when needed)")
	fs.BoolVar(&c.yes, "yes", false, "agree to the activation attempt; without it only the checks run")
	fs.BoolVar(&c.force, "force", false, "attempt even when a hardware check fails")
	fs.StringVar(&c.format, "format", "text", "text or json")
	metavar(fs, "format", "text|json")
	metavar(fs, "serial", "SERIAL")
}

var msgActivateTitle = i18n.T("actwiz 激活", "actwiz activation")

// Run checks this machine (never a snapshot: activation changes the
// machine it runs on), then attempts activation only with --yes.
func (c *activateCmd) Run(ctx context.Context, app *App, args []string) (int, error) {
	if err := noSerialArgs(c.Name(), args); err != nil {
		return 0, err
	}
	if err := checkFormat(c.format, "text", "json"); err != nil {
		return 0, err
	}
	profile, _ := serial.ByName(app.Config.Serial.Profile)
	act := app.Config.Activation
	driver, needsSerial := steps.NewDriver(app.Config)

	// The serial is asked for before the slow checks, so nobody waits for
	// the network and then finds a prompt.
	var input string
	if c.serial != "" || (c.yes && needsSerial) {
		var err error
		if input, err = currentSerial(ctx, app, c.serial); err != nil {
			return 0, err
		}
	}

	snap, _, err := gatherFacts(ctx, app, "")
	if err != nil {
		return 0, err
	}
	results := checks.RunAll(checks.Hardware, snap, app.Rules)
	hardware := append([]checks.Result{}, results...)
	serialOK := false
	if input != "" {
		var serialResults []checks.Result
		serialResults, serialOK = judgeSerial(ctx, app, input)
		results = append(results, serialResults...)
	}

	gate := activation.Gate(hardware, c.force)
	results = append(results, gate)
	pre := activation.Preflight{
		Profile: profile.Name, Endpoints: act.EndpointsFor(profile.Name),
		Network: activation.NativeNetwork(act.Timeout), Tolerance: act.ClockTolerance,
		Machine: activation.NativeMachine(),
	}
	results = append(results, pre.Run(ctx, func(checks.Result) {})...)
	if err := ctx.Err(); err != nil {
		return 0, err
	}

	var attempt checks.Result
	switch {
	case driver == nil:
		// --yes would change nothing: say why no attempt is made.
		attempt = activation.SkipAttempt(activation.DriverNone)
	case !c.yes:
		attempt = activation.SkipAttempt(activation.NeedsYes)
	case activation.GateRefuses(gate):
		attempt = activation.SkipAttempt(activation.GateRefused)
	case needsSerial && !serialOK:
		attempt = activation.SkipAttempt(activation.NoSerial)
	default:
		attempt = driver.Attempt(ctx, serialForDriver(profile, input))
	}
	results = append(results, attempt)
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if err := writeResultsWith(app, results, msgActivateTitle, c.format, snap); err != nil {
		return 0, err
	}
	return checks.ExitCode(results), nil
}

// serialForDriver is the serial as the activation program expects it:
// product keys in their dashed groups, others bare.
func serialForDriver(p serial.Profile, input string) string {
	if input == "" {
		return ""
	}
	return p.Display(serial.Normalise(input))
}
