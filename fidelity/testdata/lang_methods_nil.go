package main

import "fmt"

type tree struct {
	left, right *tree
	v           int
}

func (t *tree) sum() int {
	if t == nil {
		return 0
	}
	return t.v + t.left.sum() + t.right.sum()
}

func (t *tree) insert(v int) *tree {
	if t == nil {
		return &tree{v: v}
	}
	if v < t.v {
		t.left = t.left.insert(v)
	} else {
		t.right = t.right.insert(v)
	}
	return t
}

func (t *tree) walk(f func(int)) {
	if t == nil {
		return
	}
	t.left.walk(f)
	f(t.v)
	t.right.walk(f)
}

func main() {
	var root *tree
	for _, v := range []int{5, 3, 8, 1, 4, 9} {
		root = root.insert(v)
	}
	fmt.Println(root.sum())
	root.walk(func(v int) { fmt.Print(v, " ") })
	fmt.Println()
	var empty *tree
	fmt.Println(empty.sum())
}
