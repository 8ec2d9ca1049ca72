package main

import (
	"errors"
	"fmt"
)

type timeoutError struct{ op string }

func (e timeoutError) Error() string { return e.op + " timed out" }

func main() {
	err := fmt.Errorf("request: %w", timeoutError{"read"})
	if te, ok := errors.AsType[timeoutError](err); ok {
		fmt.Println("timeout during", te.op)
	}
	_, ok := errors.AsType[timeoutError](errors.New("other"))
	fmt.Println(ok)
}
