package main

import "fmt"

type Celsius float64

type Queue[T any] struct{ items []T }

func (q *Queue[T]) Pop() T {
	if len(q.items) == 0 {
		panic(fmt.Sprintf("Pop on an empty %T", q))
	}
	v := q.items[0]
	q.items = q.items[1:]
	fmt.Printf("popped %T %v from %T\n", v, v, *q)
	return v
}

func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func try(f func()) {
	defer func() { fmt.Println("recovered:", recover()) }()
	f()
}

func main() {
	q := &Queue[Celsius]{items: []Celsius{21.5}}
	fmt.Println(q.Pop())
	try(func() { Must(0, fmt.Errorf("no %s", "luck")) })
	try(func() { q.Pop() })
	fmt.Println(Must("ok", nil))
	var q2 Queue[[]string]
	q2.Pop()
}
