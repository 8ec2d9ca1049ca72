package main

import "fmt"

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

func Abs[T Integer](x T) T {
	if x < 0 {
		return -x
	}
	return x
}

func GCD[T Integer](a, b T) T {
	for b != 0 {
		a, b = b, a%b
	}
	return Abs(a)
}

func main() {
	fmt.Println(Abs(-5), Abs(int8(-7)), GCD(48, 18), GCD(int64(-12), 8))
}
