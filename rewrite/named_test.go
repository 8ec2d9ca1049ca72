package rewrite_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/concur-dev/concur/rewrite"
)

// TestNamedTypesAcrossInputs runs a session in which a program declares
// named types on basic types and later inputs put them in interfaces,
// assert and compare them, then another program declares one again: each
// keeps its identity in an interface, as in Go (rewrite/named.go). A
// snippet's own such types stay as the interpreter keeps them, so that a
// later input can give them methods.
func TestNamedTypesAcrossInputs(t *testing.T) {
	s := newSession(t)
	got := s.run("package main\n\nimport \"fmt\"\n\ntype celsius float64\ntype ID int\n\nfunc half(c celsius) celsius { return c / 2 }\n\n"+
		"var v any = half(celsius(3))\n\nfunc main() { fmt.Println(\"program\") }\n",
		"switch x := v.(type) {\ncase float64:\n\tfmt.Println(\"float64\", x)\ncase celsius:\n\tfmt.Println(\"celsius\", float64(x))\n}",
		"isF := func() bool { _, ok := v.(float64); return ok }()\nm := map[any]int{ID(1): 1, 1: 2, celsius(1): 3}\nfmt.Println(isF, len(m), any(ID(1)) == any(1), m[ID(1)], m[1])")
	if want := "program\ncelsius 1.5\nfalse 3 false 1 2\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	// Declared again by another program, on another type: a value of the
	// new type is the new type's, the old value keeps its own.
	got = s.run("package main\n\ntype celsius string\n\nvar w any = celsius(\"x\")\n\nfunc main() {}\n",
		"func() {\n\t_, isNew := w.(celsius)\n\t_, oldIsNew := v.(celsius)\n\tfmt.Println(isNew, oldIsNew, v == w)\n}()")
	if want := "true false false\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	// A method on a program's pool type, declared in a later input, is
	// refused.
	err := s.eval(`func (id ID) String() string { return "id" }`)
	if err == nil || !strings.Contains(err.Error(), "a method on ID, which an earlier program declared without methods, is not supported by concur") {
		t.Fatalf("method on an earlier pool type: got %v", err)
	}
	// A snippet's type gets its methods in a later input, as before.
	got = s.run("type temp float64", "func (t temp) String() string { return fmt.Sprintf(\"%.1f°\", float64(t)) }", `fmt.Println(temp(2))`)
	if want := "2.0°\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	err = s.eval("var x any = temp(1)\n_, ok := x.(temp)\n_ = ok")
	if err == nil || !strings.Contains(err.Error(), "a type assertion to temp (a type on float64) is not supported by concur") {
		t.Fatalf("assertion to a snippet's type on float64: got %v", err)
	}
	// A constraint declared in a later input, checked on a program's pool
	// type, is refused with a message (the interpreter would fail).
	err = s.eval("type Number interface{ ~int | ~float64 }\nfunc Sum[T Number](xs []T) (t T) { for _, x := range xs { t += x }; return t }\n_ = Sum([]ID{1})")
	if err == nil || !strings.Contains(err.Error(), "ID as the type argument of Sum is not supported by concur") {
		t.Fatalf("earlier pool type as a type argument: got %v", err)
	}
	got = s.run("type Number interface{ ~int | ~float64 }\ntype meters float64\nfunc Sum[T Number](xs []T) (t T) { for _, x := range xs { t += x }; return t }\nfmt.Println(Sum([]meters{1, 2.5}))")
	if want := "3.5\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// TestNamedPoolUsedUp declares more types on int than the pool has: the
// last ones stay as the interpreter keeps them, and an assertion to them
// is refused rather than wrong.
func TestNamedPoolUsedUp(t *testing.T) {
	var b strings.Builder
	b.WriteString("package main\n\n")
	for i := range 40 {
		fmt.Fprintf(&b, "type a%02d int\n", i)
	}
	b.WriteString("\nfunc main() {\n\tvar x any = a39(1)\n\t_, ok := x.(a39)\n\t_, first := x.(a00)\n\t_, _ = ok, first\n}\n")
	_, err := rewrite.Rewrite("prog.go", b.String(), nil)
	if err == nil || !strings.Contains(err.Error(), "a type assertion to a39 (a type on int) is not supported by concur") || strings.Contains(err.Error(), "a00") {
		t.Fatalf("got %v", err)
	}
}

func TestNamedRefusals(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"%T of an error of a type on string with methods", "import \"fmt\"\ntype problem string\nfunc (p problem) Error() string { return \"\" }\nvar err error = problem(\"x\")\nfmt.Printf(\"%v %T\\n\", err, err)",
			"prog.go:5:23: %T of a value of type error is not supported by concur while the program declares problem (a type on string): its interpreter keeps problem as string, " +
				"so fmt would print string where Go prints main.problem; print the name yourself, or make problem a struct type (type problem struct{ v string })"},
		{"%#v of a named slice below the top", "import \"fmt\"\ntype IDs []int\ntype user struct{ ids IDs }\nfmt.Printf(\"%#v\\n\", user{})",
			"prog.go:4:21: %#v of a value of type user is not supported by concur while the program declares IDs (a type on []int): its interpreter keeps IDs as []int, " +
				"so fmt would print []int where Go prints main.IDs; print the name yourself, or make IDs a struct type (type IDs struct{ v []int })"},
		{"panic with an any that may hold a named slice", "type IDs []int\nvar v any = IDs{1}\npanic(v)",
			"prog.go:3:7: a panic with a value of type any is not supported by concur while the program declares IDs, which it may hold: its interpreter keeps IDs as its underlying type there, " +
				"so the panic would not print as Go's; panic with a value of the type itself, or with its text (panic(fmt.Sprint(v)))"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := rewrite.Rewrite("prog.go", c.src, rewrite.NewEnv(stdNames()))
			if err == nil || err.Error() != c.want {
				t.Errorf("got  %v\nwant %s", err, c.want)
			}
		})
	}
	// What stays allowed: %v of them, %T and %#v at the top (the rewrite
	// names the static type), a named type on a basic type without methods
	// anywhere.
	for _, src := range []string{
		"import \"fmt\"\ntype IDs []int\nvar v any = IDs{1}\nfmt.Printf(\"%v %d\\n\", v, v)",
		"import \"fmt\"\ntype IDs []int\nfmt.Printf(\"%T %#v\\n\", IDs{1}, IDs{1})",
		"package main\n\nimport \"fmt\"\n\ntype ID int\ntype user struct{ ids []ID; x any }\n\nfunc main() {\n\tvar v any = ID(1)\n\tfmt.Printf(\"%T %#v\\n\", v, user{})\n\tpanic(v)\n}\n",
	} {
		if _, err := rewrite.Rewrite("prog.go", src, rewrite.NewEnv(stdNames())); err != nil {
			t.Errorf("%s\nrefused: %v", src, err)
		}
	}
}

// TestNamedDeclaration shows what the interpreter is given for a
// program's types: a type on a basic type without methods is an alias of a
// pool type, each of its own; one with methods, one on bool, one on a
// composite type, and a snippet's stay as declared.
func TestNamedDeclaration(t *testing.T) {
	in, err := rewrite.Rewrite("prog.go", "package main\n\ntype celsius float64\ntype ID int\ntype code int\ntype flag bool\ntype IDs []ID\n"+
		"type color int\n\nfunc (c color) String() string { return \"\" }\n\nfunc main() {}\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	var src strings.Builder
	for _, u := range in.Units {
		src.WriteString(u.Src)
	}
	for _, want := range []string{"type celsius = __concur_builtin.Named_float64_0", "type ID = __concur_builtin.Named_int_0", "type code = __concur_builtin.Named_int_1",
		"type flag bool", "type IDs []ID", "type color int"} {
		if !strings.Contains(src.String(), want) {
			t.Errorf("the interpreter's source lacks %q:\n%s", want, src.String())
		}
	}
	in, err = rewrite.Rewrite("prog.go", "type ID int", nil)
	if err != nil || len(in.Units) != 1 || !strings.Contains(in.Units[0].Src, "type ID int") {
		t.Errorf("a snippet's type: %v %+v", err, in)
	}
}
