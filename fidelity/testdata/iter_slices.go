package main

import (
	"fmt"
	"slices"
)

func main() {
	for i, v := range slices.All([]string{"x", "y"}) {
		fmt.Println(i, v)
	}
	for v := range slices.Values([]int{7, 8}) {
		fmt.Println(v)
	}
	for i, v := range slices.Backward([]int{1, 2, 3}) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	for c := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Println(c)
	}
}
