// Command release carries the build's version into the Windows installer
// without committing a file that changes at every build, and reads an
// installer back for its test.
//
//	go run ./scripts/release -version "$(git describe --tags --always --dirty)"
//
// writes build/windows/installer/release.nsh (the installer's version and
// file name) and build/windows/info.json (the program's version resource)
// and prints the installer's file name;
//
//	go run ./scripts/release -strings build/bin/Cartera-1.2.0-setup.exe
//
// prints the text in the installer's script (registry keys, values,
// shortcut names), one string a line;
//
//	go run ./scripts/release -version "$(git describe …)" -plist build/bin/Cartera.app/Contents/Info.plist
//
// stamps the version into a macOS app built by `wails build` (on a Mac).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"cartera/backend/release"
)

func main() {
	version := flag.String("version", "", "the build's version, as git describe prints it")
	build := flag.String("build", "build", "the Wails build folder")
	installer := flag.String("strings", "", "an installer whose script's strings to print")
	plist := flag.String("plist", "", "a built app's Info.plist to stamp with the version")
	flag.Parse()
	if err := run(*version, *build, *installer, *plist); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run(version, build, installer, plist string) error {
	if installer != "" {
		strs, err := release.InstallerStrings(installer)
		for _, s := range strs {
			fmt.Println(s)
		}
		return err
	}
	v := release.Parse(version)
	if plist != "" {
		b, err := os.ReadFile(plist)
		if err == nil {
			b, err = v.StampPlist(b)
		}
		if err == nil {
			err = os.WriteFile(plist, b, 0o644)
		}
		return err
	}
	info, err := v.WindowsInfo("© Cartera", "Cuentas por cobrar y cobranza / Accounts receivable and collections")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(build, "windows", "info.json"), append(info, '\n'), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(build, "windows", "installer", "release.nsh"), []byte(v.NSIS()), 0o644); err != nil {
		return err
	}
	fmt.Println(v.InstallerName())
	return nil
}
