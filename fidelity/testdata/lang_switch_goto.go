package main

import "fmt"

type weekday int

const (
	sunday weekday = iota
	monday
	_
	wednesday
)

func kind(x int) string {
	switch {
	case x < 0:
		return "neg"
	case x == 0:
		fallthrough
	case x == 1:
		return "small"
	}
	return "big"
}

func main() {
	fmt.Println(kind(-1), kind(0), kind(1), kind(5), wednesday, monday)
	i := 0
loop:
	if i < 3 {
		fmt.Print(i)
		i++
		goto loop
	}
	fmt.Println()
outer:
	for a := 0; a < 3; a++ {
		for b := 0; b < 3; b++ {
			if b == 2 {
				continue outer
			}
			if a == 2 {
				break outer
			}
			fmt.Print(a, b, " ")
		}
	}
	fmt.Println()
	switch x := 5; x {
	case 1, 2, 3:
		fmt.Println("low")
	case 4, 5:
		fmt.Println("mid")
	default:
		fmt.Println("high")
	}
}
