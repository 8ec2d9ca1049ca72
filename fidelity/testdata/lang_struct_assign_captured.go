// A struct value assigned to a variable after a function literal has
// captured it: the function sees the value assigned.
package main

import "fmt"

type config struct {
	Name    string
	Retries int
}

type wrapper struct{ In config }

func main() {
	var c config
	show := func() { fmt.Println("config", c.Name, c.Retries) }
	c = config{"fast", 3}
	show()
	c = config{Name: "slow"}
	show()
	c = config{}
	show()

	var w wrapper
	inner := func() { fmt.Println("nested", w) }
	w = wrapper{config{"in", 9}}
	inner()

	var anon struct{ N int }
	count := func() int { return anon.N }
	anon = struct{ N int }{42}
	fmt.Println("anonymous", count())

	var last config
	seen := func() string { return last.Name }
	for _, name := range []string{"x", "y", "z"} {
		last = config{Name: name}
		fmt.Print(seen(), " ")
	}
	fmt.Println()
}
