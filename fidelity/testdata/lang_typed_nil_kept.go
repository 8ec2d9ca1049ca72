package main

import (
	"errors"
	"fmt"
)

type namer interface{ Name() string }

type user struct{ name string }

func (u *user) Name() string {
	if u == nil {
		return "nobody"
	}
	return u.name
}

type parseErr struct{ line int }

func (e *parseErr) Error() string { return fmt.Sprintf("line %d", e.line) }

func parse(ok bool) error {
	if ok {
		return nil
	}
	return &parseErr{3}
}

func check(fail bool) (err error) {
	var pe *parseErr
	if fail {
		pe = &parseErr{7}
		err = pe // not nil: goes through
	}
	return err
}

func main() {
	// A typed nil in an interface the program declares, and in any, is
	// Go's: not nil, and its methods run on the nil receiver.
	var u *user
	var n namer = u
	var a any = u
	fmt.Println(n == nil, a == nil, n.Name())
	// Pointers that are not nil become errors as in Go.
	fmt.Println(parse(true), parse(false), parse(true) == nil)
	fmt.Println(check(false) == nil, check(true))
	errs := []error{&parseErr{1}, parse(false)}
	fmt.Println(errs, errors.Join(errs...))
}
