package stdlib

import (
	"errors"
	"reflect"
)

// The compiled half of concur's errors.Is, As, AsType and Unwrap (the
// interpreted half is the rewrite's errors prelude, rewrite/errprelude.go).
// The interpreted half looks at the errors of the program's types, whose
// methods library code never sees (the interpreter hands it an error of
// the program's in a wrapper with Error alone); these look at the errors
// of library types, where the interpreter's own assertions to an
// interface it compiled fail (a *errors.joinError is not interface {
// Unwrap() []error } to it).

// errUnwrap is what err's Unwrap method returns, for a library error:
// kind 1 with one error (Unwrap() error), kind 2 with a list (Unwrap()
// []error), kind 0 when err has neither.
func errUnwrap(err error) (one error, list []error, kind int) {
	switch x := err.(type) {
	case interface{ Unwrap() error }:
		return x.Unwrap(), nil, 1
	case interface{ Unwrap() []error }:
		return nil, x.Unwrap(), 2
	}
	return nil, nil, 0
}

// errIs calls a library error's Is method: has is false when it has none.
func errIs(err, target error) (is, has bool) {
	if x, ok := err.(interface{ Is(error) bool }); ok {
		return x.Is(target), true
	}
	return false, false
}

// errAs calls a library error's As method: has is false when it has none.
func errAs(err error, target any) (as, has bool) {
	if x, ok := err.(interface{ As(any) bool }); ok {
		return x.As(target), true
	}
	return false, false
}

// errComparable reports whether errors.Is may compare err with ==: Go's
// test for its dynamic type. A value of the program's (in the
// interpreter's wrapper) is compared by the interpreted half, which knows
// its type.
func errComparable(err error) bool {
	t := reflect.TypeOf(err)
	return t == nil || methodWrapper(t) || t.Comparable()
}

// errEqual is err == target, where either may be of the program's: the
// interpreter's wrapper of such a value (a struct with a func field, not
// comparable) holds it in its first field, a pointer for a pointer type,
// and the values held are compared. An uncomparable one is equal to
// nothing (where Go's == would panic comparing two of one such type).
func errEqual(err, target error) bool {
	a, b := held(err), held(target)
	if !a.IsValid() || !b.IsValid() {
		return a.IsValid() == b.IsValid()
	}
	if a.Type() != b.Type() || !a.Type().Comparable() {
		return false
	}
	return a.Equal(b)
}

// held is the value err holds: the interpreter's wrapper's first field
// for one of the program's, else err itself.
func held(err error) reflect.Value {
	v := reflect.ValueOf(err)
	if !v.IsValid() {
		return v
	}
	if methodWrapper(v.Type()) {
		inner := v.Field(0)
		if inner.Kind() == reflect.Interface {
			inner = inner.Elem()
		}
		return inner
	}
	return v
}

// errorsHelpers are the helpers above, in package "concur/builtin".
func errorsHelpers() map[string]reflect.Value {
	return map[string]reflect.Value{
		"ErrUnwrap":     reflect.ValueOf(errUnwrap),
		"ErrIs":         reflect.ValueOf(errIs),
		"ErrAs":         reflect.ValueOf(errAs),
		"ErrComparable": reflect.ValueOf(errComparable),
		"ErrEqual":      reflect.ValueOf(errEqual),
		// A failed x.(I) of a value of the program's, in Go's words
		// (rewrite/ifaceassert.go).
		"AssertPanic": reflect.ValueOf(func(msg string) { panic(runtimeError{msg}) }),
		"AssertFail":  reflect.ValueOf(assertFail),
	}
}

// assertFail panics as Go's x.(I) does for a value x of a library's type
// (or the predeclared ones) that lacks one of I's methods, named in
// methods in Go's order: interface conversion: int is not main.named:
// missing method name.
func assertFail(x any, iface string, methods []string) {
	t := reflect.TypeOf(x)
	missing := ""
	for _, m := range methods {
		if _, ok := t.MethodByName(m); !ok {
			missing = m
			break
		}
	}
	if missing == "" {
		// It has them all: the interpreter cannot give a library's value an
		// interface the program declares (its comma-ok form is false).
		panic(errors.New("concur cannot assert a " + t.String() + " to " + iface + ": its interpreter does not give a library's value " +
			"an interface the program declares; call the method through a variable of the library's type"))
	}
	panic(runtimeError{"interface conversion: " + t.String() + " is not " + iface + ": missing method " + missing})
}
