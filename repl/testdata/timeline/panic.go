// Three workers sleep id*300ms; worker 2 writes to a nil map.
package main

import (
	"fmt"
	"time"
)

func worker(id int) {
	time.Sleep(time.Duration(id) * 300 * time.Millisecond)
	if id == 2 {
		var m map[string]int
		m["x"] = 1
	}
	fmt.Println("worker", id, "done")
}

func main() {
	for id := 1; id <= 3; id++ {
		go worker(id)
	}
	time.Sleep(2 * time.Second)
}
