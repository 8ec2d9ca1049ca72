package main

import (
	"fmt"
	"sync"
	"time"
)

type cache struct {
	mu sync.RWMutex
	m  map[string]string
}

func (c *cache) get(k string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *cache) set(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}

func main() {
	c := &cache{m: map[string]string{}}
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.mu.RLock()
			time.Sleep(20 * time.Millisecond)
			c.mu.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println("readers overlapped:", time.Since(start))
	c.set("a", "1")
	v, ok := c.get("a")
	fmt.Println(v, ok)
}
