package main

import (
	"fmt"
	"time"
)

// A goroutine prints without a newline and ends; the next line another
// goroutine prints goes on from where it stopped.
func main() {
	done := make(chan bool)
	go func() {
		fmt.Print("answer=")
		done <- true
	}()
	<-done
	fmt.Println(42)

	go func() {
		fmt.Print("later=")
	}()
	time.Sleep(5 * time.Millisecond)
	fmt.Println("after a sleep")
	fmt.Print("no newline at the end")
}
