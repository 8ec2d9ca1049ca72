package main

import "fmt"

func main() {
	defer fmt.Println("d1")
	defer func() { panic("third") }()
	defer fmt.Println("d2")
	defer func() { panic("second") }()
	panic("first")
}
