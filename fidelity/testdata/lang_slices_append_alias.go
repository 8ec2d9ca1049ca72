package main

import "fmt"

func main() {
	a := []int{1, 2, 3, 4}
	b := a[:2]
	b = append(b, 99)
	fmt.Println(a, b, len(b), cap(b))
	c := make([]int, 2, 10)
	d := append(c, 5)
	e := append(c, 6)
	fmt.Println(d, e)
	var grid [3][3]int
	g2 := grid
	g2[1][1] = 5
	fmt.Println(grid[1][1], g2[1][1], g2)
	s := []string{"x"}
	copy(s, []string{"y", "z"})
	fmt.Println(s, len(s))
	m := map[[2]int]string{{1, 2}: "a", {0, 1}: "b"}
	fmt.Println(m)
	full := a[1:3:3]
	fmt.Println(full, cap(full))
}
