package main

import "fmt"

// Since Go 1.21, panic(nil) panics with a *runtime.PanicNilError, so
// recover does not return nil; so does a panic with a nil error.
func try(f func()) {
	defer func() {
		r := recover()
		fmt.Println(r == nil, r)
	}()
	f()
}

func main() {
	try(func() { panic(nil) })
	try(func() {
		var err error
		panic(err)
	})
	try(func() {})
}
