package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	go func() {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("goroutine exits the program")
		os.Exit(4)
	}()
	time.Sleep(time.Second)
	fmt.Println("not reached")
}
