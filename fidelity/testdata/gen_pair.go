package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

func main() {
	p := MakePair("age", 30)
	fmt.Println(p)
	q := Pair[int, []string]{1, []string{"x"}}
	fmt.Println(q.Key, q.Val)
	fmt.Printf("%v\n", []Pair[string, int]{p, MakePair("n", 2)})
}
