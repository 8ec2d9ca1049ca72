package main

import "fmt"

func main() {
	var a, b int
	n, err := fmt.Scan(&a, &b)
	fmt.Println(n, err, a+b)
	var word string
	fmt.Scanln(&word)
	fmt.Println("word:", word)
}
