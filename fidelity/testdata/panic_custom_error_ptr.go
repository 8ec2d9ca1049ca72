package main

import "fmt"

type ValidationError struct {
	Field string
}

func (e *ValidationError) Error() string { return "invalid " + e.Field }

func validate() error { return &ValidationError{"email"} }

func main() {
	if err := validate(); err != nil {
		fmt.Println("error:", err)
		panic(err)
	}
}
