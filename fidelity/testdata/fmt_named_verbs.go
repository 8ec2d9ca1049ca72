package main

import (
	"errors"
	"fmt"
	"time"
)

type ID int
type names []string
type lookup map[string]ID
type handler func(int) error
type level string
type ratio float64
type point struct{ X, Y int }
type temp struct{ deg float64 }
type color int

func (c color) String() string { return [...]string{"red", "green"}[c] }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

// %T, %#v and the other verbs on the program's named types that are not
// structs, generic instances and composites of them, as Printf, Sprintf
// and Errorf print them.
func main() {
	var h handler
	var nl names
	ids := []ID{1, 2}
	fmt.Printf("%T %#v %v %d\n", ID(7), ID(7), ID(7), ID(7))
	fmt.Printf("%T %#v %v\n", names{"a"}, names{"a", "b"}, names{"a"})
	fmt.Printf("%#v %#v\n", nl, lookup(nil))
	fmt.Printf("%T %#v\n", lookup{"x": 1}, lookup{"x": 1, "a": 2})
	fmt.Printf("%T %#v\n", h, h)
	fmt.Printf("%T %#v %q\n", level("hi"), level("hi"), level("hi"))
	fmt.Printf("%T %#v %.1f\n", ratio(0.5), ratio(0.5), ratio(0.25))
	fmt.Printf("%T %#v %+v\n", point{1, 2}, &point{1, 2}, point{3, 4})
	fmt.Printf("%T %#v\n", ids, ids)
	fmt.Printf("%T %v %#v %d %s\n", color(1), color(1), color(1), color(1), color(0))
	fmt.Printf("%T %v\n", []color{0, 1}, Pair[string, ID]{"k", 3})
	fmt.Printf("%#v\n", Pair[string, ID]{"k", 3})
	fmt.Printf("%T %v\n", &temp{1}, time.Second)
	fmt.Printf("%5T|%-6v|\n", ID(1), ID(2))
	err := fmt.Errorf("id %v: %w", ID(3), errors.New("bad"))
	fmt.Println(err, errors.Unwrap(err))
	fmt.Printf("%d %s\n", ID(1))
	fmt.Printf("%d\n", ID(1), ID(2))
	s := fmt.Sprintf("%T", map[ID][]names{})
	fmt.Println(s)
	fmt.Printf("%*d|\n", ID(4), 7)
}
