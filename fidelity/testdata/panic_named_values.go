package main

import "fmt"

type name string
type flag bool
type ratio float64

func main() {
	defer fmt.Println("deferred calls run first")
	show := func(v any) { fmt.Printf("%v ", v) }
	show(flag(true))
	show(ratio(0.5))
	fmt.Println()
	// Go prints a value of a named string type with its type, and puts a
	// tab after each newline of a panic's text.
	panic(name("two\nlines"))
}
