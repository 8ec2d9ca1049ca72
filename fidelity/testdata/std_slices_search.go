package main

import (
	"fmt"
	"slices"
)

func main() {
	s := []string{"go", "rust", "zig", "go"}
	fmt.Println(slices.Index(s, "zig"), slices.Index(s, "c"), slices.Contains(s, "rust"))
	fmt.Println(slices.IndexFunc(s, func(x string) bool { return len(x) == 4 }))
	fmt.Println(slices.ContainsFunc(s, func(x string) bool { return x == "" }))
	n := []int{4, 9, 2}
	fmt.Println(slices.Max(n), slices.Min(n))
	fmt.Println(slices.Equal(n, []int{4, 9, 2}), slices.Equal(n, nil))
	fmt.Println(slices.Compare([]int{1, 2}, []int{1, 3}))
	fmt.Println(slices.MaxFunc(s, func(a, b string) int { return len(a) - len(b) }))
}
