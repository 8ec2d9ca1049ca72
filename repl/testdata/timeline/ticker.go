// max-virtual: 2s
// A ticker sends every 250ms to a goroutine that prints; main blocks in
// select{} until the virtual-time budget stops the run.
package main

import (
	"fmt"
	"time"
)

func ticker(out chan<- int) {
	for i := 0; ; i++ {
		time.Sleep(250 * time.Millisecond)
		out <- i
	}
}

func main() {
	ticks := make(chan int)
	go ticker(ticks)
	go func() {
		for t := range ticks {
			fmt.Println("tick", t)
		}
	}()
	select {}
}
