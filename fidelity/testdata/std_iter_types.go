package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

func evens(limit int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for n := 0; n <= limit; n += 2 {
			if !yield(n) {
				return
			}
		}
	}
}

func upper(seq iter.Seq[string]) iter.Seq[string] {
	return func(yield func(string) bool) {
		seq(func(s string) bool { return yield(strings.ToUpper(s)) })
	}
}

func main() {
	fmt.Println(slices.Collect(evens(10)))
	fmt.Println(slices.Collect(upper(slices.Values([]string{"a", "b"}))))
	pairs := maps.All(map[string]int{"x": 1})
	pairs(func(k string, v int) bool {
		fmt.Println(k, v)
		return true
	})
	first := -1
	evens(100)(func(n int) bool {
		if n > 40 {
			first = n
			return false
		}
		return true
	})
	fmt.Println(first)
}
