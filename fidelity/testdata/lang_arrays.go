package main

import "fmt"

func zero(a [3]int)   { a[0] = 0 }
func zeroP(a *[3]int) { a[0] = 0 }

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[1] = 20
	zero(a)
	fmt.Println(a, b)
	zeroP(&a)
	fmt.Println(a)
	c := [...]string{2: "c", 0: "a"}
	fmt.Println(len(c), c)
	fmt.Printf("%q\n", c)
	fmt.Println(a == [3]int{0, 2, 3})
	var m [2][2]int
	m[1][0] = 5
	fmt.Println(m)
	for i, v := range a {
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println()
}
