package main

import (
	"fmt"
	"sort"
)

func main() {
	ages := map[string]int{"bob": 31, "alice": 29}
	ages["carol"] = 40
	ages["bob"]++
	delete(ages, "nobody")
	v, ok := ages["dave"]
	fmt.Println(v, ok, len(ages))
	names := make([]string, 0, len(ages))
	for name := range ages {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Println(n, ages[n])
	}
	fmt.Println(ages)
	counts := map[rune]int{}
	for _, r := range "mississippi" {
		counts[r]++
	}
	fmt.Println(counts)
	var nilMap map[string]int
	fmt.Println(nilMap["x"], len(nilMap))
}
