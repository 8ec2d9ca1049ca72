package main

import (
	"fmt"
	"sort"
	"strings"
)

type op func(int, int) int

type handler interface{ handle(string) string }

type handlerFunc func(string) string

func (f handlerFunc) handle(s string) string { return f(s) }

func apply(o op, a, b int) int { return o(a, b) }

func main() {
	ops := map[string]op{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	names := []string{}
	for k := range ops {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Println(n, apply(ops[n], 6, 7))
	}
	var h handler = handlerFunc(strings.ToUpper)
	fmt.Println(h.handle("shout"))
	var nilFunc func()
	fmt.Println(nilFunc == nil)
}
