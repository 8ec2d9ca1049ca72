// Two readers share a read lock while a writer waits for both.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.RWMutex
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.RLock()
			time.Sleep(time.Duration(i) * 100 * time.Millisecond)
			mu.RUnlock()
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		mu.Lock()
		fmt.Println("writer has the lock")
		mu.Unlock()
	}()
	wg.Wait()
}
