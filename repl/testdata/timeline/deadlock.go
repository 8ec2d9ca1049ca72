// A producer sends three values 100ms apart and forgets to close the
// channel; the consumer ranges over it and main waits for it to finish.
package main

import (
	"fmt"
	"time"
)

func producer(out chan<- int) {
	for i := 0; i < 3; i++ {
		time.Sleep(100 * time.Millisecond)
		out <- i
	}
}

func consumer(in <-chan int, done chan<- bool) {
	for v := range in {
		fmt.Println("got", v)
	}
	done <- true
}

func main() {
	values := make(chan int)
	done := make(chan bool)
	go producer(values)
	go consumer(values, done)
	<-done
}
