// Ten thousand goroutines sleep a few milliseconds each and finish; main
// waits for all of them.
package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(time.Duration(1+id%10) * time.Millisecond)
}

func main() {
	var wg sync.WaitGroup
	for id := 0; id < 10000; id++ {
		wg.Add(1)
		go worker(id, &wg)
	}
	wg.Wait()
	fmt.Println("all done")
}
