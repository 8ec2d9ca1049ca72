package main

import "fmt"

type celsius struct{ degrees float64 }
type fahrenheit struct{ degrees float64 }

func main() {
	c, f := celsius{21.5}, fahrenheit{70.7}
	fmt.Printf("%v %v\n", c, f)
	fmt.Printf("%T %T\n", c, f)
	fmt.Printf("%#v\n", c)
}
