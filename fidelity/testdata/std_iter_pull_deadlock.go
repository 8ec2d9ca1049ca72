package main

import (
	"fmt"
	"iter"
	"runtime"
)

func main() {
	next, _ := iter.Pull(func(yield func(int) bool) {
		defer fmt.Println("iterator's defer")
		for i := 0; ; i++ {
			if !yield(i) {
				return
			}
		}
	})
	fmt.Println(next())
	fmt.Println(runtime.NumGoroutine())
	ch := make(chan int)
	<-ch
}
