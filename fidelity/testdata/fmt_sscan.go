package main

import "fmt"

func main() {
	var name string
	var age int
	n, err := fmt.Sscanf("ann 30", "%s %d", &name, &age)
	fmt.Println(n, err, name, age)
	var a, b int
	fmt.Sscan("7 8", &a, &b)
	fmt.Println(a + b)
	_, err = fmt.Sscanf("x", "%d", &a)
	fmt.Println(err)
}
