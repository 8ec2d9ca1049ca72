package main

import "fmt"

type T struct{ n int }

func (t T) String() string { return fmt.Sprint("T", t.n) }

func show(v any) { fmt.Println(v) }

func main() {
	show([]any{T{2}, 3, []any{T{4}, "x"}})
	show(map[string]any{"a": T{5}, "b": []any{T{6}}})
	var xs any = []any{T{7}}
	fmt.Println(xs)
	fmt.Printf("%v %s\n", xs, xs)
	show([]int{1, 2})
	show(nil)
}
