package main

import (
	"errors"
	"fmt"
)

// Values of the program's types with String or Error methods that reach
// fmt through an interface of the program's, a slice or map of them, a
// spread list and %w.

type Shape interface{ Area() int }

type square struct{ side int }

func (s square) Area() int      { return s.side * s.side }
func (s square) String() string { return fmt.Sprintf("square(%d)", s.side) }

type blob struct{ n int }

func (b *blob) Area() int      { return b.n }
func (b *blob) String() string { return "blob" }

type plain struct{ n int }

func (p plain) Area() int { return p.n }

type notFound struct{ key string }

func (e notFound) Error() string { return "not found: " + e.key }

func describe(s Shape) string { return fmt.Sprint(s, " has area ", s.Area()) }

func main() {
	shapes := []Shape{square{2}, &blob{3}, plain{4}}
	for _, s := range shapes {
		fmt.Println(describe(s))
		fmt.Printf("%v|%s|%d\n", s, s, s.Area())
	}
	fmt.Println(shapes)
	byName := map[string]Shape{"a": square{1}, "b": plain{2}}
	fmt.Println(byName)
	var things []any
	things = append(things, notFound{"k"}, square{5}, 7, "text", nil)
	fmt.Println(things...)
	fmt.Println(len(fmt.Sprintln(things...)))
	var v any = notFound{"w"}
	err := fmt.Errorf("lookup: %w", v)
	fmt.Println(err, errors.Unwrap(err) != nil)
	type local struct{ id int }
	var l any = local{9}
	fmt.Println(l)
	var nothing any
	fmt.Println(nothing)
}
