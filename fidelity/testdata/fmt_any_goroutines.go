package main

import (
	f "fmt"
	"sync"
)

type point struct{ x, y int }

func (p point) String() string { return f.Sprintf("(%d,%d)", p.x, p.y) }

type Shape interface {
	Area() int
}

type sq struct{ s int }

func (q sq) Area() int      { return q.s * q.s }
func (q sq) String() string { return f.Sprint("sq", q.s) }

type circ struct{ r int }

func (c circ) Area() int { return 3 * c.r * c.r }

type Named interface {
	f.Stringer
	Area() int
}

func main() {
	var v any = point{1, 2}
	f.Println(v)
	shapes := []Shape{sq{2}, circ{1}}
	f.Println(shapes)
	for _, s := range shapes {
		f.Println(s, s.Area())
		f.Printf("%v %T\n", s, s)
	}
	var n Named = sq{3}
	f.Println(n)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var a any = point{i, i}
			f.Println(a)
		}()
	}
	wg.Wait()
	m := map[int]Shape{1: sq{1}, 2: circ{2}}
	f.Println(m)
	var ns Shape
	f.Println(ns)
	var na any
	f.Println(na)
	f.Printf("%v %s %d\n", na, na, na)
}
