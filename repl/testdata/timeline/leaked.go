// Twenty waiters, each on a channel of its own that nobody sends on, and
// five sleepers: more kinds of goroutine than a chart has lanes.
package main

import (
	"fmt"
	"time"
)

func waiter(c chan int) { <-c }

func sleeper(d time.Duration) {
	time.Sleep(d)
	fmt.Println("slept", d)
}

func main() {
	for i := 0; i < 20; i++ {
		go waiter(make(chan int))
	}
	for i := 1; i <= 5; i++ {
		go sleeper(time.Duration(i) * 100 * time.Millisecond)
	}
	time.Sleep(time.Second)
	fmt.Println("main returns")
}
