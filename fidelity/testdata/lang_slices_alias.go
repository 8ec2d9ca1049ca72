package main

import "fmt"

func main() {
	a := []int{1, 2, 3, 4, 5}
	b := a[1:3]
	b[0] = 20
	fmt.Println(a, b, len(b), cap(b))
	b = append(b, 30)
	fmt.Println(a, b)
	c := a[1:3:3]
	c = append(c, 99)
	fmt.Println(a, c, cap(c) >= 3)
	d := make([]int, 2, 10)
	fmt.Println(d, len(d), cap(d))
	var e []int
	fmt.Println(e == nil, len(e))
	e = append(e, 1)
	fmt.Println(e)
	n := copy(a, []int{7, 8})
	fmt.Println(n, a)
	grid := [][]string{{"a", "b"}, {"c"}}
	grid[1] = append(grid[1], "d")
	fmt.Println(grid, len(grid[1]))
}
