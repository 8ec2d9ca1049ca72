package main

import (
	"cmp"
	"fmt"
	"slices"
)

func main() {
	lists := [][]int{{1, 2}, {3}, {}, {4}}
	fmt.Println(slices.Concat(lists...))
	fmt.Printf("%q\n", cmp.Or[string]())
}
