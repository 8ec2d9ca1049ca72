package main

import "fmt"

func fib(done <-chan struct{}) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		a, b := 0, 1
		for {
			select {
			case ch <- a:
				a, b = b, a+b
			case <-done:
				return
			}
		}
	}()
	return ch
}

func main() {
	done := make(chan struct{})
	ch := fib(done)
	for range 10 {
		fmt.Print(<-ch, " ")
	}
	fmt.Println()
	close(done)
	for range ch {
	}
	fmt.Println("generator stopped")
}
