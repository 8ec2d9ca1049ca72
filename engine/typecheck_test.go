package engine

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concur-dev/concur/event"
)

// compileText returns the compile error of a run, or "".
func compileText(evs []event.Event) string {
	e, _ := find(evs, event.Compile)
	return e.Text
}

// Inputs are atomic (issue 8): one that does not type-check is refused
// before the interpreter sees it, so it leaves no half-imported package and
// no variable behind.
func TestFailedInputsLeaveNoTrace(t *testing.T) {
	s := newSession(t, Options{})
	evs := run(t, s, `fmt.Println(nope)`, 1)
	if got := compileText(evs); got != "prog.go:1:13: undefined: nope" {
		t.Errorf("compile error %q", got)
	}
	evs = run(t, s, `fmt.Println("hi")`, 0)
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " hi") {
		t.Errorf("after a failed first use of fmt: outputs %q\n%s", got, dump(evs))
	}

	run(t, s, `import "sort"; sort.Nope()`, 1)
	run(t, s, `import "sort"`, 0)
	run(t, s, `xs := []int{2, 1}; sort.Ints(xs); fmt.Println(xs)`, 0)

	evs = run(t, s, `q := 1; q = "s"`, 1)
	if got := compileText(evs); !strings.Contains(got, `cannot use "s" (untyped string constant) as int value in assignment`) {
		t.Errorf("compile error %q", got)
	}
	evs = run(t, s, `fmt.Println(q)`, 1)
	if got := compileText(evs); got != "prog.go:1:13: undefined: q" {
		t.Errorf("a failed input left q behind: %q\n%s", got, dump(evs))
	}
}

func TestTypeErrorsInGoWords(t *testing.T) {
	s := newSession(t, Options{})
	cases := []struct{ src, want string }{
		{`var c Undefined`, "prog.go:1:7: undefined: Undefined"},
		{`f, _ := os.Open("notes.txt"); _ = f`, "prog.go:1:12: os.Open is left out of concur's sandbox; run with --unrestricted to allow it"},
		{"func f() {\n\tunused := 1\n}", "prog.go:2:2: declared and not used: unused"},
	}
	for _, c := range cases {
		if got := compileText(run(t, s, c.src, 1)); got != c.want {
			t.Errorf("%q: compile error %q, want %q", c.src, got, c.want)
		}
	}
}

// Declarations of one input see each other in any order, as in a Go file,
// and see its top-level variables.
func TestDeclarationOrder(t *testing.T) {
	s := newSession(t, Options{})
	evs := run(t, s, `func run() { p := Point{1, 2}; fmt.Println(p.Sum(), count) }
count := 10
type Point struct{ X, Y int }
func (p Point) Sum() int { return p.X + p.Y }
run()`, 0)
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " 3 10") {
		t.Errorf("outputs %q\n%s", got, dump(evs))
	}
}

// Issue 8 item 4: func main declared in the REPL runs only when called; a
// whole program runs its main once, and not again with later inputs.
func TestMainRunsWhenCalled(t *testing.T) {
	s := newSession(t, Options{})
	if got := outputs(run(t, s, `func main() { fmt.Println("m") }`, 0)); len(got) != 0 {
		t.Errorf("declaring main ran it: %q", got)
	}
	if got := outputs(run(t, s, `x := 1; _ = x`, 0)); len(got) != 0 {
		t.Errorf("a later input ran main: %q", got)
	}
	if got := outputs(run(t, s, `main()`, 0)); len(got) != 1 || !strings.HasSuffix(got[0], " m") {
		t.Errorf("main() printed %q, want m once", got)
	}
	program := "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"program\") }\n"
	if got := outputs(run(t, s, program, 0)); len(got) != 1 || !strings.HasSuffix(got[0], " program") {
		t.Errorf("the program printed %q, want program once", got)
	}
	if got := outputs(run(t, s, `fmt.Println("after")`, 0)); len(got) != 1 || !strings.HasSuffix(got[0], " after") {
		t.Errorf("after the program: %q", got)
	}
}

// Range over iter.Seq, iter.Seq2 and a library iterator (strings.SplitSeq),
// through the worker with concur's standard library, prints what Go does.
func TestRangeOverIterators(t *testing.T) {
	src := `package main

import (
	"fmt"
	"iter"
	"strings"
)

func countdown(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := n; i > 0; i-- {
			if !yield(i) {
				return
			}
		}
	}
}

func enumerate(words []string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, w := range words {
			if !yield(i, w) {
				return
			}
		}
	}
}

func find(word string) (int, bool) {
	for i, w := range enumerate(strings.Fields("go is fun")) {
		if w == word {
			return i, true
		}
	}
	return -1, false
}

func main() {
	for n := range countdown(3) {
		fmt.Println(n)
	}
	for part := range strings.SplitSeq("x,y,z", ",") {
		if part == "z" {
			break
		}
		fmt.Println(part)
	}
	fmt.Println(find("fun"))
	fmt.Println(find("no"))
}
`
	want := goRun(t, src)
	s := newSession(t, Options{})
	evs := run(t, s, src, 0)
	var got strings.Builder
	for _, e := range evs {
		if e.Kind == event.Output {
			got.WriteString(e.Text + "\n")
		}
	}
	if got.String() != want {
		t.Fatalf("concur printed\n%s\nGo printed\n%s", got.String(), want)
	}
}

// goRun runs a program with the real Go toolchain, the oracle.
func goRun(t *testing.T, src string) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH: cannot compare with Go")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "main.go")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goTool, "run", file)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GO111MODULE=off", "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	return string(out)
}

// Issue 9 item 10: a call without results shows nothing; a value whose type
// has a String method is shown as fmt prints it.
func TestShownValues(t *testing.T) {
	s := newSession(t, Options{})
	if e, ok := find(run(t, s, `func() {}()`, 0), event.Value); ok {
		t.Errorf("func(){}() showed %q", e.Text)
	}
	run(t, s, `type T struct{ n int }
func (t T) String() string { return fmt.Sprintf("T(%d)", t.n) }`, 0)
	printed := outputs(run(t, s, `fmt.Println(T{3})`, 0))
	if len(printed) != 1 {
		t.Fatalf("fmt.Println printed %q", printed)
	}
	want := printed[0][strings.LastIndexByte(printed[0], ' ')+1:]
	for _, src := range []string{`T{3}`, `x := T{3}; x`, `var v fmt.Stringer = T{3}; _ = v; T{3}`} {
		e, ok := find(run(t, s, src, 0), event.Value)
		if !ok || e.Text != want {
			t.Errorf("%s shows %q (ok %v), fmt.Println prints %q", src, e.Text, ok, want)
		}
	}
	if e, _ := find(run(t, s, `"s"`, 0), event.Value); e.Text != `"s"` {
		t.Errorf(`"s" shows %q`, e.Text)
	}
}

// new(expr) at a snippet's top level, where yaegi's generics fail (issue 9
// item 4).
func TestNewAtTopLevel(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `p := new(42); n := 2; q := new(n * 3)`, 0)
	if got := outputs(run(t, s, `fmt.Println(*p, *q)`, 0)); len(got) != 1 || !strings.HasSuffix(got[0], " 42 6") {
		t.Errorf("outputs %q", got)
	}
}
