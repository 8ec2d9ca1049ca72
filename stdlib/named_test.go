package stdlib

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

func TestNamedPoolUpToDate(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	tmp := t.TempDir()
	if out, err := exec.Command(goTool, "run", "./internal/namedgen", "-o", tmp).CombinedOutput(); err != nil {
		t.Fatalf("go run ./internal/namedgen: %v\n%s", err, out)
	}
	want, _ := os.ReadFile(filepath.Join(tmp, "named_pool.go"))
	got, err := os.ReadFile("named_pool.go")
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("named_pool.go is stale (%v): run go generate in stdlib", err)
	}
}

// TestNamedSlots checks that a pool type prints under the name NameSlot
// gave it, in fmt's %T and %#v, inside composite types, in a panic's text
// and in the interpreter's words for a failed assertion, and that a slot
// without a name prints as the runtime names it.
func TestNamedSlots(t *testing.T) {
	slot, ok := NamedSlot(reflect.Int, 3)
	if !ok || slot != "Named_int_3" {
		t.Fatalf("NamedSlot(Int, 3) = %q, %v", slot, ok)
	}
	if _, ok := NamedSlot(reflect.Bool, 0); ok {
		t.Errorf("NamedSlot(Bool, 0) has a slot: the interpreter fails on untyped booleans given to compiled types on bool")
	}
	if _, ok := NamedSlot(reflect.Int, namedSlots); ok {
		t.Errorf("NamedSlot(Int, %d) has a slot past the pool's end", namedSlots)
	}
	NameSlot(reflect.Int, 3, "main.ID")
	NameSlot(reflect.String, 3, "main.key")
	// As the interpreter makes a struct type: without a name.
	type user = struct {
		ID   Named_int_3
		Tags []Named_int_3
	}
	var v any = Named_int_3(7)
	for _, c := range []struct{ got, want string }{
		{sprintf("%T %v %d %#v", v, v, v, v), "main.ID 7 7 7"},
		{sprintf("%T %#v", []Named_int_3{1}, map[Named_string_3]Named_int_3{"a": 2}), `[]main.ID map[main.key]main.ID{"a":2}`},
		{sprintf("%#v", user{1, []Named_int_3{3}}), "struct { ID main.ID; Tags []main.ID }{ID:1, Tags:[]main.ID{3}}"},
		{sprint(true, []any{v, Named_string_3("k")}), "7 k\n"},
		{PanicValueText(v), "main.ID(7)"},
		{PanicValueText(Named_string_3("k")), `main.key("k")`},
		{withProgramNames("interface conversion: interface {} is stdlib.Named_int_3, not int"), "interface conversion: interface {} is main.ID, not int"},
		{sprintf("%T", Named_int_4(1)), "stdlib.Named_int_4"},
		{sprintf("%T %T", func(Named_int_3, ...Named_string_3) (int, Named_int_3) { return 0, 0 }, func(Named_int_3) {}),
			"func(main.ID, ...main.key) (int, main.ID) func(main.ID)"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
