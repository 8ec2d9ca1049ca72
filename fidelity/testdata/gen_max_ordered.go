package main

import (
	"cmp"
	"fmt"
)

func MaxOf[T cmp.Ordered](first T, rest ...T) T {
	m := first
	for _, v := range rest {
		if v > m {
			m = v
		}
	}
	return m
}

func main() {
	fmt.Println(MaxOf(3, 7, 2))
	fmt.Println(MaxOf("kiwi", "apple", "mango"))
	fmt.Println(MaxOf(2.5))
}
