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
	// Which timer's function runs first is up to the machine (the real
	// clock): the pair is compared sorted.
	first, second := <-done, <-done
	if first > second {
		first, second = second, first
	}
	fmt.Println(first, second)

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

// Issue 9 item 3: range over function iterators, with break, continue,
// return, labels and defer as Go has them.
func TestRangeOverFunc(t *testing.T) {
	t.Parallel()
	sameAsGo(t, `package main

import (
	"errors"
	"fmt"
)

type seq[V any] func(yield func(V) bool)

func count(n int) seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("  count stopped at", i)
				return
			}
		}
	}
}

func pairs(words ...string) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i, w := range words {
			if !yield(i, w) {
				return
			}
		}
	}
}

func three(yield func() bool) {
	_ = yield() && yield() && yield()
}

func firstOver(limit int) (int, error) {
	for x := range count(10) {
		if x*x > limit {
			return x, nil
		}
	}
	return 0, errors.New("none")
}

func named() (n int, s string) {
	for i, w := range pairs("a", "b", "c") {
		if w == "b" {
			n, s = i, w
			return
		}
	}
	return -1, ""
}

func deferred() {
	defer fmt.Println("deferred first, runs last")
	for x := range count(3) {
		defer fmt.Println("deferred in the body", x)
	}
	defer fmt.Println("deferred after the loop, runs first")
	fmt.Println("deferred: returning")
}

func main() {
	for x := range count(5) {
		if x == 1 {
			continue
		}
		if x == 3 {
			break
		}
		fmt.Println("x", x)
	}
	for i, w := range pairs("go", "is", "fun") {
		fmt.Println(i, w)
	}
	for i := range pairs("only", "keys") {
		fmt.Println("key", i)
	}
	n := 0
	for range three {
		n++
	}
	fmt.Println("three", n)
	fmt.Println(firstOver(10))
	fmt.Println(firstOver(1000))
	fmt.Println(named())
	deferred()

outer:
	for i := 0; i < 3; i++ {
		for x := range count(3) {
			if x == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println("outer", i, x)
		}
	}
rows:
	for r := range count(3) {
		for c := range count(3) {
			switch {
			case c > r:
				continue rows
			case r == 2 && c == 1:
				break rows
			}
			fmt.Println("cell", r, c)
		}
	}
	var last int
	for last = range count(4) {
	}
	fmt.Println("last", last)
	var fs []func() int
	for x := range count(3) {
		fs = append(fs, func() int { return x })
	}
	fmt.Println(fs[0](), fs[1](), fs[2]())
	for x := range count(2) {
		select {
		default:
			if x == 0 {
				break
			}
			fmt.Println("select", x)
		}
	}

	defer func() { fmt.Println("recovered:", recover()) }()
	var keep func(int) bool
	for x := range func(yield func(int) bool) { keep = yield; yield(0) } {
		fmt.Println("once", x)
		break
	}
	keep(1)
}
`)
}

// break and continue in a select case leave the select, and continue skips
// the rest of the loop body, as in Go (yaegi gets both wrong by itself).
func TestBranchesInSelect(t *testing.T) {
	t.Parallel()
	sameAsGo(t, `package main

import "fmt"

func first(ch chan int) int {
	select {
	case v := <-ch:
		if v < 0 {
			break
		}
		return v
	default:
	}
	return -1
}

func main() {
	ch := make(chan int, 10)
	for i := range 6 {
		ch <- i
	}
	for i := 0; i < 4; i++ {
		select {
		case v := <-ch:
			if v%2 == 0 {
				continue
			}
			if v == 3 {
				break
			}
			fmt.Println("odd", v)
		}
		fmt.Println("end of body", i)
	}
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			select {
			case <-ch:
				if j == 1 {
					continue outer
				}
				select {
				default:
					if i == 1 {
						continue
					}
				}
			default:
				break outer
			}
			fmt.Println("inner", i, j)
		}
	}
	ch <- -5
	ch <- 7
	fmt.Println(first(ch), first(ch), first(ch))
	for x := range func(yield func(int) bool) { _ = yield(1) && yield(2) && yield(3) } {
		select {
		default:
			if x == 2 {
				continue
			}
			if x == 1 {
				break
			}
			fmt.Println("yield", x)
		}
		fmt.Println("after select", x)
	}
}
`)
}

// An error of a type the program declares is printed by its Error method,
// by every function of fmt, %w included.
func TestProgramErrorsPrinted(t *testing.T) {
	t.Parallel()
	sameAsGo(t, `package main

import "fmt"

type notFound struct{ what string }

func (e *notFound) Error() string { return e.what + " not found" }

type code int

func (c code) Error() string { return fmt.Sprint("code ", int(c)) }

type both int

func (both) Error() string  { return "as an error" }
func (both) String() string { return "as a stringer" }

func main() {
	fmt.Println(&notFound{"k1"}, code(1), both(0))
	fmt.Printf("%v %s %q\n", &notFound{"k2"}, code(2), code(3))
	fmt.Println(fmt.Sprint(&notFound{"k4"}), fmt.Sprintf("%v", code(4)))
	fmt.Println(fmt.Errorf("x %v: %w", code(5), &notFound{"k6"}))
	var e error = code(8)
	fmt.Println(fmt.Errorf("w %w", e), []error{code(9)})
}
`)
}
