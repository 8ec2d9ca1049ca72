package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
)

type Node[T any] struct {
	Val  T
	Next *Node[T]
}

type List[T any] struct {
	head *Node[T]
	n    int
}

func (l *List[T]) Push(v T) { l.head = &Node[T]{v, l.head}; l.n++ }

func (l *List[T]) All() []T {
	var out []T
	for n := l.head; n != nil; n = n.Next {
		out = append(out, n.Val)
	}
	return out
}

type Pair[K comparable, V any] struct {
	K K
	V V
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Entries[K comparable, V any](m map[K]V, less func(a, b K) bool) []Pair[K, V] {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
	return Map(keys, func(k K) Pair[K, V] { return Pair[K, V]{k, m[k]} })
}

func Collect[T any](xs ...T) *List[T] {
	var l List[T]
	for _, x := range xs {
		l.Push(x)
	}
	return &l
}

func Parse[T any](s string, conv func(string) (T, error)) (T, error) {
	v, err := conv(s)
	if err != nil {
		var zero T
		return zero, errors.New("bad " + strconv.Quote(s))
	}
	return v, nil
}

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	es := Entries(m, func(a, b string) bool { return a < b })
	fmt.Println(es)
	fmt.Printf("%T\n", es)

	l := Collect(Entries(map[int]bool{2: true, 1: false}, func(a, b int) bool { return a < b })...)
	fmt.Println(l.All(), l.n)
	fmt.Printf("%T %T\n", l, l.head)

	strs := Map[int, string]([]int{1, 2}, strconv.Itoa)
	lens := Map(strs, func(s string) int { return len(s) })
	fmt.Println(strs, lens)

	itoa := Map[int, string]
	fmt.Println(itoa([]int{7}, func(n int) string { return strconv.Itoa(n) + "!" }))

	n, err := Parse("42", strconv.Atoi)
	fmt.Println(n, err)
	_, err = Parse("x", strconv.ParseBool)
	fmt.Println(err)

	nested := Collect(Collect(1, 2), Collect(3))
	for _, inner := range nested.All() {
		fmt.Print(inner.All(), " ")
	}
	fmt.Println()
}
