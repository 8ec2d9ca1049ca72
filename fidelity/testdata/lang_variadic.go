package main

import "fmt"

func sum(label string, nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	fmt.Println(label, len(nums), nums == nil)
	return total
}

func join(parts ...any) string { return fmt.Sprint(parts...) }

func main() {
	fmt.Println(sum("none"))
	fmt.Println(sum("three", 1, 2, 3))
	xs := []int{4, 5}
	fmt.Println(sum("spread", xs...))
	fmt.Println(join("a", 1, true))
	fmt.Println(append([]int{1}, xs...))
}
