package main

import (
	"fmt"
	"time"
)

func main() {
	ticks := time.NewTicker(250 * time.Millisecond)
	defer ticks.Stop()
	quit := time.After(time.Second + 100*time.Millisecond)
	data := make(chan int)
	go func() {
		for i := 0; ; i++ {
			select {
			case data <- i:
				time.Sleep(400 * time.Millisecond)
			case <-time.After(2 * time.Second):
				return
			}
		}
	}()
	for {
		select {
		case t := <-ticks.C:
			_ = t
			fmt.Println("tick")
		case v := <-data:
			fmt.Println("data", v)
		case <-quit:
			fmt.Println("quit")
			return
		}
	}
}
