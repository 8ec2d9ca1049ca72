package main

import (
	"fmt"
	"math/cmplx"
)

func main() {
	c := complex(3, 4)
	fmt.Println(c, real(c), imag(c), cmplx.Abs(c))
	d := 1 + 2i
	fmt.Println(c*d, c/d, c+d)
	fmt.Printf("%.2f %v\n", cmplx.Sqrt(-1), complex64(d))
}
