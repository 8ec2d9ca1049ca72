package rewrite_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/concur-dev/concur/rewrite"
)

// The program's generics reach the interpreter as copies, one for each
// instance (rewrite/mono.go). A generic calling generics, variadic ones, a
// type parameter used only inside another type, generic types with methods
// (one of them a String method), instances of instances, explicit
// instantiations, a generic function value and a constraint with ~ all
// print what Go prints (%T of instances, which goes through concur's fmt,
// is in fidelity/gen_methods_tilde.go and gen_nested.go); without the copies the interpreter failed on each
// of the first three kinds (fidelity/gen_*.go).
func TestGenericInstancesAsCopies(t *testing.T) {
	t.Parallel()
	sameAsGo(t, `package main

import (
	"fmt"
	"strconv"
)

type Celsius float64

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs ...T) (t T) {
	for _, x := range xs {
		t += x
	}
	return
}

func Map[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Twice[T Number](xs []T) []T { return Map(xs, func(x T) T { return x + Sum(x) }) }

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(vs ...T) Set[T] {
	for _, v := range vs {
		s[v] = struct{}{}
	}
	return s
}

type Box[T any] struct{ V T }

func (b Box[T]) String() string { return fmt.Sprintf("<%v>", b.V) }

func main() {
	fmt.Println(Sum(1, 2), Sum(Celsius(1.5), 2), Sum[float64]())
	fmt.Println(Twice([]Celsius{1, 2}), Map([]int{4, 5}, strconv.Itoa))
	s := Set[string]{}.Add("a", "b", "a")
	fmt.Println(len(s), Box[Set[string]]{s}, Box[int]{3})
	fmt.Printf("%v %v\n", Box[Set[int]]{}, []Box[int]{{1}, {2}})
	f := Map[string, int]
	fmt.Println(f([]string{"ab"}, func(s string) int { return len(s) }))
}
`)
}

// A generic declared in one input is copied for the instances of later
// inputs, each instance once in the session; a method declared later is
// copied for the instances made before; a generic declared again gets new
// copies (under new names: the interpreter keeps a type declared again as
// it was).
func TestGenericInstancesAcrossInputs(t *testing.T) {
	t.Parallel()
	want := goRun(t, `package main

import "fmt"

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Len() int { return len(s.items) }

func Id[T any](v T) T { return v }

func Id2[T any](v T) T { return v }

func main() {
	var s Stack[string]
	s.Push("a")
	fmt.Println(Id(s.items))
	t := &Stack[string]{}
	t.Push("b")
	fmt.Println(s.Len(), t.Len(), len(t.items))
	fmt.Println(Id2(2) * 2)
	var u Stack2[string]
	u.Push("c")
	fmt.Println(u.m, u.Len())
}

type Stack2[T comparable] struct{ m map[T]int }

func (s *Stack2[T]) Push(v T) {
	if s.m == nil {
		s.m = map[T]int{}
	}
	s.m[v]++
}

func (s *Stack2[T]) Len() int { return len(s.m) }
`)
	s := newSession(t)
	got := s.run(`import "fmt"`,
		"type Stack[T any] struct{ items []T }\nfunc (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }\nfunc Id[T any](v T) T { return v }",
		"var s Stack[string]\ns.Push(\"a\")\nfmt.Println(Id(s.items))",
		"func (s *Stack[T]) Len() int { return len(s.items) }",
		"t := &Stack[string]{}\nt.Push(\"b\")\nfmt.Println(s.Len(), t.Len(), len(t.items))",
		"func Id[T any](v T) T { return v }",
		"fmt.Println(Id(2) * 2)",
		"type Stack[T comparable] struct{ m map[T]int }\nfunc (s *Stack[T]) Push(v T) {\n\tif s.m == nil {\n\t\ts.m = map[T]int{}\n\t}\n\ts.m[v]++\n}",
		"func (s *Stack[T]) Len() int { return len(s.m) }",
		"var u Stack[string]\nu.Push(\"c\")\nfmt.Println(u.m, u.Len())")
	if got != want {
		t.Fatalf("concur printed\n%s\nGo printed\n%s", got, want)
	}
}

// Each instance is declared once in a session, under a name Demangle
// turns back into Go's: main.Set[string] for a type, main.Map[...] for a
// function, as Go's tracebacks write one.
func TestGenericCopiesNames(t *testing.T) {
	env := rewrite.NewEnv(map[string]string{"fmt": "fmt"})
	first, err := rewrite.Rewrite("prog.go", "type Set[T comparable] map[T]bool\nfunc Count[T comparable](s Set[T]) int { return len(s) }\n"+
		"s := Set[string]{}\n_ = Count(s)", env)
	if err != nil {
		t.Fatal(err)
	}
	src := allUnits(first)
	for _, want := range []string{"type Set[T comparable] map[T]bool", "func Count[T comparable](s Set[T]) int",
		"type __concur_T_Set_5bstring_5d map[string]bool", "func __concur_F_Count__string(s __concur_T_Set_5bstring_5d) int",
		"s := __concur_T_Set_5bstring_5d{}", "_ = __concur_F_Count__string(s)"} {
		if !strings.Contains(src, want) {
			t.Errorf("no %q in\n%s", want, src)
		}
	}
	env.Add(first)
	second, err := rewrite.Rewrite("prog.go", "var u Set[string]\n_ = Count(u) + Count(Set[int]{})", env)
	if err != nil {
		t.Fatal(err)
	}
	src = allUnits(second)
	if strings.Contains(src, "type __concur_T_Set_5bstring_5d") || strings.Contains(src, "func __concur_F_Count__string(") {
		t.Errorf("an instance of an earlier input declared again:\n%s", src)
	}
	for _, want := range []string{"type __concur_T_Set_5bint_5d map[int]bool", "func __concur_F_Count__int(", "var u __concur_T_Set_5bstring_5d"} {
		if !strings.Contains(src, want) {
			t.Errorf("no %q in\n%s", want, src)
		}
	}
	for in, want := range map[string]string{
		"cannot use __concur_T_Set_5bstring_5d as __concur_T_Pair_5bmain_2ePoint_2c_5b_5dint_5d": "cannot use Set[string] as Pair[main.Point,[]int]",
		"main.__concur_F_Count__string(...)":                                                     "main.Count[...](...)",
		"main.__concur_F_Map_5fto__int_2cstring(...)":                                            "main.Map_to[...](...)",
		"main.(*__concur_T_Stack_5bint_5d).Push(...)":                                            "main.(*Stack[int]).Push(...)",
		"main.(*__concur_T2_Stack_5bint_5d).Push(...) main.__concur_F3_Id__int(...)":             "main.(*Stack[int]).Push(...) main.Id[...](...)",
	} {
		if got := rewrite.Demangle(in); got != want {
			t.Errorf("Demangle(%q) = %q, want %q", in, got, want)
		}
	}
}

// An instance whose type argument is declared inside a function cannot be
// copied to the package level: the use stays the interpreter's generic.
func TestGenericWithLocalTypeStaysGeneric(t *testing.T) {
	in, err := rewrite.Rewrite("prog.go", "package main\n\nfunc Id[T any](v T) T { return v }\n\nfunc main() {\n\ttype pt struct{ X int }\n\t_ = Id(pt{1})\n\t_ = Id(2)\n}\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	src := allUnits(in)
	if !strings.Contains(src, "_ = Id(pt{1})") || !strings.Contains(src, "_ = __concur_F_Id__int(2)") || strings.Contains(src, "pt)") {
		t.Fatalf("the local type's instance was copied, or the other not:\n%s", src)
	}
}

// A panic inside a copy is where yaegi puts it in the same function
// written without type parameters, on the generic's own line, in a frame
// Demangle names as Go does.
func TestPanicInsideACopy(t *testing.T) {
	src := `package main

func Div[T ~int](a, b T) T {
	var c T; c = a / b; return c
}

func main() {
	Div(1, 0)
}`
	plain := strings.NewReplacer("[T ~int]", "", " T", " int").Replace(src)
	rawErr, _, rawStderr, _ := rawAndRewritten(t, plain)
	_, newErr, _, newStderr := rawAndRewritten(t, src)
	if rawErr == nil || newErr == nil {
		t.Fatalf("no panic: %v, %v", rawErr, newErr)
	}
	first, _, _ := strings.Cut(rawStderr, "\n")
	if !strings.HasPrefix(first, "prog.go:4:") || !strings.HasSuffix(first, "panic: main.Div(...)") {
		t.Fatalf("yaegi itself says %q", rawStderr)
	}
	want := strings.Replace(first, "main.Div(", "main.Div[...](", 1)
	if got := rewrite.Demangle(newStderr); !strings.HasPrefix(got, want+"\n") {
		t.Fatalf("rewritten says %q, want %q", got, want)
	}
}

func allUnits(in *rewrite.Input) string {
	var b strings.Builder
	for _, u := range in.Units {
		b.WriteString(u.Src + "\n")
	}
	return lineComments.ReplaceAllString(b.String(), "")
}

var lineComments = regexp.MustCompile(`/\*line :[0-9]+:[0-9]+\*/`)

// A panic inside a generic reports its value as its copy's type says: by
// the Error method for an error type, by the type's name for a named one
// (the engine prints the report; fidelity/gen_panic_value.go).
func TestPanicNoteOfACopy(t *testing.T) {
	in, err := rewrite.Rewrite("prog.go", "package main\n\ntype code int\n\ntype E struct{}\n\nfunc (E) Error() string { return \"e\" }\n\n"+
		"func Boom[T any](v T) {\n\tpanic(v)\n}\n\nfunc main() {\n\tBoom(code(1))\n\tBoom(E{})\n\tBoom(2)\n}\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	src := allUnits(in)
	for _, want := range []string{
		`func __concur_F_Boom__main_2ecode(v code) {
	{ __concur_p := v; __concur_builtin.Panicking(__concur_p, "main.code", nil); `,
		`func __concur_F_Boom__main_2eE(v E) {
	{ __concur_p := v; __concur_builtin.Panicking(__concur_p, "main.E", (func() string { return __concur_p.Error() })); `,
		`func __concur_F_Boom__int(v int) {
	{ __concur_p := v; __concur_builtin.Panicking(__concur_p, "int", nil); `,
		"func Boom[T any](v T) {\n\t{ __concur_p := v; __concur.At(", // the generic itself never runs
	} {
		if !strings.Contains(src, want) {
			t.Errorf("no %q in\n%s", want, src)
		}
	}
}
