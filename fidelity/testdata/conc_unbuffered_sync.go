package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string)
	go func() {
		fmt.Println("sender: about to send")
		ch <- "hello"
		fmt.Println("sender: sent")
	}()
	time.Sleep(500 * time.Millisecond)
	fmt.Println("main: about to receive")
	fmt.Println("main: got", <-ch)
	time.Sleep(100 * time.Millisecond)
	buf := make(chan int, 2)
	buf <- 1
	buf <- 2
	fmt.Println(len(buf), cap(buf))
	select {
	case buf <- 3:
		fmt.Println("sent 3")
	default:
		fmt.Println("full: would block")
	}
	v, ok := <-buf
	fmt.Println(v, ok)
	close(buf)
	v, ok = <-buf
	fmt.Println(v, ok)
	v, ok = <-buf
	fmt.Println(v, ok)
}
