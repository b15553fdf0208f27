package money

import (
	"encoding/json"
	"os"
	"testing"
)

// formatCases is testdata/format_cases.json at the top of the repository,
// which frontend/src/format.test.ts reads too.
type formatCases struct {
	Money []struct {
		Minor    int64  `json:"minor"`
		Currency string `json:"currency"`
		Country  string `json:"country"`
		Text     string `json:"text"`
		Plain    string `json:"plain"`
	} `json:"money"`
	Parse []struct {
		Text     string `json:"text"`
		Currency string `json:"currency"`
		Country  string `json:"country"`
		Minor    *int64 `json:"minor"`
	} `json:"parse"`
}

// The Go formatter and parser agree with the table the frontend is tested against.
func TestFormat_AgreesWithTheSharedTable(t *testing.T) {
	b, err := os.ReadFile("../../testdata/format_cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var c formatCases
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Money) == 0 || len(c.Parse) == 0 {
		t.Fatal("the shared table has no cases")
	}
	for _, m := range c.Money {
		st := StyleFor(m.Country)
		if got := Format(m.Minor, m.Currency, st); got != m.Text {
			t.Errorf("Format(%d %s, %s) = %q, want %q", m.Minor, m.Currency, m.Country, got, m.Text)
		}
		if got := FormatPlain(m.Minor, m.Currency, st); got != m.Plain {
			t.Errorf("FormatPlain(%d %s, %s) = %q, want %q", m.Minor, m.Currency, m.Country, got, m.Plain)
		}
	}
	for _, p := range c.Parse {
		got, err := Parse(p.Text, p.Currency, StyleFor(p.Country))
		switch {
		case p.Minor == nil && err == nil:
			t.Errorf("Parse(%q, %s) = %d, want an error", p.Text, p.Country, got)
		case p.Minor != nil && (err != nil || got != *p.Minor):
			t.Errorf("Parse(%q, %s) = %d, %v; want %d", p.Text, p.Country, got, err, *p.Minor)
		}
	}
}
