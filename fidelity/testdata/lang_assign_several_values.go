// Several values assigned at once, calls, literals and receives among
// them: every variable gets its value, whoever reads it.
package main

import (
	"fmt"
	"strings"
)

type point struct{ X, Y int }

func five() int          { return 5 }
func name() string       { return "go" }
func origin() point      { return point{} }
func split() (int, int)  { return 1, 2 }
func (p point) sum() int { return p.X + p.Y }

func main() {
	var a, b int
	a, b = 1, five()
	fmt.Println("int and call:", a, b)

	var s string
	var n int
	s, n = name(), 7
	fmt.Println("call and int:", s, n)

	p, k := point{1, 2}, 3
	fmt.Println("literal and int:", p, k)

	x, y := point{5, 5}, point{6, 6}
	x, y = y, point{9, 9}
	fmt.Println("swap with a literal:", x, y)

	lo, hi := 0, len("hello")-1
	lo, hi = lo+1, strings.Index("hello", "l")
	fmt.Println("index:", lo, hi)

	c1, c2 := make(chan int, 1), make(chan int, 1)
	c1 <- 10
	c2 <- 20
	u, v := <-c1, <-c2
	fmt.Println("two receives:", u, v)

	var seen point
	var count int
	report := func() string { return fmt.Sprint(seen, count) }
	seen, count = point{3, 4}, origin().sum()+1
	fmt.Println("captured:", report())
	seen = point{7, 8}
	fmt.Println("captured, one literal:", report())

	done := make(chan int, 1)
	var got int
	show := func() int { return got }
	done <- 42
	got = <-done
	fmt.Println("captured receive:", show())

	q, r := split()
	q, r = r, q
	fmt.Println("from a call:", q, r)
}

type named struct{ n int }

func (v named) String() string { return fmt.Sprint("named", v.n) }

type shape interface{ String() string }

func three() int { return 3 }

// Values going to interfaces beside others.
func init() {
	var a int
	var b any
	a, b = three(), named{8}
	fmt.Println("call and a literal to any:", a, b)

	var s1, s2 fmt.Stringer
	s1, s2 = &named{7}, named{8}
	fmt.Println("two Stringers:", s1, s2)

	var n int
	var err error
	n, err = 1, fmt.Errorf("bad %d", 2)
	fmt.Println("an error:", n, err)

	var sh shape
	var k int
	sh, k = named{4}, three()
	fmt.Println("the program's interface:", sh, k)

	var x, y any = named{1}, 2
	fmt.Println("declared:", x, y)
}
