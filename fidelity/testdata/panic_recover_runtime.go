package main

import "fmt"

type point struct{ x, y int }

// Run-time panics, recovered and printed: each value is an error with the
// Go runtime's words.
func try(name string, f func()) {
	defer func() {
		r := recover()
		err, _ := r.(error)
		fmt.Printf("%s: %v (an error: %v)\n", name, r, err != nil)
	}()
	f()
}

func main() {
	var a any = "text"
	var p *point
	var m map[string]int
	var f func()
	n := -1
	zero := 0
	try("assertion", func() { _ = a.(int) })
	try("missing method", func() { _ = a.(fmt.Stringer) })
	try("nil pointer field", func() { fmt.Println(p.x) })
	try("nil pointer store", func() { *p = point{} })
	try("nil map", func() { m["a"] = 1 })
	try("nil func", func() { f() })
	try("divide", func() { fmt.Println(1 / zero) })
	try("makeslice", func() { _ = make([]int, n) })
	try("closed channel", func() { c := make(chan int); close(c); close(c) })
}
