package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		time.Sleep(50 * time.Millisecond)
		fmt.Println("never printed: main returned first")
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main returns")
}
