package main

import (
	"fmt"
	"time"
)

type worker struct {
	id   int
	done chan<- string
}

func (w worker) run(delay time.Duration) {
	time.Sleep(delay)
	w.done <- fmt.Sprintf("worker %d after %v", w.id, delay)
}

type shape interface {
	area() float64
}
type rect struct{ w, h float64 }

func (r rect) area() float64 { return r.w * r.h }

func main() {
	done := make(chan string)
	for i := 1; i <= 3; i++ {
		w := worker{id: i, done: done}
		go w.run(time.Duration(4-i) * 100 * time.Millisecond)
	}
	for range 3 {
		fmt.Println(<-done)
	}
	shapes := make(chan shape, 2)
	shapes <- rect{2, 3}
	shapes <- rect{1, 1}
	close(shapes)
	total := 0.0
	for s := range shapes {
		total += s.area()
	}
	fmt.Println(total)
	start := time.Now()
	time.Sleep(1500 * time.Millisecond)
	fmt.Println(time.Since(start), time.Duration(90)*time.Second, 2*time.Hour+3*time.Millisecond)
}
