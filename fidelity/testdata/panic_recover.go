package main

import (
	"errors"
	"fmt"
)

func try(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			switch v := r.(type) {
			case error:
				err = v
			default:
				err = fmt.Errorf("panic: %v", v)
			}
		}
	}()
	f()
	return nil
}

func main() {
	fmt.Println(try(func() { panic("boom") }))
	fmt.Println(try(func() { panic(errors.New("as error")) }))
	fmt.Println(try(func() {}))
	fmt.Println(try(func() {
		var m map[string]int
		m["x"] = 1
	}))
	fmt.Println(try(func() {
		a := []int{1}
		i := 5
		_ = a[i]
	}))
	fmt.Println(recover())
}
