package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	m := map[string]int{"x": 1, "y": 2, "z": 3}
	var ks []string
	for k := range maps.Keys(m) {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	fmt.Println(ks)
	total := 0
	for _, v := range maps.All(m) {
		total += v
	}
	fmt.Println(total)
}
