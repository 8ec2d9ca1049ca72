package main

import (
	"errors"
	"fmt"
	"time"
)

type ID int
type names []string
type handler func(int) error
type shape interface{ area() float64 }
type box struct{ w float64 }

func (b box) area() float64 { return b.w * b.w }

func main() {
	fmt.Printf("%T %T %T\n", ID(1), names{}, handler(nil))
	var s shape = box{2}
	fmt.Printf("%T %T %T\n", s, &box{}, []shape{s})
	fmt.Printf("%T %T %T %T\n", 1, "s", 2.0, 'r')
	fmt.Printf("%T %T %T\n", errors.New("x"), time.Second, struct{ A int }{})
	var recv <-chan bool
	fmt.Printf("%T %T\n", make(chan int), recv)
	fmt.Printf("%v %#v\n", ID(7), ID(7))
}
