package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	a := map[string]int{"x": 1, "y": 2}
	b := maps.Clone(a)
	fmt.Println(maps.Equal(a, b))
	b["z"] = 3
	fmt.Println(maps.Equal(a, b), len(b))
	maps.Copy(a, map[string]int{"w": 0})
	fmt.Println(slices.Sorted(maps.Keys(a)))
	maps.DeleteFunc(b, func(k string, v int) bool { return v > 1 })
	fmt.Println(b)
	fmt.Println(maps.EqualFunc(a, a, func(x, y int) bool { return x == y }))
	c := maps.Collect(maps.All(map[int]string{1: "one"}))
	fmt.Println(c)
}
