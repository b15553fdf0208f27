# Cartera — build, run and test from a fresh Debian/Ubuntu machine.
#   make run    installs what is missing, builds, and opens the app
#   make test   installs what is missing and runs every test layer
#   make dist   the Linux binary, the Windows installer and SHA256SUMS in dist/
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

WAILS_VERSION := v2.16.0
GOBIN := $(shell go env GOPATH 2>/dev/null)/bin
WAILS := $(GOBIN)/wails
TAGS := webkit2_41
# The version is the git tag without its "v" ("1.2.0", "1.2.0-3-g5dd8b78",
# a commit before any tag); `cartera version` and the installer's name carry it.
VERSION ?= $(patsubst v%,%,$(shell git describe --tags --always --dirty 2>/dev/null || echo dev))
LDFLAGS := -X main.version=$(VERSION)
APT_PACKAGES := libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config build-essential \
	xvfb xauth dbus-x11 xdotool imagemagick chromium poppler-utils fonts-dejavu-core tesseract-ocr curl sqlite3 \
	nsis p7zip-full
GO_PKGS = $$(go list ./... | grep -v /node_modules/)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help deps apt wails-cli npm frontend build run test go-test vet frontend-test e2e smoke windows \
	installer installer-check single-instance dist mac bench clean

help:
	@echo "make run     install what is missing, build and open Cartera"
	@echo "make test    install what is missing and run all tests"
	@echo "make build   build the desktop binary into build/bin/cartera"
	@echo "make dist    the Linux binary, the Windows installer and SHA256SUMS into dist/"
	@echo "make bench   run the benchmarks (figures, not pass/fail)"

deps: apt wails-cli npm

apt:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

wails-cli:
	@if ! $(WAILS) version 2>/dev/null | grep '$(WAILS_VERSION)' >/dev/null; then \
		echo "installing wails $(WAILS_VERSION)"; \
		go install github.com/wailsapp/wails/v2/cmd/wails@$(WAILS_VERSION); \
	fi

npm: frontend/node_modules/.package-lock.json

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

frontend: npm
	cd frontend && npm run build

build: deps frontend
	$(WAILS) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -s -m -nosyncgomod
	@echo "built build/bin/cartera"

run: build
	./build/bin/cartera

vet: frontend
	go vet $(GO_PKGS)

# The race detector for everything that runs goroutines; the command line's
# tests without it: they kill child processes 40 times, which -race makes ten
# times slower without finding anything a child process could race on.
go-test: frontend
	go test -race -count=1 -timeout 30m $$(go list ./... | grep -v -e /node_modules/ -e /cli$$)
	go test -count=1 -timeout 30m ./cli/

frontend-test: npm
	cd frontend && npx tsc --noEmit && npx vitest run

e2e: deps
	scripts/e2e.sh

smoke: build
	scripts/smoke.sh build/bin/cartera

windows: frontend
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -tags desktop,production \
		-ldflags "-H windowsgui $(LDFLAGS)" -o build/bin/cartera.exe .
	@echo "cross-compiled build/bin/cartera.exe"

# The Windows installer, built on Linux: the program cross-compiled (no cgo)
# and wrapped by NSIS (build/windows/installer/project.nsi). scripts/release
# writes the version into the installer's defines and the program's version
# resource (generated files, not committed).
INSTALLER := build/bin/Cartera-$(VERSION)-setup.exe
installer: deps frontend
	rm -f build/bin/Cartera-*-setup.exe
	go run ./scripts/release -version "$(VERSION)"
	$(WAILS) build -tags $(TAGS) -platform windows/amd64 -nsis -ldflags "$(LDFLAGS)" -s -m -nosyncgomod
	@test -f $(INSTALLER) && echo "built $(INSTALLER)"

# What the installer holds (the program, the uninstaller, the .cartera
# association) and that its name carries `cartera version`.
installer-check: installer build
	scripts/installer-check.sh $(INSTALLER) build/bin/cartera

# Two real processes under Xvfb: the second `cartera B.cartera` hands B to the
# first window and exits.
single-instance: build
	scripts/single-instance.sh build/bin/cartera

# On a Mac (Xcode command-line tools, Go, Node, the Wails CLI): Cartera.app
# for Intel and Apple silicon, its version stamped from the git tag. Sign and
# notarize it afterwards (README, "Building for Windows and macOS").
mac: frontend
	$(WAILS) build -platform darwin/universal -ldflags "$(LDFLAGS)" -s -m -nosyncgomod
	go run ./scripts/release -version "$(VERSION)" -plist build/bin/cartera.app/Contents/Info.plist
	rm -rf build/bin/Cartera-tmp.app && mv build/bin/cartera.app build/bin/Cartera-tmp.app
	mv build/bin/Cartera-tmp.app build/bin/Cartera.app
	@echo "built build/bin/Cartera.app $(VERSION)"

dist: installer build
	rm -rf dist && mkdir -p dist
	cp build/bin/cartera dist/cartera-$(VERSION)-linux-amd64
	cp $(INSTALLER) dist/
	cd dist && sha256sum * > SHA256SUMS
	@ls -l dist && cat dist/SHA256SUMS

# Every layer, in order of cost. `go build` and `wails build` share the Go
# cache, so the later steps are mostly linking. The installer's build
# cross-compiles the Windows program, so a Windows-only break is caught here.
test: deps vet go-test frontend-test installer-check smoke single-instance e2e
	@echo "make test: all layers passed"

bench:
	go test -run '^$$' -bench . -benchmem ./backend/...
	scripts/bench-demo.sh
	scripts/bench-import.sh
	scripts/bench-bank.sh

clean:
	rm -rf build/bin dist frontend/dist/assets frontend/dist/index.html
