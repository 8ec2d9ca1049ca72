package main

import "fmt"

var (
	a = b + 1
	b = f("b", 2)
	c = f("c", a*10)
)

func f(name string, v int) int {
	fmt.Println("init", name, v)
	return v
}

func init() { fmt.Println("first init", a, b, c) }
func init() { fmt.Println("second init") }

func main() { fmt.Println("main", a, b, c) }
