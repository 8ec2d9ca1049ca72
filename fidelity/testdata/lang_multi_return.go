package main

import (
	"fmt"
	"strconv"
)

func divmod(a, b int) (int, int) { return a / b, a % b }

func parse(s string) (n int, err error) {
	n, err = strconv.Atoi(s)
	return
}

func swap(a, b string) (string, string) { return b, a }

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(divmod(-17, 5))
	x, y := swap("a", "b")
	fmt.Println(x, y)
	x, y = y, x
	fmt.Println(x, y)
	if n, err := parse("42"); err == nil {
		fmt.Println(n + 1)
	}
	_, err := parse("4x2")
	fmt.Println(err)
}
