package main

import (
	"fmt"
	"time"
)

func worker(id int) {
	time.Sleep(time.Duration(id) * 10 * time.Millisecond)
	if id == 2 {
		panic(fmt.Sprintf("worker %d failed", id))
	}
	fmt.Println("worker", id, "done")
}

func main() {
	for id := 1; id <= 3; id++ {
		go worker(id)
	}
	time.Sleep(100 * time.Millisecond)
	fmt.Println("not reached")
}
