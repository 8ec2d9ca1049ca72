package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Wrap[T any] struct {
	In   T
	Note string
}

func Describe[T any](v T) string {
	var x any = v
	return fmt.Sprintf("%T|%v|%+v", x, x, x)
}

func main() {
	var x any = Pair[string, int]{"a", 1}
	fmt.Printf("%T %v %+v %#v\n", x, x, x, x)
	w := Wrap[Pair[string, int]]{Pair[string, int]{"b", 2}, "n"}
	fmt.Printf("%+v %#v\n", w, w)
	fmt.Println(Describe(w), Describe(x))
	items := []any{w, Pair[int, bool]{1, true}, &Pair[string, []int]{"c", []int{3}}}
	for _, it := range items {
		fmt.Printf("%T %+v\n", it, it)
	}
}
