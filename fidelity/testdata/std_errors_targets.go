package main

import (
	"errors"
	"fmt"
	"io/fs"
)

// Timeout has a value receiver and is used through pointers.
type Timeout struct{ Op string }

func (t Timeout) Error() string { return t.Op + ": timeout" }

// Busy has pointer receivers.
type Busy struct{ Retries int }

func (b *Busy) Error() string   { return fmt.Sprintf("busy after %d retries", b.Retries) }
func (b *Busy) Temporary() bool { return b.Retries < 3 }

type temporary interface{ Temporary() bool }

type retryable interface {
	error
	temporary
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panicked:", r)
		}
	}()
	f()
}

func main() {
	err := fmt.Errorf("fetch: %w", &Timeout{"read"})
	var tp *Timeout
	fmt.Println(errors.As(err, &tp), tp.Op)

	var tmp temporary
	fmt.Println(errors.As(err, &tmp), tmp == nil)
	busy := fmt.Errorf("call: %w", errors.Join(err, &Busy{2}))
	fmt.Println(errors.As(busy, &tmp), tmp.Temporary())
	var re retryable
	fmt.Println(errors.As(busy, &re), re.Error())

	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe == nil)
	var anyErr error
	fmt.Println(errors.As(err, &anyErr), anyErr)

	lib := fmt.Errorf("open: %w", &fs.PathError{Op: "open", Path: "a.txt", Err: fs.ErrPermission})
	fmt.Println(errors.As(lib, &tmp), errors.As(lib, &pe), pe.Path, errors.Is(lib, fs.ErrPermission))

	if t, ok := errors.AsType[*Timeout](err); ok {
		fmt.Println("AsType:", t.Op)
	}
	if r, ok := errors.AsType[retryable](busy); ok {
		fmt.Println("AsType retryable:", r.Temporary())
	}
	_, ok := errors.AsType[*Timeout](nil)
	fmt.Println("AsType of nil:", ok)

	try("nil target", func() { errors.As(err, nil) })
	try("nil pointer", func() {
		var p **Timeout
		errors.As(err, p)
	})
	try("nil error first", func() {
		var p **Timeout
		fmt.Println("nil error:", errors.As(nil, p))
	})
}
