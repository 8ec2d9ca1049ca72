package main

import "fmt"

type ID int

type user struct {
	id   ID
	tags []ID
}

// A named type that is not a struct, reached through an interface or a
// struct's field: only the dynamic type can name it.
func main() {
	var v any = ID(1)
	fmt.Printf("%T %#v\n", v, user{2, []ID{3}})
	fmt.Println(fmt.Sprint(v))
}
