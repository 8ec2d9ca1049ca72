package main

import "fmt"

func main() {
	defer fmt.Println("after all")
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	defer func() {
		defer func() { panic("from nested defer") }()
		panic("in deferred")
	}()
	fmt.Println("start")
}
