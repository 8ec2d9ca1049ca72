package main

import "fmt"

type node struct {
	val  int
	next *node
}

func push(head *node, v int) *node { return &node{v, head} }

func bump(p *int) { *p++ }

func main() {
	var head *node
	for i := 1; i <= 4; i++ {
		head = push(head, i*i)
	}
	for n := head; n != nil; n = n.next {
		fmt.Print(n.val, " ")
	}
	fmt.Println()
	x := 5
	p := &x
	bump(p)
	bump(&x)
	fmt.Println(x, *p, p == &x)
	pp := &p
	**pp = 100
	fmt.Println(x)
	q := new(int)
	fmt.Println(*q)
}
