package taxid

import (
	"encoding/json"
	"os"
	"testing"
)

// Format agrees with testdata/format_cases.json, the table frontend/src/format.ts is tested against.
func TestFormat_AgreesWithTheSharedTable(t *testing.T) {
	b, err := os.ReadFile("../../testdata/format_cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		TaxID []struct{ Country, ID, Text string } `json:"taxId"`
	}
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	if len(c.TaxID) == 0 {
		t.Fatal("the shared table has no tax IDs")
	}
	for _, x := range c.TaxID {
		if got := Format(x.Country, x.ID); got != x.Text {
			t.Errorf("Format(%s, %q) = %q, want %q", x.Country, x.ID, got, x.Text)
		}
	}
}
