package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan bool)
	time.AfterFunc(20*time.Millisecond, func() {
		fmt.Println("callback ran")
		done <- true
	})
	t := time.AfterFunc(10*time.Millisecond, func() { fmt.Println("never") })
	t.Stop()
	fmt.Println("waiting")
	<-done
	fmt.Println("end")
}
