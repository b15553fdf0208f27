//go:build windows

package cli

import (
	"io"
	"os"
	"syscall"
)

// console attaches to the console of the program that started Cartera (cmd.exe,
// PowerShell): the desktop binary is built as a GUI program and has none of its own.
func console() (io.Writer, io.Writer) {
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(attachParentProcess); r != 0 {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			return f, f
		}
	}
	return os.Stdout, os.Stderr
}
