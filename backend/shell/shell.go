// Package shell hands files that Cartera wrote to the computer's own programs:
// it opens an exported spreadsheet, or shows it in its folder. Only files
// written in this session can be handed over, so a page cannot make the
// computer open whatever path it names.
package shell

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"

	"cartera/backend/ar"
)

// Action is what to do with a file.
type Action int

// The actions on a written file.
const (
	Open   Action = iota // open the file with its usual program
	Reveal               // show the file selected in its folder
)

// Command returns the program and arguments that perform action on path
// under the operating system goos (as runtime.GOOS names it).
func Command(goos string, action Action, path string) (name string, args []string) {
	switch goos {
	case "darwin":
		if action == Reveal {
			return "open", []string{"-R", path}
		}
		return "open", []string{path}
	case "windows":
		if action == Reveal {
			return "explorer", []string{"/select," + path}
		}
		// start's first quoted argument is a window title, hence the empty one.
		return "cmd", []string{"/c", "start", "", path}
	default:
		// Linux and the BSDs: the desktop's file manager has no portable
		// "select this file", so showing it opens its folder.
		if action == Reveal {
			return "xdg-open", []string{filepath.Dir(path)}
		}
		return "xdg-open", []string{path}
	}
}

// Written is the set of files Cartera wrote in this session; it is safe for
// concurrent use.
type Written struct {
	mu    sync.Mutex
	paths map[string]bool
}

// key is the form a path is remembered and looked up in.
func key(path string) (string, bool) {
	if path == "" {
		return "", false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	return filepath.Clean(abs), true
}

// Add remembers that Cartera wrote path.
func (w *Written) Add(path string) {
	k, ok := key(path)
	if !ok {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.paths == nil {
		w.paths = map[string]bool{}
	}
	w.paths[k] = true
}

// Has reports whether Cartera wrote path in this session.
func (w *Written) Has(path string) bool {
	k, ok := key(path)
	if !ok {
		return false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.paths[k]
}

// Opener opens and reveals the files of its Written set, and no others.
type Opener struct {
	Written Written
	goos    string
	run     func(name string, args ...string) error
}

// NewOpener returns an opener for this computer; programs are started
// without waiting for them to end.
func NewOpener() *Opener {
	return NewOpenerFor(runtime.GOOS, func(name string, args ...string) error {
		cmd := exec.Command(name, args...)
		if err := cmd.Start(); err != nil {
			return err
		}
		go cmd.Wait() //nolint:errcheck // the program's exit status says nothing about the file
		return nil
	})
}

// NewOpenerFor returns an opener that runs programs for goos with run; tests record instead.
func NewOpenerFor(goos string, run func(name string, args ...string) error) *Opener {
	return &Opener{goos: goos, run: run}
}

// Do performs action on path if Cartera wrote it in this session.
func (o *Opener) Do(action Action, path string) error {
	if !o.Written.Has(path) {
		return ar.Errorf(ar.EInvalid, "path", "shell.not_written", "path", path)
	}
	name, args := Command(o.goos, action, path)
	if err := o.run(name, args...); err != nil {
		return ar.Wrap(ar.EInternal, err, "shell.failed", "path", path)
	}
	return nil
}

// OpenFolder opens a folder Cartera itself names (where portfolios, backups
// or settings are) in the computer's file manager, making it first if it is
// not there yet. Callers pass only folders of their own, never a page's path.
func (o *Opener) OpenFolder(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ar.Wrap(ar.EInternal, err, "shell.failed", "path", dir)
	}
	name, args := Command(o.goos, Open, dir)
	if err := o.run(name, args...); err != nil {
		return ar.Wrap(ar.EInternal, err, "shell.failed", "path", dir)
	}
	return nil
}
