package main

import "fmt"

func main() {
	ping, pong := make(chan int), make(chan int)
	done := make(chan struct{})
	go func() {
		for v := range ping {
			fmt.Println("pong got", v)
			pong <- v + 1
		}
		close(done)
	}()
	v := 0
	for range 3 {
		ping <- v
		v = <-pong
		fmt.Println("ping got", v)
	}
	close(ping)
	<-done
	fmt.Println("final", v)
}
