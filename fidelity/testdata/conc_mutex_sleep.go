package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			time.Sleep(10 * time.Millisecond)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("elapsed", time.Since(start))
}
