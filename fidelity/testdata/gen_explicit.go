package main

import "fmt"

func Convert[From, To ~int | ~float64](xs []From) []To {
	out := make([]To, len(xs))
	for i, x := range xs {
		out[i] = To(x)
	}
	return out
}

type Cache[K comparable, V any] struct {
	data map[K]V
}

func NewCache[K comparable, V any]() *Cache[K, V] {
	return &Cache[K, V]{data: make(map[K]V)}
}

func (c *Cache[K, V]) Get(k K) (V, bool) {
	v, ok := c.data[k]
	return v, ok
}

func (c *Cache[K, V]) Put(k K, v V) { c.data[k] = v }

func main() {
	fmt.Println(Convert[int, float64]([]int{1, 2}))
	c := NewCache[string, int]()
	c.Put("a", 1)
	v, ok := c.Get("a")
	fmt.Println(v, ok)
	_, ok = c.Get("b")
	fmt.Println(ok)
}
