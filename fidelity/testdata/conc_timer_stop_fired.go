package main

import (
	"fmt"
	"time"
)

// Since Go 1.23 a timer's channel is unbuffered: a timer that fired while
// nobody received has not delivered its value, so Reset and Stop discard it
// and Stop reports that it stopped the timer.
func main() {
	start := time.Now()
	t := time.NewTimer(5 * time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	t.Reset(20 * time.Millisecond) // fired, not drained: Go 1.23 discards the stale value
	<-t.C
	fmt.Println("received after", time.Since(start))
	t2 := time.NewTimer(5 * time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("stop:", t2.Stop())
	select {
	case <-t2.C:
		fmt.Println("stale value")
	default:
		fmt.Println("nothing")
	}
}
