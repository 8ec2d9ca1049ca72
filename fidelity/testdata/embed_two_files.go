// fidelity: compile-error
package main

import (
	_ "embed"
	"fmt"
)

//go:embed a.txt b.txt
var text string

func main() {
	fmt.Println(text)
}
