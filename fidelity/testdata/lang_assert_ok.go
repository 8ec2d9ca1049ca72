package main

import "fmt"

type named interface{ name() string }
type user struct{ n string }

func (u user) name() string { return u.n }

func main() {
	var v any = 42
	if s, ok := v.(string); ok {
		fmt.Println("string", s)
	} else {
		fmt.Printf("not a string: %q %v\n", s, ok)
	}
	n, ok := v.(int)
	fmt.Println(n, ok)
	var x any = user{"ann"}
	if nm, ok := x.(named); ok {
		fmt.Println("named", nm.name())
	}
	_, ok = x.(fmt.Stringer)
	fmt.Println("stringer?", ok)
}
