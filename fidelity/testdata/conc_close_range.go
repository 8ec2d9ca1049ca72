package main

import (
	"fmt"
	"time"
)

func produce(n int, out chan<- int) {
	for i := range n {
		time.Sleep(5 * time.Millisecond)
		out <- i * i
	}
	close(out)
}

func main() {
	ch := make(chan int)
	go produce(4, ch)
	for v := range ch {
		fmt.Println("got", v)
	}
	fmt.Println("closed")
}
