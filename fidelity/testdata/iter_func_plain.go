package main

import "fmt"

func pairs(yield func(string, int) bool) {
	_ = yield("one", 1) && yield("two", 2) && yield("three", 3)
}

func main() {
	for k, v := range pairs {
		fmt.Println(k, v)
		if v == 2 {
			break
		}
	}
	sum := 0
	for _, v := range pairs {
		sum += v
	}
	fmt.Println("sum", sum)
}
