package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	defer fmt.Println("middle")
	defer func() {
		panic("second")
	}()
	panic("first")
}
