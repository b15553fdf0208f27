// Command cartera is the Cartera desktop app. With no arguments it opens the
// window; with a subcommand (cartera help) it works headless on the same backend.
package main

import (
	"context"
	"embed"
	"log"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/mac"
	"github.com/wailsapp/wails/v2/pkg/options/windows"

	"cartera/app"
	"cartera/backend/settings"
	"cartera/cli"
)

//go:embed all:frontend/dist
var assets embed.FS

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		os.Exit(cli.Run(os.Args[1:], cli.Env{Version: version, Stdout: os.Stdout, Stderr: os.Stderr}))
	}
	s := app.NewSession(app.Config{Settings: settings.Open(settings.Dir()), Version: version})
	portfolios := app.NewPortfolios(s)
	// `cartera FILE.cartera` (a double-click on a portfolio) opens it once the
	// window is up: only then is it sure that no other Cartera is running
	// (a second one hands the file to the first and exits, opening nothing).
	launch := app.NewLaunch(s)
	wd, _ := os.Getwd()
	if path := cli.PortfolioArg(os.Args[1:], wd); path != "" {
		launch.Request(path)
	}
	err := wails.Run(&options.App{
		Title:            "Cartera",
		Width:            1280,
		Height:           800,
		MinWidth:         960,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 248, G: 249, B: 250, A: 1},
		OnStartup:        s.Startup,
		OnShutdown:       func(_ context.Context) { s.Shutdown() },
		ErrorFormatter:   app.ErrorFormatter(s),
		// A file dropped on the window opens the import wizard.
		DragAndDrop: &options.DragAndDrop{EnableFileDrop: true, DisableWebViewDrop: true},
		// One Cartera at a time (a named mutex on Windows and macOS, D-Bus on
		// Linux): a second launch passes its file to the running window.
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId: "com.cartera.app",
			OnSecondInstanceLaunch: func(d options.SecondInstanceData) {
				launch.Request(cli.PortfolioArg(d.Args, d.WorkingDirectory))
			},
		},
		Bind: []any{
			portfolios, launch, app.NewClients(s), app.NewInvoices(s), app.NewPayments(s), app.NewPreferences(s), app.NewExports(s), app.NewImports(s), app.NewShell(s), app.NewBank(s),
		},
		Linux:   &linux.Options{ProgramName: "cartera"},
		Windows: &windows.Options{},
		// macOS hands a double-clicked file to the running app, not on the command line.
		Mac: &mac.Options{OnFileOpen: launch.Request},
	})
	if err != nil {
		log.Fatal(err)
	}
}
