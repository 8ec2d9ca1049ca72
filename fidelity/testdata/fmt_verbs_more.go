package main

import "fmt"

type point struct {
	X, Y int
	next *point
}

func main() {
	p := &point{1, 2, nil}
	fmt.Printf("%v %+v\n", p, p)
	fmt.Printf("%08.3f|%-6d|%6s|%x|%X|%o|%b\n", 3.14159, 42, "hi", 255, "hi", 8, 5)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d %d\n", 1, 2, 3)
	fmt.Printf("%q %c %U\n", 'x', 0x4E16, 0x4E16)
	fmt.Printf("%t %v %p\n", true, nil, nil)
	fmt.Printf("%5.1f%%\n", 99.5)
	fmt.Printf("%e %g %G\n", 123456.789, 0.000001234, 1e21)
	fmt.Println(0.1+0.2, 1e100, float32(0.1), 3/2, 3.0/2, -7/2, -7%3)
	var np *point
	var m map[string]int
	var sl []int
	fmt.Println(np, m, sl, m == nil, sl == nil)
	fmt.Printf("%v %d %s\n", m, sl, sl)
	fmt.Printf("[%*d] [%-*d]\n", 5, 1, 4, 2)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil))
	fmt.Println(complex(1, 2), 'a', "a"[0], []byte("hi"))
}
