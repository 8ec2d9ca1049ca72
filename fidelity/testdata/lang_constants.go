package main

import (
	"fmt"
	"time"
)

const big = 1 << 100
const huge = big * big

type duration int64

const second duration = 1000

func main() {
	fmt.Println(big >> 98)
	fmt.Println(huge / big / big)
	const f = 1.0 / 3
	fmt.Println(f * 3)
	var i int = 7.0
	fmt.Println(i, second*3)
	const s = "const" + "ant"
	fmt.Println(s, len(s))
	fmt.Println(5*time.Second, time.Duration(1500)*time.Millisecond)
	const typed int32 = 1 << 30
	fmt.Printf("%T %v\n", typed, typed)
}
