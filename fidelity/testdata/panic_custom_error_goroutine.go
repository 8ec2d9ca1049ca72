package main

import (
	"fmt"
	"time"
)

type failure struct {
	code int
}

func (f failure) Error() string { return fmt.Sprintf("failure %d", f.code) }

func main() {
	go func() {
		time.Sleep(100 * time.Millisecond)
		panic(failure{3})
	}()
	time.Sleep(time.Second)
	fmt.Println("not reached")
}
