package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(1500 * time.Microsecond)
	fmt.Println(time.Since(start))
	time.Sleep(2 * time.Millisecond)
	elapsed := time.Since(start)
	fmt.Println(elapsed, elapsed.Milliseconds(), elapsed.Seconds())
	deadline := start.Add(10 * time.Millisecond)
	time.Sleep(time.Until(deadline))
	fmt.Println(time.Since(start) >= 10*time.Millisecond)
}
