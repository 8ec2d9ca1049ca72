//go:build ignore

// Package errors is Go's errors as concur's interpreter compiles it (see
// package stdlib's generic.go). Go 1.26's AsType is generic, so the
// package must be source; a source package hides the compiled one of the
// same path, so the rest of the API calls Go's own errors (package
// "concur/generic"): errors.New still makes an *errors.errorString and
// ErrUnsupported is Go's value.
package errors

import rt "concur/generic"

// ErrUnsupported indicates that a requested operation cannot be performed,
// because it is unsupported.
var ErrUnsupported = rt.ErrUnsupported

// New returns an error that formats as the given text.
func New(text string) error { return rt.New(text) }

// Is reports whether any error in err's tree matches target.
func Is(err, target error) bool { return rt.Is(err, target) }

// As finds the first error in err's tree that matches target, and if one
// is found, sets target to that error value and returns true.
func As(err error, target any) bool { return rt.As(err, target) }

// Unwrap returns the result of calling the Unwrap method on err, if any.
func Unwrap(err error) error { return rt.Unwrap(err) }

// Join returns an error that wraps the given errors.
func Join(errs ...error) error { return rt.Join(errs...) }

// AsType finds the first error in err's tree that has type E, and if one
// is found, returns that error value and true.
func AsType[E error](err error) (E, bool) {
	var target E
	if rt.As(err, &target) {
		return target, true
	}
	return target, false
}
