package main

import "fmt"

func main() {
	tests := []struct {
		in   string
		want int
	}{
		{"a", 1},
		{"abc", 3},
		{"", 0},
	}
	for _, tc := range tests {
		fmt.Println(tc.in, len(tc.in) == tc.want)
	}
	pt := &struct{ X, Y int }{1, 2}
	pt.X = 10
	fmt.Println(*pt)
}
