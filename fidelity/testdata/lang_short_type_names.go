package main

import "fmt"

// Types with the one-letter names that generic code uses for its type
// parameters (T, C), converted, printed and passed around.

type T int

func (t T) String() string { return fmt.Sprint("T", int(t)) }

type C float64

func (c C) String() string { return fmt.Sprintf("%.1fC", float64(c)) }

type K string

func show(v any) { fmt.Println(v) }

func main() {
	show(T(2))
	show(C(1.5))
	fmt.Println(T(3), C(2), K("k"))
	xs := []T{T(4), 5}
	fmt.Println(xs, len(xs), min(T(7), T(6)), max(C(1), C(3)))
	p := new(T)
	*p = 9
	fmt.Println(*p)
	ch := make(chan C, 1)
	ch <- C(4)
	fmt.Println(<-ch)
}
