package main

import (
	"errors"
	"fmt"
	"strconv"
)

func parse(s string) (n int, err error) {
	if n, err := strconv.Atoi(s); err == nil {
		return n * 2, nil
	}
	defer func() {
		if err != nil {
			err = fmt.Errorf("parse %q: %w", s, err)
		}
	}()
	return 0, errors.New("not a number")
}

func named() (x int) {
	defer func() { x *= 10 }()
	x = 4
	return x + 1
}

func main() {
	fmt.Println(parse("21"))
	fmt.Println(parse("x"))
	fmt.Println(named())
	x := 1
	{
		x := 2
		x++
		_ = x
	}
	if x := 5; x > 3 {
		fmt.Println("inner", x)
	} else if y := x * 2; y > 0 {
		fmt.Println(y)
	}
	fmt.Println("outer", x)
	var err error
	for i := 0; i < 2; i++ {
		_, err := strconv.Atoi("z")
		_ = err
	}
	fmt.Println(err == nil)
}
