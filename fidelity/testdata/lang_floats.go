package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(0.1+0.2, 1.0/3.0, float32(1.0)/3)
	fmt.Println(math.Inf(1), -math.Inf(1), math.NaN())
	x := 0.0
	fmt.Println(1/x > math.MaxFloat64, math.IsNaN(x/x))
	fmt.Println(math.Sqrt(2), math.Floor(-2.5), math.Ceil(2.1), math.Round(2.5), math.Trunc(-2.7))
	pos, neg := 3.99, -3.99
	fmt.Println(int(pos), int(neg), float64(7)/2)
	fmt.Println(1e21, 1e20, 123456789.0, 0.000001, 0.0000001)
	var f32 float32 = 16777216
	fmt.Println(f32+1, math.Pi)
	fmt.Println(math.Mod(7, 3), math.Pow(2, 10), math.Abs(-3))
}
