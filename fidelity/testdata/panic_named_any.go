package main

import "fmt"

type celsius float64
type label string

func try(f func()) {
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
	}()
	f()
}

// Panics with values of named types through an interface: recovered, a
// failed assertion's run-time error, and the last one ending the program.
func main() {
	var x any = celsius(2)
	try(func() { panic(x) })
	try(func() { panic(any(label("x"))) })
	try(func() { _ = x.(float64) })
	try(func() { _ = x.(label) })
	var v any = label("end\nnext")
	panic(v)
}
