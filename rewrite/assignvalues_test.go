package rewrite_test

import (
	"strings"
	"testing"
)

// Values the interpreter alone assigns wrongly, silently (see parenValues):
// one struct literal or a receive assigned to a variable a function literal
// has captured, and several values with a call, a composite literal or a
// receive among them.
func TestAssignedValues(t *testing.T) {
	s := newSession(t)
	got := s.run(`import "fmt"
type P struct{ X, Y int }
func f() int { return 5 }
func g() string { return "s" }
func captured() {
	var a P
	show := func() { fmt.Print(a.X, a.Y, " ") }
	a = P{9, 10}
	show()
	a = P{Y: 2}
	show()
	ch := make(chan int, 1)
	ch <- 4
	var r int
	got := func() { fmt.Print(r, " ") }
	r = <-ch
	got()
	var b P
	var n int
	both := func() { fmt.Print(b, n, " ") }
	b, n = P{7, 0}, 3
	both()
}
func several() {
	var a, b int
	a, b = 1, f()
	var s string
	var n int
	s, n = g(), 7
	q, r := P{1, 2}, 3
	x, y := P{5, 0}, P{6, 0}
	x, y = y, P{9, 0}
	c1, c2 := make(chan int, 1), make(chan int, 1)
	c1 <- 1
	c2 <- 2
	u, v := <-c1, <-c2
	fmt.Print(a, b, s, n, q, r, x, y, u, v)
}
captured()
several()
fmt.Println()`)
	if want := "9 10 0 2 4 {7 0} 3 1 5s7 {1 2} 3 {6 0} {9 0} 1 2\n"; got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	// Values going to interfaces: a literal of a type with methods going
	// to any is stored straight there, in parentheses or not, so the
	// others must be too (a call is), or the statement is refused.
	got = s.run(`type T struct{ n int }
func (t T) M() int { return t.n }
func three() int { return 3 }
var a int
var b any
a, b = three(), T{8}
var e error
var n int
e, n = fmt.Errorf("x"), 4
fmt.Println(a, b, e, n)`)
	if want := "3 {8} x 4\n"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	err := s.eval("var c any\nvar k int\nc, k = T{5}, 6")
	if err == nil || !strings.Contains(err.Error(), "assign them one at a time") {
		t.Errorf("c, k = T{5}, 6 into any and int: got %v, want the refusal", err)
	}
}

// A := that assigns a variable declared before it in the same block, beside
// a new one, makes a new variable in the interpreter: a function literal
// that captured the old one goes on seeing the old value. Go prints 4 5;
// this test says what concur prints (README, Differences) and fails once
// that changes.
func TestRedeclaredCapturedVariable(t *testing.T) {
	s := newSession(t)
	got := s.run(`import "fmt"
func f() {
	a := 0
	show := func() { fmt.Print(a, " ") }
	a, b := 4, 5
	show()
	fmt.Println(b)
}
f()`)
	if want := "0 5\n"; got != want {
		t.Fatalf("got %q, want the interpreter's %q (Go prints \"4 5\\n\")", got, want)
	}
}
