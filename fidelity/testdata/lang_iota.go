package main

import "fmt"

type weekday int

const (
	sunday weekday = iota
	monday
	tuesday
	_
	thursday
)

const (
	kb = 1 << (10 * (iota + 1))
	mb
	gb
)

const (
	a, b = iota, iota * 10
	c, d
)

func main() {
	fmt.Println(sunday, monday, tuesday, thursday)
	fmt.Println(kb, mb, gb)
	fmt.Println(a, b, c, d)
}
