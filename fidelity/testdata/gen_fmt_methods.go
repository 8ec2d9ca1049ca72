package main

import (
	"errors"
	"fmt"
)

type Box struct{ V int }

func (b Box) String() string { return fmt.Sprintf("<%d>", b.V) }

type Color int

func (c Color) String() string { return [...]string{"red", "green"}[c] }

type Tagged[T any] struct{ Tag string }

func (t Tagged[T]) String() string { return "#" + t.Tag }

func Show[T any](xs []T, m map[string]T) {
	fmt.Println(xs, m)
	fmt.Printf("%v %s %d\n", xs, xs, len(xs))
	fmt.Println(fmt.Sprint(xs), fmt.Sprintln(m))
}

func Errs[E error](es ...E) string { return fmt.Sprint(es) }

func main() {
	Show([]Box{{1}, {2}}, map[string]Box{"a": {3}})
	Show([]Color{1, 0}, nil)
	Show([]int{7}, map[string]int{"b": 8})
	Show([]Tagged[int]{{"x"}}, map[string]Tagged[int]{"k": {"y"}})
	fmt.Println(Errs(errors.New("e1"), fmt.Errorf("e2")))
}
