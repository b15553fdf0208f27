package reconcile

import (
	"slices"
	"testing"
)

// Bank text is folded (case, accents), split into chunks that keep the dots
// and dashes of numbers, and into words that join dotted initials.
func TestScanText_ChunksAndWords(t *testing.T) {
	cases := []struct {
		in            string
		chunks, words []string
	}{
		{"ABONO TERCEROS 16268796-4 A.PALMA SALDIV", []string{"abono", "terceros", "16268796-4", "a.palma", "saldiv"},
			[]string{"abono", "terceros", "16268796", "4", "a", "palma", "saldiv"}},
		{"Traspaso De:COMERCIAL SUR Y CÍA. LTDA.", []string{"traspaso", "de", "comercial", "sur", "y", "cia", "ltda"},
			[]string{"traspaso", "de", "comercial", "sur", "y", "cia", "ltda"}},
		{"Distribuidora Ñuñoa S.A. de C.V.", []string{"distribuidora", "nunoa", "s.a", "de", "c.v"},
			[]string{"distribuidora", "nunoa", "sa", "de", "cv"}},
		{"N°001-00001234", []string{"nro", "001-00001234"}, []string{"nro", "001", "00001234"}},
		{"IMP. DEB. Y CRED. LEY 25.413", []string{"imp", "deb", "y", "cred", "ley", "25.413"},
			[]string{"imp", "deb", "y", "cred", "ley", "25413"}},
		{"FACT 1234/1235 – pago", []string{"fact", "1234/1235", "pago"}, []string{"fact", "1234", "1235", "pago"}},
		{"$ 1.190.000,50 (CLP)", []string{"1.190.000", "50", "clp"}, []string{"1190000", "50", "clp"}},
		{"", nil, nil},
	}
	for _, c := range cases {
		got := scanText(c.in)
		var chunks []string
		for _, ch := range got.chunks {
			chunks = append(chunks, ch.s)
		}
		if !slices.Equal(chunks, c.chunks) || !slices.Equal(got.words, c.words) {
			t.Errorf("scanText(%q):\n chunks %q, want %q\n words  %q, want %q", c.in, chunks, c.chunks, got.words, c.words)
		}
	}
}
