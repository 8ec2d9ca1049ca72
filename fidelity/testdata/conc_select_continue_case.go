package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	ch <- 3
	for i := 0; i < 3; i++ {
		select {
		case v := <-ch:
			if v == 3 {
				fmt.Println("last")
			}
			continue
		}
		fmt.Println("not reached", i)
	}
	fmt.Println("loop done")
}
