package main

import (
	"fmt"
	"sync"
	"time"
)

func source(name string, every time.Duration, n int) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for i := 1; i <= n; i++ {
			time.Sleep(every)
			ch <- fmt.Sprintf("%s%d", name, i)
		}
	}()
	return ch
}

func merge(chs ...<-chan string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, c := range chs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func main() {
	start := time.Now()
	for v := range merge(source("a", 10*time.Millisecond, 3), source("b", 25*time.Millisecond, 2)) {
		fmt.Println(time.Since(start), v)
	}
}
