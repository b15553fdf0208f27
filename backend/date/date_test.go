package date

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParse_RejectsImpossibleDays(t *testing.T) {
	for _, s := range []string{"2026-02-31", "2026-13-01", "2026-00-10", "31/02/2026", "", "2026-2-3"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) accepted an impossible date", s)
		}
	}
	if got := MustParse("2024-02-29"); got != (Date{2024, time.February, 29}) {
		t.Errorf("leap day: got %v", got)
	}
}

func TestAddMonths_ClampsToMonthEnd(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"2026-01-31", 1, "2026-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2026-03-15", -3, "2025-12-15"},
		{"2026-12-31", 2, "2027-02-28"},
	}
	for _, tt := range tests {
		if got := MustParse(tt.in).AddMonths(tt.n).String(); got != tt.want {
			t.Errorf("%s + %d months = %s, want %s", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestDaysSince_CountsAcrossYears(t *testing.T) {
	if got := MustParse("2027-01-01").DaysSince(MustParse("2026-12-01")); got != 31 {
		t.Errorf("got %d, want 31", got)
	}
	if got := MustParse("2026-01-01").DaysSince(MustParse("2026-03-01")); got != -59 {
		t.Errorf("got %d, want -59", got)
	}
}

func TestJSON_RoundTripAndZero(t *testing.T) {
	b, _ := json.Marshal(struct{ D, Z Date }{D: MustParse("2026-11-23")})
	if string(b) != `{"D":"2026-11-23","Z":""}` {
		t.Fatalf("got %s", b)
	}
	var v struct{ D, Z Date }
	if err := json.Unmarshal(b, &v); err != nil || v.D != MustParse("2026-11-23") || !v.Z.IsZero() {
		t.Fatalf("round trip: %v %v", v, err)
	}
	if err := json.Unmarshal([]byte(`{"D":"2026-02-30"}`), &v); err == nil {
		t.Fatal("accepted 2026-02-30")
	}
}

func TestCompare_OrdersByCalendar(t *testing.T) {
	a, b := MustParse("2026-01-31"), MustParse("2026-02-01")
	if !a.Before(b) || !b.After(a) || a.Compare(a) != 0 {
		t.Fatal("ordering is wrong")
	}
}
