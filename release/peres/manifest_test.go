package peres

import (
	"encoding/xml"
	"os"
	"testing"
)

// TestManifestClaimsOnlyWhatRuns: Go 1.21 and later build programs that
// need Windows 10 or Server 2016 (Go 1.21 release notes), so the manifest
// may name Windows 10's compatibility id alone ({8e0f7a12-…}, which covers
// Windows 11 too); Windows 7, 8 and 8.1's ids would claim support that a
// Go 1.26 executable does not have.
func TestManifestClaimsOnlyWhatRuns(t *testing.T) {
	data, err := os.ReadFile("../winres/actwiz.manifest")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Compatibility struct {
			Application struct {
				SupportedOS []struct {
					ID string `xml:"Id,attr"`
				} `xml:"supportedOS"`
			} `xml:"application"`
		} `xml:"compatibility"`
	}
	if err := xml.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	const windows10 = "{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"
	ids := m.Compatibility.Application.SupportedOS
	if len(ids) != 1 || ids[0].ID != windows10 {
		t.Errorf("supportedOS %v, want Windows 10 and 11's %s alone", ids, windows10)
	}
}
