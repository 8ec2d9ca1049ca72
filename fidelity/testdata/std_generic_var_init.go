package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

var (
	order    = cmp.Compare("apple", "banana")
	primes   = []int{2, 3, 5, 7, 11}
	at       = slices.Index(primes, 7)
	has      = slices.Contains(primes, 4)
	largest  = slices.Max(primes)
	i, found = slices.BinarySearch(primes, 5)
)

var ages = map[string]int{"ann": 31, "bo": 27}
var names = slices.Sorted(maps.Keys(ages))
var copyOf = maps.Clone(ages)
var shout = strings.ToUpper(names[0])
var oldest = slices.MaxFunc(names, func(a, b string) int { return cmp.Compare(ages[a], ages[b]) })

// A call beside the generic one, after it in the value.
var at2 = slices.Index(primes, 5) + len(primes)
var both = fmt.Sprint(slices.Index(primes, 3), len(primes))

func main() {
	fmt.Println(order, at, has, largest, i, found)
	fmt.Println(names, len(copyOf), shout, oldest)
	fmt.Println(at2, both)
}
