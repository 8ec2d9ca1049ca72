package main

import (
	"fmt"
	"time"
)

func download(name string) string {
	time.Sleep(20 * time.Millisecond)
	return name + ".zip"
}

func main() {
	start := time.Now()
	for _, n := range []string{"a", "b", "c"} {
		fmt.Println(download(n), time.Since(start))
	}
	results := make(chan string, 3)
	start = time.Now()
	for _, n := range []string{"a", "b", "c"} {
		go func() { results <- download(n) }()
	}
	for range 3 {
		<-results
	}
	fmt.Println("concurrent took", time.Since(start))
}
