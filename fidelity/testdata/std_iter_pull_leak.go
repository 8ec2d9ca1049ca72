package main

import (
	"fmt"
	"iter"
)

func main() {
	next, _ := iter.Pull(func(yield func(int) bool) {
		for i := 0; yield(i); i++ {
		}
	})
	fmt.Println(next())
}
