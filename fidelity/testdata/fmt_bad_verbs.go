package main

import "fmt"

func main() {
	fmt.Printf("%d\n", "str")
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%z\n", 3)
	fmt.Printf("%!\n")
	fmt.Printf("%.2s|%5.1q\n", 7, "abc")
	fmt.Println(fmt.Sprintf("%[2]d %[1]d", 1, 2))
}
