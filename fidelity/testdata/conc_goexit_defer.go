package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("deferred runs on Goexit")
		func() {
			runtime.Goexit()
		}()
		fmt.Println("not reached")
	}()
	wg.Wait()
	// Go counts the goroutine until it has finished exiting, which
	// may be after Wait returns: a sleep lets it finish.
	time.Sleep(time.Millisecond)
	fmt.Println("main done", runtime.NumGoroutine())
}
