package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("deferred closure sees", i) }()
	}
	fmt.Println("loop done")
}
