package main

import (
	"fmt"
	"math"
)

func main() {
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	var u8 uint8 = 0
	u8--
	fmt.Println(u8)
	var u uint32 = math.MaxUint32
	fmt.Println(u+1, u*2)
	fmt.Println(-7/2, -7%2, 7/-2, 7%-2)
	fmt.Println(1<<10, 0xff>>4, 6&3, 6|3, 6^3, 6&^3)
	x := -8
	a8, b8 := uint8(200), uint8(100)
	fmt.Println(x>>1, a8+b8)
	fmt.Println(math.MaxInt64, math.MinInt64)
	var big int64 = 1 << 40
	wide := 70000
	fmt.Println(int32(big), int16(wide))
	fmt.Println(07, 0o17, 0b101, 1_000_000)
}
