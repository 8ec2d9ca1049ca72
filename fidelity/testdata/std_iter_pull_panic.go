package main

import (
	"fmt"
	"iter"
)

func main() {
	next, stop := iter.Pull(func(yield func(string) bool) {
		defer fmt.Println("iterator's deferred call runs")
		yield("a")
		panic("iterator broke")
	})
	defer stop()
	defer fmt.Println("main's deferred call runs")
	fmt.Println(next())
	fmt.Println(next())
	fmt.Println("not reached")
}
