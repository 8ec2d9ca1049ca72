package main

import "fmt"

type key struct {
	a int
	b string
}

func main() {
	fmt.Println(map[int]string{3: "c", 1: "a", 2: "b"})
	fmt.Println(map[string]bool{"z": true, "a": false, "m": true})
	fmt.Println(map[float64]int{2.5: 1, -1: 2, 0: 3})
	fmt.Println(map[key]int{{2, "x"}: 1, {1, "y"}: 2, {1, "a"}: 3})
	fmt.Println(map[bool]int{true: 1, false: 0})
	fmt.Printf("%v\n", map[[2]int]string{{2, 1}: "b", {1, 9}: "a"})
}
