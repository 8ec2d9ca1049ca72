// fidelity: compare=instant: which worker takes which job is up to the scheduler, so each line names only the job
package main

import (
	"fmt"
	"time"
)

func worker(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		fmt.Println("started job", j)
		time.Sleep(10 * time.Millisecond)
		fmt.Println("finished job", j)
		results <- j * 2
	}
}

func main() {
	jobs := make(chan int, 5)
	results := make(chan int, 5)
	for range 3 {
		go worker(jobs, results)
	}
	for j := 1; j <= 5; j++ {
		jobs <- j
	}
	close(jobs)
	sum := 0
	for range 5 {
		sum += <-results
	}
	fmt.Println("sum", sum)
}
