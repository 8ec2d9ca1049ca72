package main

import "fmt"

func main() {
	for i := range 3 {
		fmt.Println("i", i)
	}
	n := 4
	total := 0
	for i := range n {
		total += i
	}
	fmt.Println(total)
	for range 2 {
		fmt.Println("tick")
	}
	const k = 2
	for i := range k {
		fmt.Println("k", i)
	}
}
