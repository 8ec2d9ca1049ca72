package main

import (
	"errors"
	"fmt"
	"io/fs"
)

var ErrBase = errors.New("base failure")

// NotFound has pointer receivers and wraps another error.
type NotFound struct {
	Name string
	Err  error
}

func (e *NotFound) Error() string { return e.Name + " not found: " + e.Err.Error() }
func (e *NotFound) Unwrap() error { return e.Err }

// Temporary says whether to retry, and matches any other *Temporary.
type Temporary struct{ Code int }

func (e *Temporary) Error() string { return fmt.Sprintf("temporary (code %d)", e.Code) }
func (e *Temporary) Is(target error) bool {
	t, ok := target.(*Temporary)
	return ok && (t.Code == 0 || t.Code == e.Code)
}

// Legacy converts itself into a *NotFound through an As method.
type Legacy struct{ Msg string }

func (e *Legacy) Error() string { return "legacy: " + e.Msg }
func (e *Legacy) As(target any) bool {
	if nf, ok := target.(**NotFound); ok {
		*nf = &NotFound{Name: e.Msg, Err: ErrBase}
		return true
	}
	return false
}

func main() {
	nf := &NotFound{Name: "config", Err: ErrBase}
	err := fmt.Errorf("load: %w", nf)
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrBase), errors.Is(err, nf), errors.Is(err, &NotFound{}))
	var got *NotFound
	fmt.Println(errors.As(err, &got), got == nf, got.Name)
	fmt.Println(errors.Unwrap(err) == nf, errors.Unwrap(errors.Unwrap(err)) == ErrBase)

	tmp := fmt.Errorf("call: %w", &Temporary{Code: 503})
	fmt.Println(errors.Is(tmp, &Temporary{}), errors.Is(tmp, &Temporary{Code: 503}), errors.Is(tmp, &Temporary{Code: 404}))

	var viaAs *NotFound
	leg := fmt.Errorf("old: %w", &Legacy{Msg: "users"})
	fmt.Println(errors.As(leg, &viaAs), viaAs.Name, errors.Is(viaAs, ErrBase))

	joined := errors.Join(nf, &Temporary{Code: 7}, nil)
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrBase), errors.Is(joined, &Temporary{Code: 7}), errors.Is(joined, fs.ErrClosed))
	var tp *Temporary
	fmt.Println(errors.As(joined, &tp), tp.Code)

	two := fmt.Errorf("both: %w; %w", nf, &Temporary{Code: 9})
	fmt.Println(two)
	fmt.Println(errors.Is(two, ErrBase), errors.Is(two, &Temporary{Code: 9}), errors.Unwrap(two) == nil)
	if nf2, ok := errors.AsType[*NotFound](two); ok {
		fmt.Println("AsType found", nf2.Name)
	}
	_, ok := errors.AsType[*Legacy](two)
	fmt.Println("AsType legacy", ok)

	pe := &fs.PathError{Op: "open", Path: "/data", Err: fs.ErrNotExist}
	wrapped := fmt.Errorf("start: %w", &NotFound{Name: "data", Err: pe})
	fmt.Println(errors.Is(wrapped, fs.ErrNotExist))
	var gotPE *fs.PathError
	fmt.Println(errors.As(wrapped, &gotPE), gotPE.Op, gotPE.Path)
	var asErr error
	fmt.Println(errors.As(wrapped, &asErr), asErr == error(wrapped))

	var nilErr error
	fmt.Println(errors.Is(nilErr, nil), errors.Is(nilErr, ErrBase), errors.Unwrap(nilErr) == nil, errors.As(nilErr, &got))
}
