//go:build windows

package sqlite

import (
	"os"

	"golang.org/x/sys/windows"
)

// Windows locks are mandatory, so lock a byte far past the holder's text:
// the other Cartera can still read who holds the portfolio.
const lockOffset = 1 << 30

const removeWhileOpen = false

func lockFile(f *os.File) error {
	ol := &windows.Overlapped{Offset: lockOffset}
	return windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
}

func unlockFile(f *os.File) {
	ol := &windows.Overlapped{Offset: lockOffset}
	windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, ol)
}

func isReadOnlyFS(err error) bool { return false }
