package main

import "fmt"

type counter struct{ n int }

func (c *counter) inc()         { c.n++ }
func (c counter) get() int      { return c.n }
func (c counter) add(k int) int { return c.n + k }

func main() {
	c := &counter{}
	inc := c.inc
	inc()
	inc()
	get := c.get // bound now: a copy of *c
	c.inc()
	fmt.Println(c.n, get())
	add := counter.add
	fmt.Println(add(counter{n: 5}, 3))
	pinc := (*counter).inc
	pinc(c)
	fmt.Println(c.get())
}
