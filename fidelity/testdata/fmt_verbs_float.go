package main

import "fmt"

func main() {
	f := 3.14159265
	fmt.Printf("%f|%.2f|%8.3f|%-8.1f|%08.2f\n", f, f, f, f, f)
	fmt.Printf("%e|%E|%.3g|%g|%G\n", f, f, f, 1e-7, 1e21)
	fmt.Printf("%v|%v|%v\n", 1.0, 1e6, 1e-5)
	fmt.Printf("%6.2f%%\n", 12.3456)
	fmt.Printf("%x|%b\n", 1.0, 0.5)
	fmt.Printf("%*d|%-*d|%.*f\n", 5, 42, 4, 7, 2, 3.14159)
	fmt.Println(float32(0.1), 0.1, 2.0/3)
}
