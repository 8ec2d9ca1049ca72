package main

import "fmt"

func main() {
	defer fmt.Println("outer defer")
	defer func() {
		panic("second panic")
	}()
	panic("first panic")
}
