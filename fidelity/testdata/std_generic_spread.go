package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Ints []int

type Name string

func Flat[T any](xs ...[]T) []T { return slices.Concat(xs...) }

func FirstSet[T comparable](vs ...T) T { return cmp.Or(vs...) }

func main() {
	strs := []string{"", "b", "c"}
	fmt.Printf("%q %q %q\n", cmp.Or(strs...), cmp.Or(strs[:1]...), cmp.Or[string]())
	fmt.Println(cmp.Or[int](), cmp.Or([]int{}...), cmp.Or(0, 0, 3))
	names := []Name{"", "ann"}
	fmt.Printf("%v %T\n", cmp.Or(names...), cmp.Or(names...))
	one := 1
	ptrs := []*int{nil, &one}
	fmt.Println(*cmp.Or(ptrs...), cmp.Or[*int]() == nil)

	fmt.Println(slices.Concat[[]string](), slices.Concat[[]string]() == nil)
	parts := []Ints{{1}, {2, 3}}
	all := slices.Concat(parts...)
	fmt.Printf("%T ", all)
	fmt.Println(all, len(all), strings.Join(slices.Concat([][]string{{"x"}, {"y", "z"}}...), "-"))
	fmt.Println(Flat([]int{1}, []int{2}), Flat[string](), FirstSet("", "q"), FirstSet[float64]())

	done := make(chan []int)
	go func() { done <- slices.Concat(parts...) }()
	fmt.Println(<-done)
}
