package main

import "fmt"

type Weekday int

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

type sentinel string

func (s sentinel) Error() string { return "sentinel: " + string(s) }

func printAll(vals ...any) {
	for _, v := range vals {
		fmt.Println(v)
	}
}

func main() {
	printAll(1, "hello", Weekday(2))
}
