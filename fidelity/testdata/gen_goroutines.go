package main

import (
	"fmt"
	"sync"
	"time"
)

type Result[T any] struct {
	ID  int
	Val T
}

func Worker[T, R any](id int, jobs <-chan T, out chan<- Result[R], f func(T) R, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(time.Millisecond)
		out <- Result[R]{id, f(j)}
	}
}

func Pool[T, R any](n int, in []T, f func(T) R) []Result[R] {
	jobs := make(chan T)
	out := make(chan Result[R], len(in))
	var wg sync.WaitGroup
	for i := 1; i <= n; i++ {
		wg.Add(1)
		go Worker(i, jobs, out, f, &wg)
	}
	for _, v := range in {
		jobs <- v
	}
	close(jobs)
	wg.Wait()
	close(out)
	var res []Result[R]
	for r := range out {
		res = append(res, r)
	}
	return res
}

type SafeMap[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func NewSafeMap[K comparable, V any]() *SafeMap[K, V] {
	return &SafeMap[K, V]{m: make(map[K]V)}
}

func (s *SafeMap[K, V]) Update(k K, f func(V) V) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k] = f(s.m[k])
}

func (s *SafeMap[K, V]) Get(k K) V {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[k]
}

func First[T any](chs ...<-chan T) T {
	select {
	case v := <-chs[0]:
		return v
	case v := <-chs[1]:
		return v
	}
}

func After[T any](d time.Duration, v T) <-chan T {
	c := make(chan T, 1)
	go func() {
		time.Sleep(d)
		c <- v
	}()
	return c
}

func main() {
	res := Pool(2, []int{1, 2, 3, 4}, func(n int) string { return fmt.Sprint(n * n) })
	total := 0
	for _, r := range res {
		total += len(r.Val)
	}
	fmt.Println(len(res), total)
	rc := make(chan Result[string], 1)
	rc <- Result[string]{7, "x"}
	defer fmt.Println("deferred", Result[bool]{Val: true}, len(Pool(1, []bool{true}, func(b bool) int { return 1 })))
	fmt.Printf("%+v\n", <-rc)

	counts := NewSafeMap[string, int]()
	var wg sync.WaitGroup
	for _, w := range []string{"a", "b", "a", "c", "a"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts.Update(w, func(n int) int { return n + 1 })
		}()
	}
	wg.Wait()
	fmt.Println(counts.Get("a"), counts.Get("b"), counts.Get("z"))
	fmt.Printf("%T\n", counts)

	fmt.Println(First(After(30*time.Millisecond, "slow"), After(10*time.Millisecond, "fast")))
	start := time.Now()
	fmt.Println(First(After(5*time.Millisecond, 1), After(50*time.Millisecond, 2)), time.Since(start).Round(time.Millisecond))
}
