package app

import (
	"sync"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// EventOpenFile asks the window to open a portfolio file Cartera was handed
// while running (a double-click on a .cartera file, a second launch, macOS's
// open-file event); data: the file's path. The window asks first when a
// form has unsaved changes, then opens it with Portfolios.Open.
const EventOpenFile = "open-file"

// Launch passes portfolio files handed to Cartera from outside to the
// window: the one on the command line waits until the window asks for it;
// later ones arrive as EventOpenFile, and the window comes to the front.
type Launch struct {
	s         *Session
	mu        sync.Mutex
	listening bool
	pending   string
}

// NewLaunch binds the hand-over of files from outside to the session.
func NewLaunch(s *Session) *Launch { return &Launch{s: s} }

// Request hands Cartera a portfolio file to open; "" only brings the window
// to the front (a second launch without a file).
func (l *Launch) Request(path string) {
	l.mu.Lock()
	listening := l.listening
	if !listening && path != "" {
		l.pending = path
	}
	l.mu.Unlock()
	if listening && path != "" {
		l.s.emit(EventOpenFile, path)
	}
	l.s.raise()
}

// Pending returns the file Cartera was started with ("" if none), once;
// the window calls it when it is ready, and from then on files arrive as
// EventOpenFile.
func (l *Launch) Pending() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.listening = true
	p := l.pending
	l.pending = ""
	return p
}

// raise brings the window to the front (nothing headless).
func (s *Session) raise() {
	if s.wails != nil {
		runtime.WindowUnminimise(s.wails)
		runtime.WindowShow(s.wails)
	}
}

// WindowTitle is the window's title: the open portfolio's name, then the
// program's, so that the taskbar tells two portfolios apart.
func WindowTitle(info PortfolioInfo) string {
	if !info.Open || info.Portfolio.Name == "" {
		return "Cartera"
	}
	return info.Portfolio.Name + " — Cartera"
}

// retitle shows the open portfolio in the window's title.
func (s *Session) retitle(info PortfolioInfo) {
	if s.wails != nil {
		runtime.WindowSetTitle(s.wails, WindowTitle(info))
	}
}
