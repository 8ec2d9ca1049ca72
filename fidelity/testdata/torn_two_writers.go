package main

import (
	"fmt"
	"sync"
	"time"
)

// Two goroutines build their lines a piece at a time; each piece is
// printed between sleeps, so the other's pieces land inside the line.
func writer(name string, start time.Duration, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(start)
	for i := range 3 {
		fmt.Print(name, i, " ")
		time.Sleep(2 * time.Millisecond)
	}
	fmt.Println(name, "done")
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go writer("a", 0, &wg)
	go writer("b", time.Millisecond, &wg)
	wg.Wait()
	fmt.Print("main ")
	fmt.Printf("%s\n", "ends")
}
