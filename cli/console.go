//go:build !windows

package cli

import (
	"io"
	"os"
)

// console returns the process's standard output and error.
func console() (io.Writer, io.Writer) { return os.Stdout, os.Stderr }
