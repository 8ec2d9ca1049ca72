package main

import "fmt"

func helper() any { return recover() }

func direct() {
	defer func() { fmt.Println("direct:", recover()) }()
	panic("a")
}

func indirect() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	defer func() { fmt.Println("helper:", helper()) }()
	defer recover()
	panic("b")
}

type cleaner struct{ name string }

func (c *cleaner) cleanup() {
	if r := recover(); r != nil {
		fmt.Println(c.name, "cleaned up after", r)
	}
}

func method() {
	c := &cleaner{"worker"}
	defer c.cleanup()
	panic("c")
}

func loop() (sum int) {
	for i := range 3 {
		defer fmt.Println("deferred", i)
		defer func(n int) { sum += n }(i)
	}
	return 10
}

func main() {
	direct()
	fmt.Println(indirect())
	method()
	fmt.Println(loop())
	fmt.Println("second recover:", func() (r any) {
		defer func() { r = recover() }()
		defer func() { fmt.Println("first recover:", recover()) }()
		return nil
	}())
}
