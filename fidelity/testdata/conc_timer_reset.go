package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTimer(time.Second)
	time.Sleep(300 * time.Millisecond)
	fmt.Println("reset:", t.Reset(500*time.Millisecond))
	<-t.C
	fmt.Println("fired after", time.Since(start).Round(time.Millisecond))
	fmt.Println("stop after fire:", t.Stop())
	done := make(chan bool)
	time.AfterFunc(200*time.Millisecond, func() { done <- true })
	select {
	case <-done:
		fmt.Println("afterfunc ran")
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
	tick := time.Tick(100 * time.Millisecond)
	for i := range 3 {
		<-tick
		fmt.Println("tick", i, time.Since(start).Round(time.Millisecond))
	}
}
