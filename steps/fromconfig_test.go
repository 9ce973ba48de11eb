package steps

import (
	"testing"

	"actwiz/config"
	"actwiz/internal/activation"
)

func TestStepsFromConfig(t *testing.T) {
	c := config.Defaults()
	if d, needs := NewDriver(c); needs {
		t.Errorf("cmge without a command activates a KMS client product, without the serial; got %T %v", d, needs)
	} else if _, ok := d.(activation.KMSClient); !ok {
		t.Errorf("driver %T; want the KMS client driver", d)
	}
	if st := NewSerial(c); st.Profile.Name != "cmge" || len(st.Sources) != 0 {
		t.Errorf("cmge serial step: %+v", st)
	}
	c.Activation.Command = []string{"CmitClient.exe", "/sn={serial}"}
	if d, needs := NewDriver(c); !needs {
		t.Errorf("a command with {serial} needs the serial: %T", d)
	} else if _, ok := d.(activation.Command); !ok {
		t.Errorf("driver %T; want the command driver", d)
	}
	c = config.Defaults()
	c.Serial.Profile = "windows"
	if d, needs := NewDriver(c); !needs {
		t.Errorf("windows: %T %v", d, needs)
	} else if _, ok := d.(activation.SPP); !ok {
		t.Errorf("driver %T; want spp", d)
	}
	st := NewActivation(c)
	// No endpoints configured: the machine's own are read when the
	// checks run (defaults only when it names none).
	if len(st.Preflight.Endpoints) != 0 || st.Preflight.Machine == nil || st.Preflight.Profile != "windows" {
		t.Errorf("windows activation step: %+v", st.Preflight)
	}
	if s := NewSerial(c); len(s.Sources) != 1 || !s.Sources[0].SPP {
		t.Errorf("windows reads the partial key by default: %+v", s.Sources)
	}
}
