package rewrite_test

import "testing"

// An assertion to an interface, and errors.Is, compiled in one input see
// the struct types of the program declared by later inputs: each input
// that declares types gives the helpers their cases again.
func TestAssertionsSeeLaterTypes(t *testing.T) {
	s := newSession(t)
	got := s.run(`import "fmt"`,
		`type named interface{ name() string }`,
		`func check(x any) string {
	if n, ok := x.(named); ok {
		return "named " + n.name()
	}
	return "not named"
}
func kind(x any) string {
	switch v := x.(type) {
	case named:
		return "case named " + v.name()
	case fmt.Stringer:
		return "case stringer " + v.String()
	}
	return "no case"
}`,
		`type user struct{ n string }
func (u user) name() string { return u.n }`,
		`type robot struct{ id int }
func (r *robot) name() string { return fmt.Sprint("robot ", r.id) }`,
		`fmt.Println(check(user{"ann"}), "|", check(&robot{7}), "|", check(robot{8}), "|", check(3))
fmt.Println(kind(user{"bo"}), "|", kind(&robot{9}), "|", kind(4))
var later any = user{"cy"}`,
		`fmt.Println(later.(named).name())`)
	want := "named ann | named robot 7 | not named | not named\ncase named bo | case named robot 9 | no case\ncy\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestErrorsSeeLaterTypes(t *testing.T) {
	s := newSession(t)
	got := s.run(`import (
	"errors"
	"fmt"
)`,
		`var errBase = errors.New("base")
func isBase(err error) bool { return errors.Is(err, errBase) }
func inner(err error) error { return errors.Unwrap(err) }`,
		`type wrapErr struct{ err error }
func (w *wrapErr) Error() string { return "wrap: " + w.err.Error() }
func (w *wrapErr) Unwrap() error { return w.err }`,
		`w := &wrapErr{errBase}
fmt.Println(isBase(w), isBase(fmt.Errorf("ctx: %w", w)), isBase(errors.Join(errors.New("x"), w)), isBase(errors.New("base")))
fmt.Println(inner(w) == errBase, inner(fmt.Errorf("ctx: %w", w)) == w)
var got *wrapErr
fmt.Println(errors.As(fmt.Errorf("ctx: %w", w), &got), got == w)`)
	want := "true true true false\ntrue true\ntrue true\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A program given to a session twice declares its helpers again, which
// the interpreter takes.
func TestProgramTwiceInASession(t *testing.T) {
	const prog = `package main

import (
	"errors"
	"fmt"
)

type named interface{ name() string }
type user struct{ n string }

func (u *user) name() string  { return u.n }
func (u *user) Error() string { return "user " + u.n }

func main() {
	var x any = &user{"ann"}
	n, ok := x.(named)
	err := fmt.Errorf("wrapped: %w", &user{"bo"})
	var u *user
	fmt.Println(n.name(), ok, errors.As(err, &u), u.n)
}
`
	s := newSession(t)
	if got, want := s.run(prog, prog), "ann true true bo\nann true true bo\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A type declared again: the type check keeps the old one under a hidden
// name the interpreter does not know, which the helpers' cases leave out
// (they would not compile), and an assertion finds the value as a call
// of its method does (yaegi keeps the first method of a name).
func TestAssertionsAfterATypeIsDeclaredAgain(t *testing.T) {
	s := newSession(t)
	got := s.run(`import "fmt"`,
		`type named interface{ name() string }
func check(x any) string {
	if n, ok := x.(named); ok {
		return "named " + n.name()
	}
	return "not named"
}`,
		`type user struct{ n string }
func (u *user) name() string { return u.n }`,
		`fmt.Println(check(&user{"ann"}))`,
		`type user struct{ n string }
func (u *user) name() string { return "new " + u.n }`,
		`type other struct{}
func (*other) name() string { return "other" }`,
		`fmt.Println(check(&user{"bo"}) == "named "+(&user{"bo"}).name(), check(&other{}))`)
	if want := "named ann\ntrue named other\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
