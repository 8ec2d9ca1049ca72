package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		time.AfterFunc(time.Duration(i)*10*time.Millisecond, func() {
			defer wg.Done()
			fmt.Println("timer", i)
		})
	}
	wg.Wait()
}
