package rewrite_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// goRun builds and runs a program with the real Go toolchain, the oracle
// for what rewritten code must print. It skips the test when there is no go
// command.
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

// sameAsGo runs a whole program through the rewrite and yaegi and with Go,
// and fails when their outputs differ.
func sameAsGo(t *testing.T, src string) {
	t.Helper()
	want := goRun(t, src)
	s := newSession(t)
	got := s.run(src)
	if got != want {
		t.Fatalf("concur printed\n%s\nGo printed\n%s", got, want)
	}
}

// Issue 9 item 1: a function literal handed to library code in a loop sees
// its own iteration's variables.
func TestClosuresHandedToLibraryCode(t *testing.T) {
	t.Parallel()
	sameAsGo(t, `package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

type handler func(int) string

func main() {
	var mu sync.Mutex
	var got []string
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			got = append(got, fmt.Sprint("worker ", i))
		})
	}
	wg.Wait()
	sort.Strings(got)
	fmt.Println(strings.Join(got, ", "))

	var onces []func()
	for _, name := range []string{"a", "b"} {
		onces = append(onces, sync.OnceFunc(func() { fmt.Println("once", name) }))
	}
	for _, f := range onces {
		f()
		f()
	}

	done := make(chan string, 2)
	for i := range 2 {
		time.AfterFunc(time.Duration(i+1)*time.Millisecond, func() { done <- fmt.Sprint("after ", i) })
	}
	fmt.Println(<-done, <-done)

	var hs []handler
	for i := 0; i < 2; i++ {
		hs = append(hs, handler(func(n int) string { return fmt.Sprint(i, n) }))
	}
	fmt.Println(hs[0](7), hs[1](7))

	rows := [][]int{{3, 1, 2}, {9, 8}}
	for _, row := range rows {
		sort.Slice(row, func(a, b int) bool { return row[a] < row[b] })
	}
	fmt.Println(rows)
}
`)
}

// Issue 9 item 4: Go 1.26's new(expr) points at a new variable holding the
// value.
func TestNewOfAnExpression(t *testing.T) {
	t.Parallel()
	sameAsGo(t, `package main

import "fmt"

type celsius float64

func main() {
	p := new(42)
	s := new("go")
	f := new(1.5)
	c := new(celsius(21))
	n := 3
	q := new(n * 2)
	*q++
	type point struct{ x, y int }
	pt := new(point{1, 2})
	b := new([]int{1})
	fmt.Printf("%d %s %v %v %d %d %v %v %T %T\n", *p, *s, *f, *c, *q, n, *pt, *b, p, f)
}
`)
}

// A method value takes its receiver when it is evaluated, in a loop too.
func TestMethodValuesBindTheirReceiverWhenEvaluated(t *testing.T) {
	t.Parallel()
	sameAsGo(t, `package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type worker struct{ id int }

func (w worker) name() string   { return fmt.Sprint("w", w.id) }
func (w *worker) bump() string { w.id += 10; return fmt.Sprint("b", w.id) }

type namer interface{ name() string }

func main() {
	ws := []worker{{1}, {2}, {3}}
	var fs []func() string
	for _, w := range ws {
		fs = append(fs, w.name)
	}
	for i := range ws {
		fs = append(fs, ws[i].bump)
	}
	var ns []namer
	for _, w := range ws {
		ns = append(ns, w)
	}
	for _, n := range ns {
		fs = append(fs, n.name)
	}
	p := &ws[0]
	byValue := p.name
	p.id = 100
	fs = append(fs, byValue)
	var out []string
	for _, f := range fs {
		out = append(out, f())
	}
	fmt.Println(strings.Join(out, " "))

	var mu sync.Mutex
	var got []string
	var wg sync.WaitGroup
	for _, w := range ws {
		wg.Go(func() { mu.Lock(); got = append(got, w.name()); mu.Unlock() })
	}
	wg.Wait()
	sort.Strings(got)
	fmt.Println(got)
}
`)
}
