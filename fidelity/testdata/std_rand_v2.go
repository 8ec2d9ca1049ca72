package main

import (
	"fmt"
	"math/rand/v2"
)

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Println(r.IntN(1000), r.IntN(1000), r.Uint64())
	c := rand.New(rand.NewChaCha8([32]byte{}))
	fmt.Println(c.IntN(50), c.Float64() < 1)
	n := rand.IntN(10)
	fmt.Println(n >= 0 && n < 10)
}
