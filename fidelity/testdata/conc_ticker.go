package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(20 * time.Millisecond)
	defer ticker.Stop()
	done := time.After(110 * time.Millisecond)
	start := time.Now()
	for {
		select {
		case <-ticker.C:
			fmt.Println("tick at", time.Since(start).Round(time.Millisecond))
		case <-done:
			fmt.Println("done")
			return
		}
	}
}
