package main

import (
	"log"
	"os"
	"sync"
)

var logger = log.New(os.Stdout, "", log.Lshortfile)

func report(n int) {
	logger.Printf("worker %d done", n)
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			report(i)
		}()
	}
	wg.Wait()
	log.SetFlags(log.Lshortfile)
	log.Fatalf("fatal after %d workers", 3)
}
