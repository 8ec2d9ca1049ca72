package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Box[T any] struct{ v T }

func other() {
	fmt.Println("other starts")
	fmt.Println("other", Pair[string, int]{Key: "o", Val: 9})
	fmt.Println("other ends")
}

// Literals of one instance of a generic struct type in several places,
// keyed, positional, elided inside a slice, and behind &.
func main() {
	fmt.Println("first", Pair[string, int]{"k", 1})
	fmt.Println("between")
	p := Pair[string, int]{"k", 2}
	other()
	ps := []Pair[string, int]{{"a", 1}, {Key: "b"}}
	ptrs := []*Pair[string, int]{{"c", 3}}
	q := &Pair[string, int]{Val: 4}
	q.Key = "q"
	b := Box[[]int]{[]int{1, 2}}
	fmt.Println(p, ps, *ptrs[0], *q, b.v, Pair[string, int]{})
}
