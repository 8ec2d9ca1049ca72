package main

import "fmt"

func main() {
	defer fmt.Println("last")
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		panic(r)
	}()
	panic("same")
}
