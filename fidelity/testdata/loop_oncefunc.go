package main

import (
	"fmt"
	"sync"
)

func main() {
	var inits []func()
	for i := 1; i <= 3; i++ {
		inits = append(inits, sync.OnceFunc(func() { fmt.Println("init", i) }))
	}
	for _, f := range inits {
		f()
		f()
	}
}
