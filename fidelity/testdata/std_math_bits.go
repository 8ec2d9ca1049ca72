package main

import (
	"fmt"
	"math/bits"
)

func main() {
	fmt.Println(bits.OnesCount(255), bits.LeadingZeros64(1), bits.TrailingZeros(8))
	fmt.Println(bits.Len(1023), bits.Reverse8(1), bits.RotateLeft8(1, 3))
	hi, lo := bits.Mul64(1<<63, 4)
	fmt.Println(hi, lo)
	sum, carry := bits.Add64(1<<63, 1<<63, 0)
	fmt.Println(sum, carry, bits.UintSize)
}
