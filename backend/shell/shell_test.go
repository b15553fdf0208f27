package shell

import (
	"path/filepath"
	"reflect"
	"testing"

	"cartera/backend/ar"
)

func TestCommand_EachSystemOpensAndRevealsWithItsOwnProgram(t *testing.T) {
	file := filepath.Join("/home/ana/Documentos", "Clientes 2026.xlsx")
	cases := []struct {
		goos   string
		action Action
		name   string
		args   []string
	}{
		{"linux", Open, "xdg-open", []string{file}},
		{"linux", Reveal, "xdg-open", []string{filepath.Dir(file)}},
		{"freebsd", Open, "xdg-open", []string{file}},
		{"darwin", Open, "open", []string{file}},
		{"darwin", Reveal, "open", []string{"-R", file}},
		{"windows", Open, "cmd", []string{"/c", "start", "", file}},
		{"windows", Reveal, "explorer", []string{"/select," + file}},
	}
	for _, c := range cases {
		name, args := Command(c.goos, c.action, file)
		if name != c.name || !reflect.DeepEqual(args, c.args) {
			t.Errorf("%s %d: got %s %q, want %s %q", c.goos, c.action, name, args, c.name, c.args)
		}
	}
}

func TestOpener_OpensOnlyFilesWrittenInThisSession(t *testing.T) {
	var ran [][]string
	o := &Opener{goos: "linux", run: func(name string, args ...string) error {
		ran = append(ran, append([]string{name}, args...))
		return nil
	}}
	dir := t.TempDir()
	written := filepath.Join(dir, "Clientes.xlsx")
	o.Written.Add(written)

	for _, p := range []string{"/etc/passwd", filepath.Join(dir, "otro.xlsx"), "", dir} {
		err := o.Do(Open, p)
		if ar.ErrorCode(err) != ar.EInvalid {
			t.Errorf("Open(%q) = %v; want refused as not written by Cartera", p, err)
		}
	}
	if len(ran) != 0 {
		t.Fatalf("ran %q for files Cartera did not write", ran)
	}
	// The same file named another way is still the file that was written.
	if err := o.Do(Open, filepath.Join(dir, ".", "Clientes.xlsx")); err != nil {
		t.Fatal(err)
	}
	if err := o.Do(Reveal, written); err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"xdg-open", written}, {"xdg-open", dir}}
	if !reflect.DeepEqual(ran, want) {
		t.Errorf("ran %q, want %q", ran, want)
	}
}
