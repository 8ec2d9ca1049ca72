package main

import "fmt"

func Describe[T any](v T) string {
	switch x := any(v).(type) {
	case int:
		return fmt.Sprint("int ", x)
	case string:
		return "string " + x
	default:
		return fmt.Sprintf("%T", x)
	}
}

func Zero[T any]() T {
	var z T
	return z
}

func main() {
	fmt.Println(Describe(4), Describe("s"), Describe(2.5))
	fmt.Printf("%q %v %v\n", Zero[string](), Zero[int](), Zero[*int]() == nil)
}
