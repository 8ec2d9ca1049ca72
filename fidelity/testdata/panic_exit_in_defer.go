package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("never")
	defer os.Exit(3)
	defer func() { panic("second") }()
	panic("first")
}
