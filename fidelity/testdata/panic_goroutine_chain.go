package main

import (
	"fmt"
	"time"
)

func work(done chan bool) {
	defer func() { done <- true }()
	defer func() {
		fmt.Println("cleanup")
		panic("cleanup failed")
	}()
	panic("work failed")
}

func main() {
	done := make(chan bool)
	go work(done)
	<-done
	time.Sleep(time.Second)
	fmt.Println("not reached")
}
