package main

import "fmt"

func grade(n int) string {
	switch {
	case n >= 90:
		return "A"
	case n >= 80:
		return "B"
	default:
		return "C"
	}
}

func main() {
	for _, n := range []int{95, 85, 10} {
		fmt.Println(n, grade(n))
	}
	switch x := 2; x {
	case 1:
		fmt.Println("one")
	case 2:
		fmt.Println("two")
		fallthrough
	case 3:
		fmt.Println("three (fallthrough)")
	case 4:
		fmt.Println("four")
	}
	switch c := 'e'; c {
	case 'a', 'e', 'i', 'o', 'u':
		fmt.Println("vowel")
	}
	for i := 0; i < 5; i++ {
		switch {
		case i%2 == 0:
			continue
		case i == 3:
			break
		}
		fmt.Println("odd", i)
	}
}
