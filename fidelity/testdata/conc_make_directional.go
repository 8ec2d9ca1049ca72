package main

import "fmt"

// make can make a channel of a directional type: one only receives from
// it (nothing can ever send), one only sends into it.
func main() {
	in := make(<-chan int)
	select {
	case v := <-in:
		fmt.Println("impossible", v)
	default:
		fmt.Println("nothing to receive")
	}
	out := make(chan<- string, 2)
	out <- "a"
	fmt.Println(len(out), cap(out))
}
