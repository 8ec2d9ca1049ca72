package main

import (
	"fmt"
	"iter"
	"time"
)

func ticks(name string, every time.Duration) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 0; ; i++ {
			time.Sleep(every)
			if !yield(fmt.Sprintf("%s%d", name, i)) {
				return
			}
		}
	}
}

func main() {
	start := time.Now()
	na, sa := iter.Pull(ticks("a", 100*time.Millisecond))
	nb, sb := iter.Pull(ticks("b", 300*time.Millisecond))
	defer sa()
	defer sb()
	results := make(chan string)
	go func() {
		for range 3 {
			a, _ := na()
			b, _ := nb()
			results <- a + "+" + b
		}
		close(results)
	}()
	for r := range results {
		fmt.Println(r, time.Since(start).Round(time.Millisecond))
	}
}
