// Lesson 3's picture: main waits for three tasks that sleep.
package main

import (
	"fmt"
	"sync"
	"time"
)

func task(name string, d time.Duration, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("task", name, "start")
	time.Sleep(d)
	fmt.Println("task", name, "stop")
}

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	go task("A", 2*time.Second, &wg)
	go task("B", 3*time.Second, &wg)
	go task("C", 0, &wg)
	wg.Wait()
	fmt.Println("all done")
}
