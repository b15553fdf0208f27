package app

import (
	"encoding/json"
	"errors"
	"log"

	"cartera/backend/ar"
	"cartera/backend/i18n"
)

// ErrorDTO is what a failed call returns to JavaScript: a stable code, a
// sentence in the user's language, and one entry per field problem so a form
// can show each message under its field.
type ErrorDTO struct {
	Code    string     `json:"code"`
	Message string     `json:"message"`
	Issues  []IssueDTO `json:"issues"`
}

// IssueDTO is one field problem.
type IssueDTO struct {
	Field   string            `json:"field"`
	Key     string            `json:"key"`
	Params  map[string]string `json:"params"`
	Message string            `json:"message"` // without the field label
	Full    string            `json:"full"`    // with it
}

// ToDTO renders err for the frontend in lang.
func ToDTO(lang string, err error) ErrorDTO {
	out := ErrorDTO{Code: string(ar.ErrorCode(err)), Issues: []IssueDTO{}}
	var e *ar.Error
	if errors.As(err, &e) && len(e.Issues) > 0 {
		for _, is := range e.Issues {
			out.Issues = append(out.Issues, IssueDTO{Field: is.Field, Key: is.Key, Params: is.Params,
				Message: i18n.Message(lang, is.Key, is.Params), Full: i18n.Issue(lang, is)})
		}
		out.Message = out.Issues[0].Full
		if len(out.Issues) > 1 {
			out.Message = i18n.Message(lang, "form.check", nil)
		}
		if e.Code == ar.EInternal {
			log.Printf("internal error: %v", err)
		}
		return out
	}
	log.Printf("internal error: %v", err)
	out.Message = i18n.Error(lang, err)[0]
	return out
}

// ErrorFormatter is the Wails option that turns every error a bound method
// returns into an ErrorDTO in the current language, sent as its JSON text.
// The Wails 2.16 runtime rejects the call with new Error(<what this returns>)
// in the desktop window and in wails dev alike, so an object would arrive as
// the text "[object Object]"; a string arrives intact as the Error's message,
// and frontend/src/api parses it back.
func ErrorFormatter(s *Session) func(error) any {
	return func(err error) any { return ErrorJSON(s.Lang(), err) }
}

// ErrorJSON is ToDTO as JSON text, what ErrorFormatter hands to the runtime.
func ErrorJSON(lang string, err error) string {
	b, _ := json.Marshal(ToDTO(lang, err)) // strings and maps of strings always marshal
	return string(b)
}
