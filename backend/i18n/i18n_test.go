package i18n

import (
	"regexp"
	"testing"
)

var placeholder = regexp.MustCompile(`\{[a-zA-Z]+\}`)

// Every text of the catalogue (messages, field names, export and dialog
// words) says something in Spanish and in English, and both languages name
// the same placeholders, so no user ever meets an empty or half-filled sentence.
func TestCatalogue_EveryKeyHasSpanishAndEnglish(t *testing.T) {
	for name, table := range map[string]map[string][2]string{"messages": messages, "fields": fields, "words": words} {
		if len(table) == 0 {
			t.Fatalf("%s is empty", name)
		}
		for key, v := range table {
			if v[0] == "" || v[1] == "" {
				t.Errorf("%s[%q] = %q: a language is missing", name, key, v)
			}
			es, en := placeholder.FindAllString(v[0], -1), placeholder.FindAllString(v[1], -1)
			if !sameSet(es, en) {
				t.Errorf("%s[%q]: placeholders %v in Spanish, %v in English", name, key, es, en)
			}
		}
	}
}

func sameSet(a, b []string) bool {
	in := map[string]int{}
	for _, x := range a {
		in[x]++
	}
	for _, x := range b {
		in[x]--
	}
	for _, n := range in {
		if n != 0 {
			return false
		}
	}
	return true
}

// Word and Message answer in the language asked, and an unknown word is itself.
func TestWord_AnswersInTheLanguageAsked(t *testing.T) {
	if Word("es", "dialog.open") != "Abrir cartera" || Word("en", "dialog.open") != "Open portfolio" {
		t.Errorf("dialog.open: %q / %q", Word("es", "dialog.open"), Word("en", "dialog.open"))
	}
	if Word("es", "no-such-word") != "no-such-word" {
		t.Error("an unknown word is not returned as it is")
	}
	if Message("en", "form.check", nil) != "Please fix the marked fields." {
		t.Errorf("form.check: %q", Message("en", "form.check", nil))
	}
}
