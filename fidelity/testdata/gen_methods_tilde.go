package main

import (
	"fmt"
	"strings"
)

type Celsius float64

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs ...T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(vs ...T) { s.items = append(s.items, vs...) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s Stack[T]) String() string {
	parts := make([]string, len(s.items))
	for i, v := range s.items {
		parts[i] = fmt.Sprint(v)
	}
	return "[" + strings.Join(parts, " | ") + "]"
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func Swap[K, V comparable](p Pair[K, V]) Pair[V, K] { return Pair[V, K]{p.Val, p.Key} }

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(Celsius(1.5), Celsius(2)), Sum[int64]())
	fmt.Printf("%T %v\n", Sum(Celsius(3)), Sum(Celsius(3)))

	var s Stack[string]
	s.Push("a", "b", "c")
	v, ok := s.Pop()
	fmt.Println(v, ok, s)
	nums := &Stack[Celsius]{}
	nums.Push(20.5, 21)
	fmt.Println(nums, nums.items)
	fmt.Printf("%T %T\n", s, nums)

	p := Pair[string, int]{"age", 30}
	q := Swap(p)
	fmt.Printf("%v %+v %T\n", p, q, q)
	fmt.Printf("%#v\n", q)
	ps := []Pair[int, bool]{{1, true}, {Key: 2}}
	fmt.Printf("%v %T\n", ps, ps)
}
