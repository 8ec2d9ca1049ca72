package main

import "fmt"

func divide(a, b int) int { return a / b }

func main() {
	defer fmt.Println("d1")
	defer func() {
		var x any = "text"
		fmt.Println(x.(int))
	}()
	defer func() {
		var m map[string]int
		m["x"] = 1
	}()
	defer func() {
		fmt.Println(divide(1, 0))
	}()
	defer func() {
		var p *struct{ n int }
		fmt.Println(p.n)
	}()
	panic("first")
}
