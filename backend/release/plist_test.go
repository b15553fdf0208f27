package release

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"strings"
	"testing"
	"text/template"
)

// project is the part of wails.json the build templates read, in the shape
// Wails hands them (pkg/buildassets: Name, Info, OutputFilename).
type project struct {
	Name           string `json:"name"`
	OutputFilename string `json:"outputfilename"`
	Info           struct {
		CompanyName, ProductName, ProductVersion string
		Copyright, Comments                      *string
		FileAssociations                         []struct{ Ext, Name, Description, IconName, Role string }
	} `json:"info"`
}

// renderPlist fills build/darwin/<name> from wails.json the way `wails build` does on a Mac.
func renderPlist(t *testing.T, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile("../../wails.json")
	if err != nil {
		t.Fatal(err)
	}
	var p project
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../build/darwin/" + name)
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := template.New(name).Funcs(template.FuncMap{"xml": func(s string) string { return s }, "safeBundleID": func(s string) string { return s }}).Parse(string(src))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := tmpl.Execute(&out, p); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// wellFormed fails the test unless b parses as XML to the end.
func wellFormed(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	for {
		if _, err := d.Token(); err == io.EOF {
			return
		} else if err != nil {
			t.Fatalf("Info.plist is not well-formed XML: %v", err)
		}
	}
}

func TestInfoPlist_DeclaresTheBundleAndThePortfolioDocumentType(t *testing.T) {
	for _, name := range []string{"Info.plist", "Info.dev.plist"} {
		got := renderPlist(t, name)
		wellFormed(t, got)
		s := strings.Join(strings.Fields(string(got)), " ")
		for _, want := range []string{
			"<key>CFBundleIdentifier</key> <string>com.cartera.app</string>",
			"<key>CFBundleName</key> <string>Cartera</string>",
			"<key>CFBundleExecutable</key> <string>cartera</string>",
			"<key>CFBundleTypeExtensions</key> <array> <string>cartera</string> </array>",
			"<key>CFBundleTypeName</key> <string>Cartera de cobranza</string>",
			"<key>CFBundleTypeIconFile</key> <string>portfolio</string>",
			"<key>LSItemContentTypes</key> <array> <string>com.cartera.portfolio</string> </array>",
			"<key>UTTypeIdentifier</key> <string>com.cartera.portfolio</string>",
			"<key>public.filename-extension</key> <array> <string>cartera</string> </array>",
			"<key>NSHumanReadableCopyright</key> <string>© Cartera</string>",
		} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
	}
}

func TestStampPlist_WritesTheTagsVersion(t *testing.T) {
	got, err := Parse("v1.4.2-7-gabc1234").StampPlist(renderPlist(t, "Info.plist"))
	if err != nil {
		t.Fatal(err)
	}
	wellFormed(t, got)
	s := strings.Join(strings.Fields(string(got)), " ")
	for _, want := range []string{
		"<key>CFBundleShortVersionString</key> <string>1.4.2</string>",
		"<key>CFBundleVersion</key> <string>1.4.2</string>",
		"<key>CFBundleGetInfoString</key> <string>Cartera 1.4.2-7-gabc1234</string>",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("stamped Info.plist lacks %s", want)
		}
	}
	if _, err := Parse("v1").StampPlist([]byte("<plist/>")); err == nil {
		t.Error("no error for a plist without the version keys")
	}
}
