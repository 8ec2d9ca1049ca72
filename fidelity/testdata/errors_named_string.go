package main

import (
	"errors"
	"fmt"
)

type problem string

func (p problem) Error() string { return "problem: " + string(p) }

type ID int

var errPlain = errors.New("plain")

func find(id ID) error {
	switch {
	case id < 0:
		return problem(fmt.Sprint("negative ", id))
	case id == 0:
		return errPlain
	case id > 9:
		return fmt.Errorf("find %d: %w", id, errPlain)
	}
	return nil
}

// Errors made by errors.New and fmt.Errorf beside an error type on string,
// and a named type on int without methods beside it.
func main() {
	for _, id := range []ID{-1, 0, 5, 10} {
		err := find(id)
		fmt.Printf("%v %q %v %v\n", err, fmt.Sprint(err), errors.Is(err, errPlain), err == nil)
		if err != nil {
			fmt.Println(err.Error())
		}
	}
	var v any = ID(3)
	_, isInt := v.(int)
	id, isID := v.(ID)
	fmt.Println(isInt, isID, id)
}
