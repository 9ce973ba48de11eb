package spp

import (
	"errors"
	"testing"
)

func TestPick(t *testing.T) {
	yes, no := true, false
	const esu = "4220f546-f522-46df-8202-4d07afd26454" // an ESU add-on's own ID
	windows := Product{ID: "win", ApplicationID: WindowsApplicationID, PartialProductKey: "4M68B", LicenseIsAddon: &no}
	cases := []struct {
		name string
		rows []Product
		want string
		err  error
	}{
		{"add-on listed first is passed over", []Product{
			{ID: esu, ApplicationID: WindowsApplicationID, PartialProductKey: "XXXXX", LicenseIsAddon: &yes}, windows}, "win", nil},
		{"Office is not Windows", []Product{
			{ID: "office", ApplicationID: "0ff1ce15-a989-479d-af46-f275c6370663", PartialProductKey: "YYYYY", LicenseIsAddon: &no}, windows}, "win", nil},
		{"no key installed", []Product{{ID: "win", ApplicationID: WindowsApplicationID, LicenseIsAddon: &no}}, "", ErrNoProduct},
		{"only an add-on has a key", []Product{{ID: esu, ApplicationID: WindowsApplicationID, PartialProductKey: "XXXXX", LicenseIsAddon: &yes}}, "", ErrNoProduct},
		{"unread fields come after rows known to fit", []Product{{ID: "unsure", PartialProductKey: "ZZZZZ"}, windows}, "win", nil},
		{"unread fields are taken when nothing fits better (Wine)", []Product{{ID: "unsure", PartialProductKey: "ZZZZZ"}}, "unsure", nil},
		{"no PartialProductKey property at all", []Product{{ID: "a", keyUnreadable: true}}, "", ErrNoKeyProperty},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := Pick(c.rows)
			if p.ID != c.want || !errors.Is(err, c.err) {
				t.Errorf("picked %q, %v; want %q, %v", p.ID, err, c.want, c.err)
			}
		})
	}
}
