package main

import "fmt"

type Shape interface{ Area() int }

type sq struct{ s int }

func (q sq) Area() int { return q.s }

type label struct{ s string }

func (l label) String() string { return l.s }

func main() {
	var ns Shape
	fmt.Println(ns)
	fmt.Printf("%v\n", ns)
}
