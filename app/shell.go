package app

import (
	"cartera/backend/ar"
	"cartera/backend/shell"
)

// Shell hands the files Cartera wrote in this session (exports) to the
// computer's own programs; any other path is refused.
type Shell struct{ s *Session }

// NewShell binds the shell actions to the session.
func NewShell(s *Session) *Shell { return &Shell{s} }

// Open opens path with its usual program (a spreadsheet in Excel or LibreOffice).
func (x *Shell) Open(path string) error { return x.s.opener.Do(shell.Open, path) }

// Reveal shows path in its folder.
func (x *Shell) Reveal(path string) error { return x.s.opener.Do(shell.Reveal, path) }

// OpenFolder opens one of Cartera's own folders, as About lists them:
// "portfolios", "backups" (the open portfolio's) or "settings".
func (x *Shell) OpenFolder(which string) error {
	a := NewPreferences(x.s).About()
	dir := map[string]string{"portfolios": a.Portfolios, "backups": a.Backups, "settings": a.Settings}[which]
	if dir == "" {
		return ar.Errorf(ar.EInvalid, "folder", "shell.no_folder", "value", which)
	}
	return x.s.opener.OpenFolder(dir)
}
