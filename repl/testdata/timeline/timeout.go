// select with a timeout: the result comes too late.
package main

import (
	"fmt"
	"time"
)

func main() {
	result := make(chan string)
	go func() {
		time.Sleep(2 * time.Second)
		result <- "late"
	}()
	select {
	case r := <-result:
		fmt.Println(r)
	case <-time.After(time.Second):
		fmt.Println("timed out")
	}
	fmt.Println(<-result)
}
