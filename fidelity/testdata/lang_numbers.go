package main

import (
	"fmt"
	"math"
)

func main() {
	var b byte = 250
	b += 10
	var i8 int8 = 127
	i8++
	u32 := uint32(1<<32 - 1)
	u32++
	fmt.Println(b, i8, u32)
	fmt.Println(math.Inf(1), -math.Inf(1), math.NaN(), math.MaxInt64, math.Pi)
	fmt.Println(math.Sqrt(2), math.Floor(-2.5), math.Round(2.5), math.Trunc(-2.7))
	x := 0.0
	fmt.Println(1/x, -1/x, x/x == x/x)
	fmt.Println(7>>1, -7>>1, 1<<10, 0b1010&0b0110, 6|1, 6^3, 6&^2)
	var u uint = 3
	fmt.Println(u-4 > 0, int64(math.MaxInt32)+1)
	c := complex(3, 4)
	fmt.Println(real(c), imag(c), c*c)
	fmt.Printf("%.2f %v %v\n", 2.0/3, float32(1)/3, 1e6)
	fmt.Println(int('A'), string(rune(0x4E16)), len("世界"), []rune("世界"))
}
