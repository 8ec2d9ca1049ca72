package main

import (
	"fmt"
	"sync"
	"time"
)

type queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func newQueue() *queue {
	q := &queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *queue) put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *queue) get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func main() {
	q := newQueue()
	var wg sync.WaitGroup
	sum := 0
	var smu sync.Mutex
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				v := q.get()
				smu.Lock()
				sum += v
				smu.Unlock()
			}
		}()
	}
	for i := 1; i <= 6; i++ {
		time.Sleep(50 * time.Millisecond)
		q.put(i)
	}
	wg.Wait()
	fmt.Println("sum", sum)
	var once sync.Once
	for range 3 {
		once.Do(func() { fmt.Println("once") })
	}
	var rw sync.RWMutex
	rw.RLock()
	rw.RLock()
	fmt.Println("two readers")
	rw.RUnlock()
	rw.RUnlock()
	rw.Lock()
	fmt.Println("writer")
	rw.Unlock()
}
