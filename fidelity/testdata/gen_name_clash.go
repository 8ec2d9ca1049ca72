package main

import (
	"fmt"
	"slices"
)

// Contains is the program's own, counting instead of searching.
func Contains[E comparable](s []E, v E) bool {
	n := 0
	for _, x := range s {
		if x == v {
			n++
		}
	}
	return n > 1
}

func main() {
	s := []int{1, 2, 3}
	fmt.Println(Contains(s, 2), slices.Contains(s, 2))
	fmt.Println(slices.Contains(s, 3), Contains(s, 3))
}
