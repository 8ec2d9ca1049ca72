package stdlib

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"
)

// TestFmtLikeGo runs testdata/fmt.go, which prints values of declared types
// with fmt's verbs, with go run and in the interpreter, compiling first and
// noting the types as the engine does, and compares the output.
func TestFmtLikeGo(t *testing.T) {
	want, src := goRunTestdata(t, "fmt.go")
	h := newFake(true)
	h.run(t, func() {
		i := interp.New(interp.Options{})
		if err := useAll(i, h, false); err != nil {
			t.Fatal(err)
		}
		p, err := i.Compile(string(src))
		if err != nil {
			t.Fatal(err)
		}
		NoteTypes(i)
		if _, err := i.ExecuteWithContext(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	})
	got, stderr, _ := h.record()
	if stderr != "" {
		t.Errorf("stderr: %s", stderr)
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			t.Errorf("line %d:\n go:     %s\n concur: %s", i+1, w, g)
		}
	}
}

// TestNoteTypes pins what NoteTypes reads from yaegi's own records: if a
// yaegi release changes them, this fails (and fmt quietly goes back to
// printing types as the interpreter sees them).
func TestNoteTypes(t *testing.T) {
	i := interp.New(interp.Options{})
	if err := useAll(i, newFake(true), false); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval("type pair struct { key string; Value int }\ntype twin struct { key string; Value int }\ntype solo struct{ n float64 }"); err != nil {
		t.Fatal(err)
	}
	NoteTypes(i)
	v, err := i.Eval("solo{}")
	if err != nil {
		t.Fatal(err)
	}
	info := lookupStruct(v.Type())
	if info.name != "main.solo" || !reflect.DeepEqual(info.fields, []string{"n"}) {
		t.Errorf("solo: %+v", info)
	}
	v, _ = i.Eval("pair{}")
	if info := lookupStruct(v.Type()); info.name != "" || !reflect.DeepEqual(info.fields, []string{"key", "Value"}) {
		t.Errorf("pair and twin have the same reflect type, so neither name: %+v", info)
	}
}
