package main

import (
	"fmt"
	"sort"
)

func main() {
	groups := [][]int{{3, 1, 2}, {9, 8}, {5}}
	for _, g := range groups {
		sort.Slice(g, func(i, j int) bool { return g[i] < g[j] })
	}
	fmt.Println(groups)
}
