package main

import (
	"errors"
	"fmt"
	"iter"
)

func safeNext(next func() (int, bool)) (err any) {
	defer func() { err = recover() }()
	v, ok := next()
	fmt.Println("next:", v, ok)
	return nil
}

func main() {
	next, stop := iter.Pull(func(yield func(int) bool) {
		for i := range 3 {
			if i == 2 {
				panic(errors.New("no third value"))
			}
			if !yield(i) {
				return
			}
		}
	})
	for range 4 {
		fmt.Println("recovered:", safeNext(next))
	}
	stop()
	stop()

	// A panic while stopping goes to stop's caller.
	next2, stop2 := iter.Pull(func(yield func(int) bool) {
		if !yield(1) {
			panic("stopped, and upset about it")
		}
	})
	fmt.Println(next2())
	func() {
		defer func() { fmt.Println("stop panicked:", recover()) }()
		stop2()
	}()
	fmt.Println(next2())
	stop2()
}
