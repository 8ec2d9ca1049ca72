package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

type celsius float64

func Sum[T Number](xs []T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

func Largest[T int | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	fmt.Println(Sum([]int{1, 2, 3}))
	fmt.Println(Sum([]float64{1.5, 2.25}))
	fmt.Println(Sum([]celsius{20, 1.5}))
	fmt.Println(Largest(3, 9), Largest("pear", "apple"))
	fmt.Println(Sum[int64](nil))
}
