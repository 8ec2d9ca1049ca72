package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)
	limiter := time.Tick(200 * time.Millisecond)
	for req := range requests {
		<-limiter
		fmt.Println("request", req, time.Since(start).Round(time.Millisecond))
	}
	bursty := make(chan time.Time, 3)
	for i := 0; i < 3; i++ {
		bursty <- time.Now()
	}
	go func() {
		for t := range time.Tick(200 * time.Millisecond) {
			bursty <- t
		}
	}()
	burstyRequests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		burstyRequests <- i
	}
	close(burstyRequests)
	for req := range burstyRequests {
		<-bursty
		fmt.Println("bursty", req, time.Since(start).Round(time.Millisecond))
	}
}
