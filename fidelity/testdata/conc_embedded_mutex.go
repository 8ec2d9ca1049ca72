package main

import (
	"fmt"
	"sort"
	"sync"
)

type counter struct {
	sync.Mutex
	m map[string]int
}

func (c *counter) inc(k string) {
	c.Lock()
	defer c.Unlock()
	c.m[k]++
}

func main() {
	c := counter{m: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.inc([]string{"a", "b", "c"}[i%3])
		}(i)
	}
	wg.Wait()
	keys := make([]string, 0)
	for k := range c.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, c.m[k])
	}
	fmt.Println(c.m)
}
