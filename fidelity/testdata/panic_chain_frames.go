package main

import "fmt"

func inner() {
	defer func() {
		r := recover()
		fmt.Println("inner recovered", r)
		panic(fmt.Sprint("inner: ", r))
	}()
	panic("one")
}

func main() {
	defer func() {
		r := recover()
		fmt.Println("main recovered", r)
		panic(fmt.Sprint("main: ", r))
	}()
	inner()
}
