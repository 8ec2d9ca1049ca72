package main

import "fmt"

type IDs []int

// A named slice type in an interface: the interpreter keeps it as []int,
// so the assertion is refused.
func main() {
	var v any = IDs{1, 2}
	if ids, ok := v.(IDs); ok {
		fmt.Println(len(ids))
	}
}
