package main

import "fmt"

func main() {
	n := 255
	fmt.Printf("%d|%5d|%-5d|%05d|%+d\n", n, n, n, n, n)
	fmt.Printf("%b|%o|%O|%x|%X|%#x|%#o\n", n, n, n, n, n, n, n)
	fmt.Printf("%c|%q|%U|%#U\n", 65, 'x', 0x1F600, '⌘')
	fmt.Printf("%x|% x|%X\n", "hi", []byte("hi"), "hi")
	fmt.Printf("%08b|%3c|\n", 5, 'z')
	fmt.Printf("%d %d\n", []int{1, 2}, [2]int8{-1, 1})
}
