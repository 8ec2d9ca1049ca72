package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct{ name string }

func main() {
	var n atomic.Int64
	var hits atomic.Int32
	var flag atomic.Bool
	var cfg atomic.Pointer[config]
	var v atomic.Value
	cfg.Store(&config{"a"})
	v.Store("first")
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.Add(int64(i))
			hits.Add(1)
			if i == 50 {
				flag.Store(true)
				cfg.Store(&config{"b"})
			}
		}()
	}
	wg.Wait()
	fmt.Println(n.Load(), hits.Load(), flag.Load(), cfg.Load().name, v.Load())
	var old int64 = 5
	fmt.Println(atomic.CompareAndSwapInt64(&old, 5, 6), old, atomic.AddInt64(&old, 4))
	fmt.Println(n.CompareAndSwap(4950, 1), n.Swap(2), n.Load())
}
