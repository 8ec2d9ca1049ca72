package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	fmt.Println("start", runtime.NumGoroutine())
	stop := make(chan struct{})
	for i := 0; i < 4; i++ {
		go func() { <-stop }()
	}
	time.Sleep(time.Millisecond)
	fmt.Println("running", runtime.NumGoroutine())
	close(stop)
	time.Sleep(time.Millisecond)
	fmt.Println("after", runtime.NumGoroutine())
}
