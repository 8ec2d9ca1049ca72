package main

import "fmt"

func main() {
	fmt.Println("a", 1, 2, "b", "c", 3.5, true)
	fmt.Print("a", 1, 2, "b", "c", 3.5, true, "\n")
	fmt.Print(1, 2, "\n")
	fmt.Print("x", "y", "\n")
	s := fmt.Sprintln("end", 1)
	fmt.Printf("%q\n", s)
	fmt.Print("no newline at the end")
}
