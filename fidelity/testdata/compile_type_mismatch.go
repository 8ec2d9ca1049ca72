// fidelity: compile-error
package main

import "fmt"

func main() {
	var n int = "five"
	fmt.Println(n)
}
