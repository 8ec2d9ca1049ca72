package main

import "fmt"

type code int

type Err[T any] struct{ V T }

func (e Err[T]) Error() string { return fmt.Sprint("bad ", e.V) }

func Check[T comparable](v, want T) T {
	if v != want {
		panic(v)
	}
	return v
}

func try(f func()) {
	defer func() { fmt.Println("recovered:", recover()) }()
	f()
}

func main() {
	try(func() { Check(3, 4) })
	try(func() { fmt.Println(Check("a", "a")) })
	fmt.Println(Check(code(1), 1))
	Check(Err[code]{7}, Err[code]{8})
}
