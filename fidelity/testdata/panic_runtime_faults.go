package main

import (
	"fmt"
	"sync"
)

func try(name string, f func()) {
	defer func() {
		fmt.Println(name, "->", recover())
	}()
	f()
}

func main() {
	try("close nil", func() {
		var c chan int
		close(c)
	})
	try("close twice", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	try("send closed", func() {
		c := make(chan int, 1)
		close(c)
		c <- 1
	})
	try("negative wg", func() {
		var wg sync.WaitGroup
		wg.Done()
	})
	try("div zero", func() {
		a, b := 1, 0
		fmt.Println(a / b)
	})
	try("nil map", func() {
		var m map[string]int
		m["a"] = 1
	})
	try("nil deref", func() {
		var p *struct{ x int }
		fmt.Println(p.x)
	})
	try("bad assert", func() {
		var a any = "s"
		fmt.Println(a.(int))
	})
	try("custom", func() { panic(fmt.Errorf("wrapped: %w", fmt.Errorf("inner"))) })
}
