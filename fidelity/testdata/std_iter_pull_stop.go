package main

import (
	"fmt"
	"iter"
	"runtime"
)

func numbers(name string) iter.Seq[int] {
	return func(yield func(int) bool) {
		fmt.Println(name, "starts")
		defer fmt.Println(name, "cleans up")
		for i := 1; ; i++ {
			if !yield(i * 10) {
				fmt.Println(name, "told to stop after", i)
				return
			}
		}
	}
}

func main() {
	fmt.Println("goroutines:", runtime.NumGoroutine())
	next, stop := iter.Pull(numbers("a"))
	fmt.Println("goroutines after Pull:", runtime.NumGoroutine())
	fmt.Println(next())
	fmt.Println(next())
	stop()
	fmt.Println("goroutines after stop:", runtime.NumGoroutine())
	fmt.Println(next())
	stop()
	fmt.Println(next())

	// Stopped before the first next: the iterator never runs.
	next, stop = iter.Pull(numbers("b"))
	stop()
	fmt.Println(next())

	// Pulled to the end: next keeps saying false.
	short := func(yield func(string) bool) {
		_ = yield("x") && yield("y")
	}
	nextS, stopS := iter.Pull(short)
	for range 4 {
		v, ok := nextS()
		fmt.Printf("%q %v\n", v, ok)
	}
	stopS()
	fmt.Println("goroutines at the end:", runtime.NumGoroutine())
}
