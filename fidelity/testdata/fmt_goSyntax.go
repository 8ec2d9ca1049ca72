package main

import "fmt"

type pt struct {
	X, Y int
	Tag  string
}

func main() {
	fmt.Printf("%#v\n", []int{1, 2})
	fmt.Printf("%#v\n", map[string]int{"a": 1})
	fmt.Printf("%#v\n", pt{1, 2, "t"})
	fmt.Printf("%#v\n", []pt{{X: 1}})
	fmt.Printf("%#v %#v %#v\n", "q\"s", 3.0, uint8(7))
	fmt.Printf("%#v\n", struct {
		A []string
		B *int
	}{})
}
