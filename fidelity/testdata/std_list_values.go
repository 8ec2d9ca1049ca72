package main

import (
	"container/list"
	"fmt"
)

// Values computed into a library struct's field of type any.
func main() {
	l := list.New()
	for i := 1; i <= 3; i++ {
		l.PushBack(i)
	}
	for e := l.Front(); e != nil; e = e.Next() {
		e.Value = e.Value.(int) * 10
	}
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println()
}
