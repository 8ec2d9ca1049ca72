package main

import (
	"errors"
	"fmt"
)

type myErr struct{}

func (*myErr) Error() string { return "my error" }

func find(fail bool) error {
	var p *myErr
	if fail {
		p = &myErr{}
	}
	return p // a typed nil is not a nil error
}

func main() {
	err := find(false)
	fmt.Println(err == nil, err != nil)
	var e2 error
	fmt.Println(e2 == nil)
	var target *myErr
	fmt.Println(errors.As(find(true), &target), target != nil)
	fmt.Printf("%v %T\n", e2, e2)
}
