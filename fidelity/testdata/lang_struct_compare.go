package main

import "fmt"

type point struct{ x, y int }

type line struct {
	from, to point
	label    string
}

func main() {
	a, b := point{1, 2}, point{1, 2}
	fmt.Println(a == b, a != point{2, 1})
	l1 := line{a, point{3, 4}, "l"}
	l2 := l1
	l2.to.x = 9
	fmt.Println(l1 == l2, l1.to, l2.to)
	seen := map[point]bool{a: true}
	fmt.Println(seen[b], seen[point{}])
	anon := struct {
		name string
		n    int
	}{"x", 1}
	fmt.Println(anon.name, anon.n)
	var zero point
	fmt.Println(zero == point{})
}
