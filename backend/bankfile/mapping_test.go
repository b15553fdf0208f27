package bankfile

import (
	"os"
	"path/filepath"
	"testing"
)

// A bank Cartera does not know, with column names no alias covers: the
// wizard's sample shows its rows, and the user's mapping makes a profile that
// then reads the file (and the next one of that bank) by itself.
func TestMapping_AnUnknownLayoutBecomesAProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "extracto.csv")
	os.WriteFile(path, []byte("Banco Andino - Extracto de cuenta\n"+
		"Cuenta 445-11\n"+
		"\n"+
		"Dia;Texto del movimiento;Sale;Entra;Queda\n"+
		"03/11/2026;PAGO FACTURA 1001 COMERCIAL SUR;;1.190.000,00;2.190.000,00\n"+
		"04/11/2026;CARGO MANTENCION;5.950,00;;2.184.050,00\n"), 0o644)
	if _, err := Read(path, Options{Currency: "COP", Country: "CO"}); err == nil {
		t.Fatal("an unknown layout was read without a mapping")
	}
	s, err := ReadSample(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Rows) != 5 || s.Rows[2].Line != 4 || s.Rows[2].Cells[1] != "Texto del movimiento" {
		t.Fatalf("sample rows %+v", s.Rows)
	}
	m := Mapping{Name: "Banco Andino", HeaderLine: 4, Roles: []Role{RoleDate, RoleDescription, RoleDebit, RoleCredit, RoleBalance}, DateLayout: "dd/mm/yyyy", Decimal: ","}
	p, err := s.ProfileFrom(m)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Read(path, Options{Currency: "COP", Country: "CO", Profile: "Banco Andino", Profiles: []Profile{p}})
	if err != nil {
		t.Fatal(err)
	}
	ls := f.Statements[0].Lines
	if len(ls) != 2 || ls[0].Amount != 119_000_000 || ls[1].Amount != -595_000 || ls[0].Row != 5 || *ls[1].Balance != 218_405_000 {
		t.Fatalf("lines %+v", ls)
	}
	// Saved, the profile is found without naming it.
	if f, err := Read(path, Options{Currency: "COP", Country: "CO", Profiles: []Profile{p}}); err != nil || f.Profile != "Banco Andino" {
		t.Fatalf("detected %q, %v", f.Profile, err)
	}
	for _, bad := range []struct {
		m   Mapping
		key string
	}{
		{Mapping{Name: "", HeaderLine: 4, Roles: m.Roles}, "bank.mapping.name"},
		{Mapping{Name: "x", HeaderLine: 99, Roles: m.Roles}, "bank.mapping.header"},
		{Mapping{Name: "x", HeaderLine: 4, Roles: []Role{"", RoleDescription, RoleDebit}}, "bank.mapping.no_date"},
		{Mapping{Name: "x", HeaderLine: 4, Roles: []Role{RoleDate, RoleDescription}}, "bank.mapping.no_amount"},
		{Mapping{Name: "x", HeaderLine: 4, Roles: []Role{RoleDate, RoleAmount, RoleDebit}}, "bank.mapping.amount_twice"},
		{Mapping{Name: "x", HeaderLine: 5, Roles: []Role{RoleDate, RoleDescription, RoleDebit}}, "bank.mapping.unnamed"},
	} {
		_, err := s.ProfileFrom(bad.m)
		if e, ok := err.(*Error); !ok || e.Key != bad.key {
			t.Errorf("%+v: %v; want %s", bad.m, err, bad.key)
		}
	}
}
