package sqlite

import (
	"encoding/json"
	"errors"
	"os"
	"time"

	"cartera/backend/ar"
)

// fileLock keeps a second Cartera (or a second window of this one) from
// opening a portfolio that is open. It is an OS lock on "<portfolio>-lock":
// the OS drops it when the process dies, so a crash never leaves a portfolio
// locked, and the file's text says who holds it for the message to the other user.
type fileLock struct {
	f    *os.File
	path string
}

// lockInfo is what the lock file says about its holder.
type lockInfo struct {
	User   string    `json:"user"`
	Host   string    `json:"host"`
	PID    int       `json:"pid"`
	Holder string    `json:"holder"`
	Since  time.Time `json:"since" ts_type:"string"`
}

func acquireLock(portfolio, holder string) (*fileLock, error) {
	path := portfolio + "-lock"
	for attempt := 0; attempt < 3; attempt++ {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			if errors.Is(err, os.ErrPermission) || isReadOnlyFS(err) {
				return nil, ar.Wrap(ar.EReadOnly, err, "portfolio.read_only", "path", portfolio)
			}
			return nil, ar.Wrap(ar.EInternal, err, "portfolio.cannot_read", "path", portfolio)
		}
		if err := lockFile(f); err != nil {
			info := readLockInfo(f)
			f.Close()
			return nil, ar.Errorf(ar.ELocked, "path", "portfolio.locked", "path", portfolio,
				"user", info.User, "host", info.Host, "since", info.Since.Local().Format("2006-01-02 15:04"))
		}
		// The holder before us may have removed the file between our open and
		// our lock; then we hold a lock on a file nobody else can see. Retry.
		if !sameFile(f, path) {
			unlockFile(f)
			f.Close()
			continue
		}
		host, _ := os.Hostname()
		info := lockInfo{User: osUser(), Host: host, PID: os.Getpid(), Holder: holder, Since: time.Now().UTC()}
		b, _ := json.Marshal(info)
		f.Truncate(0)
		f.WriteAt(b, 0)
		return &fileLock{f: f, path: path}, nil
	}
	return nil, ar.Errorf(ar.ELocked, "path", "portfolio.locked", "path", portfolio)
}

func readLockInfo(f *os.File) lockInfo {
	var info lockInfo
	b := make([]byte, 4096)
	n, _ := f.ReadAt(b, 0)
	json.Unmarshal(b[:n], &info)
	if info.User == "" {
		info.User = "?"
	}
	return info
}

func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	if removeWhileOpen {
		os.Remove(l.path) // before unlocking, so nobody locks a file that is about to vanish
	}
	unlockFile(l.f)
	l.f.Close()
	if !removeWhileOpen {
		os.Remove(l.path) // Windows cannot remove an open file
	}
	l.f = nil
}

func sameFile(f *os.File, path string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}
