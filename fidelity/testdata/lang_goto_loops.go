package main

import "fmt"

func main() {
	sum := 0
	for i := 0; ; i++ {
		if i > 10 {
			break
		}
		if i%3 == 0 {
			continue
		}
		sum += i
	}
	fmt.Println(sum)
	n := 27
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	fmt.Println(steps)
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Println(i, j)
	}
}
