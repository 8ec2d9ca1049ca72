package stdlib

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"
)

// TestGenericLikeGo runs testdata/generic.go, which calls every function
// of cmp, iter, maps and slices, with go run and in the interpreter with
// concur's generic sources, and compares the output line by line.
func TestGenericLikeGo(t *testing.T) {
	want, src := goRunTestdata(t, "generic.go")
	h, err := run(t, string(src), false)
	if err != nil {
		t.Fatalf("interpreter: %v", err)
	}
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

// TestSortLikeGo checks what concur's slices.SortFunc relies on: sort.Slice
// leaves elements that compare equal in the same order as slices.SortFunc,
// since both run the same pattern-defeating quicksort.
func TestSortLikeGo(t *testing.T) {
	type item struct{ key, id int }
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 5, 12, 13, 50, 100, 1000, 5000} {
		for _, keys := range []int{1, 3, 10, 1000} {
			a := make([]item, n)
			for i := range a {
				a[i] = item{r.IntN(keys), i}
			}
			b := slices.Clone(a)
			slices.SortFunc(a, func(x, y item) int { return x.key - y.key })
			sort.Slice(b, func(i, j int) bool { return b[i].key < b[j].key })
			if !slices.Equal(a, b) {
				t.Errorf("n=%d, %d keys: sort.Slice and slices.SortFunc order equal elements differently", n, keys)
			}
		}
	}
}

// BenchmarkUse measures what a worker pays at start-up for the standard
// library: the tables and concur's errors; and, for reading, what
// compiling all the generic packages (when imported) costs on top.
func BenchmarkUse(b *testing.B) {
	b.Run("start", func(b *testing.B) {
		for b.Loop() {
			i := interp.New(interp.Options{})
			if err := Use(i, newFake(true), false); err != nil {
				b.Fatal(err)
			}
			if err := LoadGeneric(i, "errors"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("all generic packages", func(b *testing.B) {
		for b.Loop() {
			if err := useAll(interp.New(interp.Options{}), newFake(true), false); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkGenericSort sorts 100 000 ints in the interpreter with
// slices.Sort (compiled) and slices.SortFunc (the comparison interpreted),
// against sort.Ints, which is compiled Go's own.
func BenchmarkGenericSort(b *testing.B) {
	for _, call := range []string{"sort.Ints(s)", "slices.Sort(s)", "slices.SortFunc(s, func(a, b int) int { return a - b })"} {
		b.Run(call, func(b *testing.B) {
			i := interp.New(interp.Options{})
			if err := useAll(i, newFake(true), false); err != nil {
				b.Fatal(err)
			}
			src := `package main
import ("math/rand"; "slices"; "sort")
var _ = sort.Ints
func Run() {
	r := rand.New(rand.NewSource(1))
	s := make([]int, 100000)
	for i := range s { s[i] = r.Int() }
	` + call + `
	if !slices.IsSorted(s) { panic("not sorted") }
}`
			if _, err := i.Eval(src); err != nil {
				b.Fatal(err)
			}
			v, err := i.Eval("main.Run")
			if err != nil {
				b.Fatal(err)
			}
			run := v.Interface().(func())
			for b.Loop() {
				run()
			}
		})
	}
}

// TestGenericErrorsNameConcur: an error the interpreter finds inside
// concur's generic source names that source (concur/slices.go:87), never a
// bare line:col the engine would put under the learner's file name.
func TestGenericErrorsNameConcur(t *testing.T) {
	_, err := run(t, program(`fmt.Println(slices.Index([]func(){}, nil))`), false)
	if err == nil || !strings.HasPrefix(err.Error(), "concur/slices.go:") {
		t.Errorf("error %v, want one at concur/slices.go", err)
	}
}

// goRunTestdata runs testdata/name with go run, the oracle of the tests
// that compare concur's library with Go's, and returns what it printed and
// the program's source. Without the Go toolchain the test is skipped.
func goRunTestdata(t *testing.T, name string) (want []byte, src []byte) {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("NO go ON PATH: %s needs the Go toolchain as its oracle", t.Name())
	}
	cmd := exec.Command(goTool, "run", "testdata/"+name)
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=")
	want, err = cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run testdata/%s: %v\n%s", name, err, want)
	}
	if src, err = os.ReadFile("testdata/" + name); err != nil {
		t.Fatal(err)
	}
	return want, src
}
