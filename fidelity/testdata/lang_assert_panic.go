package main

import (
	"fmt"
	"runtime"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type square struct{ side float64 }

func (s square) Area() float64 { return s.side * s.side }

type circle struct{ r float64 }

func (c *circle) Area() float64      { return 3 * c.r * c.r }
func (c *circle) Perimeter() float64 { return 6 * c.r }

func main() {
	var c any = &circle{2}
	fmt.Println(c.(Shape).Perimeter())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var none any
		_ = none.(Shape)
	}()
	func() {
		defer func() {
			r := recover()
			_, isRuntime := r.(runtime.Error)
			fmt.Println("recovered:", r, isRuntime)
		}()
		var x any = &circle{1}
		_ = x.(fmt.Stringer)
	}()
	var s any = square{3}
	fmt.Println(s.(Shape).Area())
}
