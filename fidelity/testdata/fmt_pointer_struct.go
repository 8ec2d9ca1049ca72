package main

import "fmt"

type node struct {
	v    int
	next *node
}

func main() {
	n := &node{1, nil}
	fmt.Printf("%v %+v\n", *n, *n)
	fmt.Println(n.next == nil)
	type wrapper struct{ n node }
	fmt.Printf("%+v\n", wrapper{node{2, nil}})
}
