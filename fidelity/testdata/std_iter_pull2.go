package main

import (
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"
)

type point struct{ x, y int }

func pairs(m map[string]point) iter.Seq2[string, point] {
	return func(yield func(string, point) bool) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}

func errs(yield func(int, error) bool) {
	_ = yield(1, nil) && yield(2, errors.New("second failed")) && yield(3, nil)
}

func main() {
	next, stop := iter.Pull2(pairs(map[string]point{"b": {2, 3}, "a": {1, 1}, "c": {5, 8}}))
	defer stop()
	for {
		k, p, ok := next()
		if !ok {
			fmt.Printf("done: %q %+v\n", k, p)
			break
		}
		fmt.Println(k, p, p.x+p.y)
	}
	n2, s2 := iter.Pull2(errs)
	for {
		i, err, ok := n2()
		fmt.Println(i, err, ok)
		if !ok {
			break
		}
	}
	s2()
	var ptrs iter.Seq[*point] = func(yield func(*point) bool) {
		_ = yield(nil) && yield(&point{4, 2})
	}
	n3, s3 := iter.Pull(ptrs)
	defer s3()
	p1, ok1 := n3()
	p2, ok2 := n3()
	p3, ok3 := n3()
	fmt.Println(p1 == nil, ok1, *p2, ok2, p3 == nil, ok3)
	var anys iter.Seq[any] = func(yield func(any) bool) {
		_ = yield(nil) && yield(7) && yield("s")
	}
	n4, s4 := iter.Pull(anys)
	defer s4()
	for {
		v, ok := n4()
		if !ok {
			break
		}
		fmt.Printf("%v %T\n", v, v)
	}
}
