package cli

import (
	"path/filepath"
	"strings"
)

// PortfolioArg returns the portfolio file a window start was given — what a
// double-click on a .cartera file, or "Open with", passes — made absolute
// against dir, the folder the launch came from (a second launch hands its
// own). It is "" when no argument names a .cartera file; arguments the
// system adds (macOS's -psn_…) are passed over.
func PortfolioArg(args []string, dir string) string {
	for _, a := range args {
		if strings.HasPrefix(a, "-") || !strings.EqualFold(filepath.Ext(a), ".cartera") {
			continue
		}
		if !filepath.IsAbs(a) && dir != "" {
			a = filepath.Join(dir, a)
		}
		return filepath.Clean(a)
	}
	return ""
}
