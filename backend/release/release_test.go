package release

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestParse_DescribeGivesNameAndFourNumbers(t *testing.T) {
	for _, c := range []struct{ describe, name, numeric string }{
		{"v1.2.0", "1.2.0", "1.2.0.0"},
		{"1.2.0", "1.2.0", "1.2.0.0"},
		{"v1.2.0-3-g5dd8b78", "1.2.0-3-g5dd8b78", "1.2.0.3"},
		{"v1.2.0-3-g5dd8b78-dirty", "1.2.0-3-g5dd8b78-dirty", "1.2.0.3"},
		{"v2", "2", "2.0.0.0"},
		{"v0.9.1-rc1", "0.9.1-rc1", "0.9.1.0"},
		{"v0.9.1-rc1-12-gabcdef0", "0.9.1-rc1-12-gabcdef0", "0.9.1.12"},
		{"5dd8b78", "5dd8b78", "0.0.0.0"},
		{"1234567", "1234567", "0.0.0.0"},
		{"abcdef0-dirty", "abcdef0-dirty", "0.0.0.0"},
		{"v1.99999.0", "1.99999.0", "1.0.0.0"},
		{"", "dev", "0.0.0.0"},
		{" v1.0.0\n", "1.0.0", "1.0.0.0"},
	} {
		got := Parse(c.describe)
		if got.Name != c.name || got.Numeric != c.numeric {
			t.Errorf("Parse(%q) = %+v, want %q %q", c.describe, got, c.name, c.numeric)
		}
	}
}

func TestInstallerName_CarriesTheVersionName(t *testing.T) {
	if got := Parse("v1.2.0-3-g5dd8b78").InstallerName(); got != "Cartera-1.2.0-3-g5dd8b78-setup.exe" {
		t.Errorf("InstallerName = %q", got)
	}
}

func TestNSIS_DefinesVersionNumbersAndFileName(t *testing.T) {
	got := Parse("v1.2.0-3-gabc1234").NSIS()
	for _, want := range []string{
		`!define INFO_PRODUCTVERSION "1.2.0-3-gabc1234"`,
		`!define CARTERA_VERSION_NUMERIC "1.2.0.3"`,
		`!define CARTERA_INSTALLER "Cartera-1.2.0-3-gabc1234-setup.exe"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("NSIS() lacks %s:\n%s", want, got)
		}
	}
}

func TestWindowsInfo_IsTheVersionResourceWailsReads(t *testing.T) {
	b, err := Parse("v1.2.0").WindowsInfo("© Cartera", "Cobranza")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Fixed map[string]string            `json:"fixed"`
		Info  map[string]map[string]string `json:"info"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Fixed["file_version"] != "1.2.0.0" || got.Info["0000"]["ProductVersion"] != "1.2.0" ||
		got.Info["0000"]["CompanyName"] != "Cartera" || got.Info["0000"]["LegalCopyright"] != "© Cartera" {
		t.Errorf("WindowsInfo = %s", b)
	}
}

// fakeInstaller builds the parts of an NSIS installer InstallerStrings
// reads: a stub, the first header on a 512-byte boundary, and the header
// block, deflated, holding UTF-16 strings with a variable code.
func fakeInstaller(t *testing.T, texts ...[]uint16) string {
	t.Helper()
	var header bytes.Buffer
	header.Write(make([]byte, 40)) // the header's fixed fields
	for _, s := range texts {
		binary.Write(&header, binary.LittleEndian, append(s, 0))
	}
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression)
	w.Write(header.Bytes())
	w.Close()
	var exe bytes.Buffer
	exe.Write(make([]byte, 1024)) // the stub
	binary.Write(&exe, binary.LittleEndian, uint32(0))
	exe.Write(nsisSignature)
	binary.Write(&exe, binary.LittleEndian, []uint32{uint32(header.Len()), uint32(z.Len() + 4)})
	binary.Write(&exe, binary.LittleEndian, uint32(z.Len())|0x80000000)
	exe.Write(z.Bytes())
	path := filepath.Join(t.TempDir(), "setup.exe")
	if err := os.WriteFile(path, exe.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestInstallerStrings_ReadsRegistryKeysAndVariables(t *testing.T) {
	cmd := append([]uint16{'"', 3, 0x8095}, utf16.Encode([]rune(`\cartera.exe" "%1"`))...)
	path := fakeInstaller(t, utf16.Encode([]rune(`Software\Classes\.cartera`)), cmd, utf16.Encode([]rune("Cartera de cobranza")))
	got, err := InstallerStrings(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`Software\Classes\.cartera`, `"$\cartera.exe" "%1"`, "Cartera de cobranza"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("InstallerStrings = %q, want %q", got, want)
	}
}

func TestInstallerStrings_RefusesAFileThatIsNotAnInstaller(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.exe")
	os.WriteFile(path, bytes.Repeat([]byte("MZ"), 2000), 0o644)
	if _, err := InstallerStrings(path); err == nil {
		t.Error("no error for a file without an NSIS header")
	}
}
