package steps

import (
	"strings"
	"time"

	"actwiz/config"
	"actwiz/internal/activation"
	"actwiz/internal/activation/spp"
	"actwiz/internal/serial"
)

// lastSerialTimeout bounds reading the last serial (WMI has no timeout).
const lastSerialTimeout = 10 * time.Second

// NewSerial is the serial step as configured.
func NewSerial(c config.Config) *Serial {
	p, _ := serial.ByName(c.Serial.Profile)
	sources := c.Serial.LastSources
	if len(sources) == 0 {
		sources = serial.DefaultSources(p.Name)
	}
	return &Serial{Profile: p, Sources: sources, Readers: serial.NativeReaders(), Timeout: lastSerialTimeout}
}

// NewActivation is the activation step as configured, on this machine.
func NewActivation(c config.Config) *Activation {
	p, _ := serial.ByName(c.Serial.Profile)
	a := c.Activation
	driver, needsSerial := NewDriver(c)
	return &Activation{
		Profile: p,
		Preflight: activation.Preflight{
			Profile: p.Name, Endpoints: a.EndpointsFor(p.Name),
			Network: activation.NativeNetwork(a.Timeout), Tolerance: a.ClockTolerance,
			Machine: activation.NativeMachine(),
		},
		Driver: driver, NeedsSerial: needsSerial,
	}
}

// NewDriver is the configured activation driver (nil for none) and
// whether it activates with the user's serial.
func NewDriver(c config.Config) (activation.Driver, bool) {
	p, _ := serial.ByName(c.Serial.Profile)
	a := c.Activation
	switch a.DriverFor(p.Name) {
	case "spp":
		return activation.SPP{Client: spp.Native()}, p.Name == serial.Windows.Name
	case config.DriverKMS:
		return activation.KMSClient{SPP: activation.SPP{Client: spp.Native()}}, false
	case "command":
		return activation.Command{Argv: a.Command, Timeout: a.CommandTimeout, SuccessCodes: a.SuccessCodes,
			Messages: a.Messages, Mask: p.Mask}, usesSerial(a.Command)
	}
	return nil, false
}

func usesSerial(argv []string) bool {
	for _, arg := range argv {
		if strings.Contains(arg, "{serial}") {
			return true
		}
	}
	return false
}
