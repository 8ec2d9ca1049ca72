package main

import "fmt"

type point struct{ x, y int }

type Exported struct {
	Name  string
	Count int
}

func main() {
	p := point{1, 2}
	fmt.Printf("%v|%+v|%#v|%T\n", p, p, p, p)
	e := Exported{"a", 3}
	fmt.Printf("%v|%+v|%#v|%T\n", e, e, e, e)
	fmt.Printf("%v|%+v\n", &p, &e)
	fmt.Printf("%T|%T|%T\n", []point{}, map[string]point{}, &p)
}
