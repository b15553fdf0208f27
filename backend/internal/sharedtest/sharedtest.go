// Package sharedtest finds the team's shared test files for tests: the
// public sample bank statements in shared/testdata/bank beside the
// repository (or under $CARTERA_SHARED). They are read from there, never
// copied: several are under licences that keep them out of the repository.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// BankDir is shared/testdata/bank; the test fails (it is never skipped)
// when the folder is not there.
func BankDir(t testing.TB) string {
	t.Helper()
	root := os.Getenv("CARTERA_SHARED")
	if root == "" {
		wd, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		dir := wd
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				t.Fatalf("no go.mod above %s: cannot find the shared test files", wd)
			}
			dir = parent
		}
		root = filepath.Join(dir, "..", "shared")
	}
	bank := filepath.Join(root, "testdata", "bank")
	if st, err := os.Stat(bank); err != nil || !st.IsDir() {
		t.Fatalf("these tests need the shared sample bank files in %s (set CARTERA_SHARED to the folder holding testdata/bank)", bank)
	}
	return bank
}
