package main

import (
	"fmt"
	"sync"
	"time"
)

func square(id int, n int, out chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()

	time.Sleep(time.Duration(id) * 100 * time.Millisecond)

	out <- result{id: id, value: n * n}
}

func collect(in <-chan result, done chan<- int) {
	total := 0

	for r := range in {
		fmt.Println("worker", r.id, "gave", r.value)

		total += r.value
	}

	done <- total
}

func main() {
	out := make(chan result)
	done := make(chan int)

	var wg sync.WaitGroup

	go collect(out, done)

	for i := 1; i <= 3; i++ {
		wg.Add(1)

		go square(i, i+1, out, &wg)
	}

	wg.Wait()
	close(out)

	total := <-done

	fmt.Println("total", total)

	if total != 29 {
		fmt.Println("unexpected")
	}

	fmt.Println("done")
}

type result struct {
	id    int
	value int
}
