package main

import "fmt"

type notFound struct {
	key string
}

func (e *notFound) Error() string { return fmt.Sprintf("%q not found", e.key) }

func lookup(key string) error {
	return &notFound{key}
}

// A panic with an error value prints what its Error method says.
func main() {
	err := lookup("x")
	fmt.Println("lookup failed:", err != nil)
	panic(err)
}
