package main

import (
	"errors"
	"fmt"
)

func threeClause() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("three-clause", i) }()
	}
}

func assignedAfter() {
	for i := 0; i < 3; i++ {
		v := i
		defer func() { fmt.Println("assigned after the defer", v) }()
		v *= 10
	}
}

func rangeLoops() {
	for _, s := range []string{"a", "b", "c"} {
		defer func() { fmt.Println("range slice", s) }()
	}
	for k, v := range map[string]int{"only": 1} {
		defer func() { fmt.Println("range map", k, v) }()
	}
	for i := range 3 {
		defer func() { fmt.Println("range int", i) }()
	}
}

func nested() {
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			defer func() { fmt.Println("nested", i, j) }()
		}
	}
}

func withArgs() {
	for i := 0; i < 3; i++ {
		defer func(label string, twice int) { fmt.Println(label, i, twice) }("with arguments", i*2)
	}
}

func innerDefer() {
	for i := 0; i < 2; i++ {
		defer func() {
			defer func() { fmt.Println("inner defer", i) }()
			fmt.Println("outer defer", i)
		}()
	}
}

func sharedByTwo() {
	for i := 0; i < 2; i++ {
		n := i
		defer func() { fmt.Println("second sees", n) }()
		defer func() { n += 100 }()
	}
}

func recovers() (err error) {
	for i := 0; i < 3; i++ {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("iteration %d recovered %v", i, r)
			}
		}()
	}
	panic(errors.New("boom"))
}

func main() {
	threeClause()
	assignedAfter()
	rangeLoops()
	nested()
	withArgs()
	innerDefer()
	sharedByTwo()
	fmt.Println(recovers())
}
