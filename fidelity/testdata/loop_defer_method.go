package main

import "fmt"

type counter struct{ n int }

func (c counter) show(label string)   { fmt.Println(label, c.n) }
func (c *counter) pshow(label string) { fmt.Println(label, "via pointer", c.n) }
func (c counter) sum(xs ...int)       { fmt.Println("sum", c.n, xs) }
func (c counter) String() string      { return fmt.Sprint("counter ", c.n) }

type shower interface{ show(string) }

func main() {
	c := counter{1}
	defer c.show("value receiver copied at the defer:")
	p := &counter{1}
	defer p.pshow("pointer evaluated at the defer:")
	defer p.show("value method through a pointer:")
	c.n, p.n = 2, 2
	p = &counter{3}

	for i := 0; i < 3; i++ {
		k := counter{i}
		defer k.show("three-clause body variable")
		defer k.pshow("three-clause body variable")
	}
	cs := []counter{{10}, {11}}
	for _, v := range cs {
		defer v.show("range value")
	}
	for i := range cs {
		defer cs[i].show("element")
		defer cs[i].pshow("element")
	}
	cs[0].n = 99
	n := 5
	defer c.sum(n, n+1)
	xs := []int{7, 8}
	defer c.sum(xs...)
	n = 6
	xs[0] = 70
	var s shower = counter{20}
	defer s.show("interface")
	s = counter{21}
	fmt.Println("main returns")
}
