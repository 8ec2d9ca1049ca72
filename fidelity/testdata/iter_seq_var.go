package main

import (
	"fmt"
	"iter"
	"slices"
)

func main() {
	var seq iter.Seq[int] = slices.Values([]int{1, 2})
	seq(func(n int) bool {
		fmt.Println(n)
		return true
	})
}
