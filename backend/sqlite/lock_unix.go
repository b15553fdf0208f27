//go:build !windows

package sqlite

import (
	"errors"
	"os"
	"syscall"
)

const removeWhileOpen = true

func lockFile(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

func unlockFile(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

func isReadOnlyFS(err error) bool { return errors.Is(err, syscall.EROFS) }
