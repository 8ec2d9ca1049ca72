package main

import (
	"fmt"
	"sync"
	"time"
)

// main returns while goroutines wait on things nobody will ever do: a
// receive, a send, a lock, a WaitGroup, an empty select, and one sleeps in
// a loop forever. Go just exits with status 0; none of them prints again.
func main() {
	in, out := make(chan int), make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(1)
	mu.Lock()
	step := func() { time.Sleep(time.Millisecond) }
	go func() {
		fmt.Println("receiver waits")
		v := <-in
		fmt.Println("never printed", v)
	}()
	step()
	go func() {
		fmt.Println("sender waits")
		out <- 1
		fmt.Println("never printed either")
	}()
	step()
	go func() {
		fmt.Print("locker waits...")
		mu.Lock()
		fmt.Println("never locked")
	}()
	step()
	go func() {
		wg.Wait()
		fmt.Println("never done")
	}()
	go func() {
		select {}
	}()
	go func() {
		for i := 0; ; i++ {
			time.Sleep(3 * time.Millisecond)
			fmt.Println("tick", i)
		}
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(" main returns")
}
