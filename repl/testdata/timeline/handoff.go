package main

import (
	"fmt"
	"time"
)

func consumer(jobs <-chan int, done chan<- bool) {
	for j := range jobs {
		time.Sleep(time.Second) // work on it
		fmt.Println("done with job", j)
	}
	done <- true
}

func main() {
	jobs := make(chan int)
	done := make(chan bool)
	go consumer(jobs, done)
	for j := 1; j <= 2; j++ {
		jobs <- j
		fmt.Println("handed over job", j)
	}
	close(jobs)
	<-done
}
