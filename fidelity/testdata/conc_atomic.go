package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n atomic.Int64
	var old int32
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.Add(5)
			atomic.AddInt32(&old, 1)
		}()
	}
	wg.Wait()
	fmt.Println(n.Load(), atomic.LoadInt32(&old))
	fmt.Println(n.CompareAndSwap(100, 1), n.Load())
	var flag atomic.Bool
	fmt.Println(flag.Swap(true), flag.Load())
	var v atomic.Value
	v.Store("config-1")
	fmt.Println(v.Load())
}
