package rewrite

import (
	"regexp"
	"strings"
	"testing"
)

// A generic function declared with the name of a generic function the
// interpreter compiles from source (slices.Contains) gets another name in
// the interpreter's source; its uses call copies of it (mono.go), whose
// names are not the library's either, in later inputs too; the library's
// keeps its own. (fidelity/gen_name_clash.go shows what the interpreter
// did without: one called for the other.)
func TestGenericNamedLikeALibraryOne(t *testing.T) {
	env := NewEnv(map[string]string{"slices": "slices", "fmt": "fmt"})
	first, err := Rewrite("prog.go", "import \"slices\"\nfunc Contains[E comparable](s []E, v E) bool { return false }\n"+
		"func Own[E any](e E) E { return e }\n_ = Contains([]int{1}, 1) || slices.Contains([]int{1}, 1)", env)
	if err != nil {
		t.Fatal(err)
	}
	src := describe(first)
	decl := regexp.MustCompile(`func (__concur_[0-9]+_Contains)\[`).FindStringSubmatch(src)
	if decl == nil {
		t.Fatalf("Contains not renamed:\n%s", src)
	}
	const copy = "__concur_F_Contains__int"
	if !strings.Contains(src, "_ = "+copy+"(") || !strings.Contains(src, "func "+copy+"(") ||
		!strings.Contains(src, "slices.Contains(") || !strings.Contains(src, "func Own[") {
		t.Fatalf("uses do not call a copy (%s), or more renamed:\n%s", copy, src)
	}
	env.Add(first)
	second, err := Rewrite("prog.go", "f := Contains[string]\n_ = f\n_ = Contains([]string{\"a\"}, \"a\")", env)
	if err != nil {
		t.Fatal(err)
	}
	const copy2 = "__concur_F_Contains__string"
	if src := describe(second); strings.Count(src, copy2) != 3 || strings.Contains(src, "= Contains") {
		t.Fatalf("a later input's uses are not %s, declared once:\n%s", copy2, src)
	}
}

// A local variable declared with a generic function type of a library and
// a value gets the value by an assignment after the declaration, which
// the interpreter runs (with `var seq iter.Seq[int] = ...` it left seq nil:
// fidelity/iter_seq_var.go); a package-level one, whose value calls a
// generic function of slices, gets it from a function literal called at
// once (libraryGenericVar).
func TestVariableOfAGenericFunctionType(t *testing.T) {
	in, err := Rewrite("prog.go", "package main\n\nimport (\n\t\"iter\"\n\t\"slices\"\n)\n\nvar top iter.Seq[int] = slices.Values([]int{1})\n\n"+
		"func main() {\n\tvar seq iter.Seq[int] = slices.Values([]int{1})\n\tvar n, m int = 1, 2\n\t_, _, _, _ = seq, top, n, m\n}\n", NewEnv(nil))
	if err != nil {
		t.Fatal(err)
	}
	src := regexp.MustCompile(`/\*line :[0-9:]+\*/`).ReplaceAllString(describe(in), "")
	for _, want := range []string{"var seq iter.Seq[int]; seq = slices.Values(", "var top iter.Seq[int] = func() iter.Seq[int] { return slices.Values([]int{1}) }()", "var n, m int = 1, 2"} {
		if !strings.Contains(src, want) {
			t.Errorf("no %q in\n%s", want, src)
		}
	}
}
