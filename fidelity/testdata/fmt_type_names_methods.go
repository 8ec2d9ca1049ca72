package main

import "fmt"

type problem string

func (p problem) Error() string { return "problem: " + string(p) }

// A named type on a basic type with methods, reached through an interface:
// the interpreter keeps it as its underlying type, so %T is refused.
func main() {
	var err error = problem("x")
	fmt.Printf("%v %T\n", err, err)
}
