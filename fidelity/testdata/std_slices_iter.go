package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	m := map[string]int{"c": 3, "a": 1, "b": 2}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	vals := slices.Collect(maps.Values(m))
	slices.Sort(vals)
	fmt.Println(vals)
	fmt.Println(slices.Collect(slices.Values([]int{7, 8})))
	fmt.Println(slices.SortedFunc(slices.Values([]int{1, 3, 2}), func(a, b int) int { return b - a }))
	fmt.Println(len(slices.Collect(slices.Chunk([]int{1, 2, 3, 4, 5}, 2))))
	m2 := maps.Collect(slices.All([]string{"x", "y"}))
	fmt.Println(m2)
}
