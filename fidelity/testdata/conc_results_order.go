package main

import (
	"fmt"
	"sync"
	"time"
)

type result struct {
	id  int
	val string
}

func main() {
	jobs := make(chan int, 10)
	results := make(chan result, 10)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				time.Sleep(time.Duration(j) * 10 * time.Millisecond)
				results <- result{j, fmt.Sprintf("w%d", w)}
			}
		}()
	}
	for j := 1; j <= 6; j++ {
		jobs <- j
	}
	close(jobs)
	go func() { wg.Wait(); close(results) }()
	got := make([]string, 7)
	for r := range results {
		got[r.id] = r.val
	}
	fmt.Println(len(got), got[1:] != nil)
}
