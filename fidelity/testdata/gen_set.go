package main

import (
	"fmt"
	"sort"
)

type Set[T comparable] map[T]struct{}

func NewSet[T comparable](items ...T) Set[T] {
	s := Set[T]{}
	for _, it := range items {
		s.Add(it)
	}
	return s
}

func (s Set[T]) Add(v T)      { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool { _, ok := s[v]; return ok }
func (s Set[T]) Len() int     { return len(s) }

func main() {
	s := NewSet("a", "b", "a")
	fmt.Println(s.Len(), s.Has("a"), s.Has("z"))
	n := NewSet(3, 1, 3, 2)
	var keys []int
	for k := range n {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	fmt.Println(keys)
}
