package main

import "fmt"

func lines(yield func(string) bool) {
	defer fmt.Println("iterator cleanup")
	for _, l := range []string{"a", "b", "c"} {
		if !yield(l) {
			return
		}
	}
}

func main() {
	for l := range lines {
		fmt.Println("line", l)
		if l == "b" {
			break
		}
	}
	fmt.Println("after loop")
}
