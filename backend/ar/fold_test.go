package ar

import "testing"

// The fast path and the Unicode decomposition must agree.
func TestFold_FastPathMatchesDecomposition(t *testing.T) {
	for _, s := range []string{"Peña", "JOSÉ ÁLVAREZ", "Müller ç", "Nº 12 ª", "plain ascii 123", "Łódź", "Ǆ", "İstanbul", "a\u0301"} {
		got := Fold(s)
		want := foldSlow(s)
		if got != want {
			t.Errorf("Fold(%q) = %q, decomposition gives %q", s, got, want)
		}
	}
	if Fold("Peña Ñuñoa") != "pena nunoa" {
		t.Errorf("Fold(Peña Ñuñoa) = %q", Fold("Peña Ñuñoa"))
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Peña", "ÁÉÍÓÚ", "x\u00a0y", "Ω"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if r, ok := foldCommon(s); ok && r != foldSlow(s) {
			t.Errorf("foldCommon(%q) = %q, decomposition gives %q", s, r, foldSlow(s))
		}
	})
}
