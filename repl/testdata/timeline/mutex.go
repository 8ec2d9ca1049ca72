// Three goroutines take turns holding a lock for 100ms each.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	count := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			time.Sleep(100 * time.Millisecond)
			count++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("count", count)
}
