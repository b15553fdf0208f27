package bankfile

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestBuiltinProfiles_AreValidAndUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range BuiltinProfiles() {
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
		if seen[p.Name] {
			t.Errorf("two profiles named %s", p.Name)
		}
		seen[p.Name] = true
		data, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var back Profile
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, p) {
			t.Errorf("%s does not survive JSON", p.Name)
		}
	}
	for _, want := range []string{"cl-bancochile-cartola", "cl-bancochile-txt", "cl-bancochile-empresas", "cl-bci", "cl-santander",
		"cl-bancoestado", "cl-itau-movimientos", "cl-itau-historica", "cl-scotiabank", "co-bancolombia-txt", "co-bancolombia-csv",
		"mx-banorte", "mx-bbva", "mx-hsbc", "pe-bcp", "ar-galicia", "ar-nacion", "ar-mercadopago-release", "ar-mercadopago-account"} {
		if !seen[want] {
			t.Errorf("no built-in profile %s", want)
		}
	}
}

func TestGuessProfile_GenericNames(t *testing.T) {
	cases := []struct {
		name   string
		header []string
		sample [][]string
		roles  []Role
		date   string
		ok     bool
	}{
		{"Spanish, debit and credit", []string{"Fecha Operación", "Glosa", "N° Documento", "Cargos", "Abonos", "Saldo"},
			[][]string{{"02/10/2024", "TRANSF", "1", "", "450.000", "1.450.000"}},
			[]Role{RoleDate, RoleDescription, RoleReference, RoleDebit, RoleCredit, RoleBalance}, "dd/mm/yyyy", true},
		{"English, signed amount", []string{"Date", "Description", "Amount", "Balance"},
			[][]string{{"2024-10-02", "Payment", "-10.00", "90.00"}},
			[]Role{RoleDate, RoleDescription, RoleAmount, RoleBalance}, "yyyy-mm-dd", true},
		{"month first when the days say so", []string{"Fecha", "Concepto", "Importe"},
			[][]string{{"12/28/2017", "x", "1"}, {"12/29/2017", "y", "2"}},
			[]Role{RoleDate, RoleDescription, RoleAmount}, "mm/dd/yyyy", true},
		{"Retiros and Depósitos, currency in the name", []string{"Día", "Movimiento", "Retiros ($)", "Depósitos ($)"},
			nil, []Role{RoleDate, RoleDescription, RoleDebit, RoleCredit}, "dd/mm/yyyy", true},
		{"no amount", []string{"Fecha", "Descripción", "Saldo"}, nil, nil, "", false},
		{"no date", []string{"Descripción", "Monto"}, nil, nil, "", false},
	}
	for _, c := range cases {
		p, ok := GuessProfile(c.header, c.sample)
		if ok != c.ok {
			t.Errorf("%s: ok %v, want %v", c.name, ok, c.ok)
			continue
		}
		if !ok {
			continue
		}
		var roles []Role
		for _, col := range p.Columns {
			roles = append(roles, col.Role)
		}
		if !reflect.DeepEqual(roles, c.roles) {
			t.Errorf("%s: roles %v, want %v", c.name, roles, c.roles)
		}
		if len(p.Dates) == 0 || p.Dates[0] != c.date {
			t.Errorf("%s: dates %v, want %s first", c.name, p.Dates, c.date)
		}
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}
