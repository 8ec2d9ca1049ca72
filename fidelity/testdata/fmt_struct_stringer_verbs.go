package main

import (
	"errors"
	"fmt"
)

// Verbs that call no String method print a struct value with one by its
// fields, as Go's fmt does: %d, %#v, %x of a struct's fields.

type S struct{ n int }

func (s S) String() string { return fmt.Sprintf("S<%d>", s.n) }

type P struct{ x, y int }

func (p P) String() string { return "P" }

type E struct {
	code int
	msg  string
}

func (e E) Error() string { return fmt.Sprintf("E%d: %s", e.code, e.msg) }

type Inner struct{ a int }

type Outer struct {
	Inner
	name string
	tags []string
	any  any
}

func (o Outer) String() string { return "Outer(" + o.name + ")" }

type PS struct{ n int }

func (p *PS) String() string { return "PS" }

type Hex struct{ v int }

func (h Hex) String() string { return "hex" }

func main() {
	fmt.Printf("%d %#v %v %s %+v\n", S{1}, S{1}, S{1}, S{1}, S{1})
	fmt.Printf("%d %#v %v\n", P{1, 2}, P{1, 2}, P{1, 2})
	fmt.Println(fmt.Sprintf("%d|%#v", S{2}, S{2}))
	e := E{404, "not found"}
	fmt.Printf("%v|%s|%d|%#v|%+v|%T\n", e, e, e, e, e, e)
	o := Outer{Inner{1}, "x", []string{"t"}, 3}
	fmt.Printf("%v|%d|%#v|%+v\n", o, o, o, o)
	p := PS{5}
	fmt.Printf("%v|%d|%#v\n", p, p, p)
	fmt.Printf("%x|%X|%q|%[1]d\n", Hex{10}, Hex{11}, Hex{12})
	err := fmt.Errorf("wrap: %w (%d)", e, e)
	fmt.Println(err, errors.Unwrap(err) != nil)
	type local struct{ k int }
	fmt.Printf("%d %v\n", local{1}, local{2})
	fmt.Println(fmt.Sprintf("%5d|%-8v|", Hex{1}, Hex{2}))
	fmt.Printf("%p|%d\n", S{4}, S{4})
	shadowed()
	done := make(chan bool)
	go func() { fmt.Printf("%d %v\n", e, S{3}); done <- true }()
	<-done
}

// Names of the program's that hide the operand's type, a field's type or
// any where the operand is printed.
func shadowed() {
	x := S{5}
	any := 1
	fmt.Printf("%v %d %d\n", x, x, any)
	S := "s" // hides the type: %d of x would be refused, %v calls String
	fmt.Printf("%v %s\n", x, S)
}
