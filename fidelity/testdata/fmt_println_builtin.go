package main

import "time"

type celsius float64

func main() {
	println("builtin println", 1, true)
	print("builtin print\n")
	// print puts no spaces between operands; floats print as strconv's
	// shortest form, an interface as its two words.
	print("a", 1, "b", 2.5, "\n")
	var err error
	x := 3
	println(1.5, float32(0.1), 2+3i, uint8(7), celsius(21.5), 'r', err, -x)
	defer println("deferred", x, err)
	go println("from a goroutine", x)
	time.Sleep(time.Millisecond)
	x = 4
	println()
}
