package cli

import (
	"path/filepath"
	"testing"
)

func TestPortfolioArg_PicksTheCarteraFileMadeAbsolute(t *testing.T) {
	dir := filepath.FromSlash("/home/ana/Documentos")
	abs := filepath.FromSlash("/srv/carteras/Beta.cartera")
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"none", nil, ""},
		{"absolute", []string{abs}, abs},
		{"relative to the launch folder", []string{"Alfa.cartera"}, filepath.Join(dir, "Alfa.cartera")},
		{"upper-case extension", []string{"ALFA.CARTERA"}, filepath.Join(dir, "ALFA.CARTERA")},
		{"dot-dot cleaned", []string{"../Alfa.cartera"}, filepath.FromSlash("/home/ana/Alfa.cartera")},
		{"macOS process serial number passed over", []string{"-psn_0_12345", abs}, abs},
		{"another kind of file", []string{"clientes.xlsx"}, ""},
		{"a flag that looks like one", []string{"-x.cartera"}, ""},
		{"the first of two", []string{abs, "Alfa.cartera"}, abs},
	} {
		if got := PortfolioArg(c.args, dir); got != c.want {
			t.Errorf("%s: PortfolioArg(%q) = %q, want %q", c.name, c.args, got, c.want)
		}
	}
}
