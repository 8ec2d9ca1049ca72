package main

import (
	"fmt"
	"sync"
)

func Merge[T any](chs ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	for _, c := range chs {
		wg.Add(1)
		go func(c <-chan T) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func From[T any](vs ...T) <-chan T {
	c := make(chan T)
	go func() {
		for _, v := range vs {
			c <- v
		}
		close(c)
	}()
	return c
}

func main() {
	total := 0
	for v := range Merge(From(1, 2, 3), From(10, 20)) {
		total += v
	}
	fmt.Println(total)
}
