package main

import (
	"errors"
	"fmt"
)

type myErr struct{ code int }

func (e *myErr) Error() string { return fmt.Sprintf("code %d", e.code) }

func main() {
	var err error = &myErr{404}
	fmt.Println(err)
	fmt.Printf("%v|%s|%q\n", err, err, err)
	fmt.Println(fmt.Errorf("wrapped: %w", err))
	fmt.Println([]error{err, errors.New("plain")})
	var nilErr error
	fmt.Println(nilErr)
	fmt.Printf("%v\n", nilErr)
}
