package main

import (
	"fmt"
	"slices"
)

func main() {
	s := []int{1, 2, 3, 4, 5}
	s = slices.Insert(s, 2, 10, 11)
	fmt.Println(s)
	s = slices.Delete(s, 0, 2)
	fmt.Println(s)
	c := slices.Clone(s)
	c[0] = 99
	fmt.Println(s, c)
	slices.Reverse(c)
	fmt.Println(c)
	d := slices.Compact([]int{1, 1, 2, 2, 2, 3, 1})
	fmt.Println(d)
	e := slices.DeleteFunc([]int{1, 2, 3, 4, 5, 6}, func(x int) bool { return x%2 == 0 })
	fmt.Println(e)
	fmt.Println(slices.Concat([]int{1}, []int{2, 3}, nil, []int{4}))
	fmt.Println(slices.Repeat([]string{"ab"}, 3))
	fmt.Println(slices.Replace([]int{1, 2, 3}, 1, 2, 7, 8))
}
