package main

import "fmt"

type user struct{ name string }

func main() {
	var u *user
	fmt.Println("about to dereference")
	fmt.Println(u.name)
}
