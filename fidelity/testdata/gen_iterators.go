package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"sort"
)

func Filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func Enumerate[T any](xs []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, v := range xs {
			if !yield(i, v) {
				return
			}
		}
	}
}

type Tree[T any] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		t.push(yield)
	}
}

func (t *Tree[T]) push(yield func(T) bool) bool {
	if t == nil {
		return true
	}
	return t.Left.push(yield) && yield(t.Val) && t.Right.push(yield)
}

func Keys[K comparable, V any](m map[K]V) []K {
	var out []K
	for k := range maps.Keys(m) {
		out = append(out, k)
	}
	return out
}

func main() {
	evens := Filter(slices.Values([]int{1, 2, 3, 4, 5, 6}), func(n int) bool { return n%2 == 0 })
	for v := range evens {
		if v > 4 {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	for i, s := range Enumerate([]string{"a", "b"}) {
		fmt.Println(i, s)
	}
	t := &Tree[string]{Val: "m", Left: &Tree[string]{Val: "a"}, Right: &Tree[string]{Val: "z"}}
	fmt.Println(slices.Collect(t.All()))
	var funcs []func() int
	for i, v := range Enumerate([]int{10, 20}) {
		funcs = append(funcs, func() int { return i + v })
	}
	fmt.Println(funcs[0](), funcs[1]())
	ks := Keys(map[string]int{"x": 1, "y": 2})
	sort.Strings(ks)
	fmt.Println(ks)
}
