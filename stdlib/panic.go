package stdlib

import (
	"fmt"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/concur-dev/concur/internal/lazyregexp"
	"github.com/petermattis/goid"
)

// How a panic's value is printed when nothing recovers it: Go's runtime
// prints an error by its Error method, a Stringer by its String method, a
// value of a named type as main.code(7) or (main.point) 0xADDR, and a value
// of a basic type as print would. The interpreter hides what this needs
// from compiled code: methods of the program's types are not in their
// reflect types, and a named type that is not a struct (type code int) is
// its underlying type there. So the rewrite tells, at each panic statement,
// what the value's static type says (rewrite/print.go): the type's name, and
// a function that calls its Error or String method, which is called at once.
// PanicText reads it back when the program dies.

// panicNote is what a panic statement said about its value.
type panicNote struct {
	v        any
	typeName string // Go's name of the value's type; "" when its static type is an interface
	text     string // what its Error or String method returned
	method   bool   // text is set
}

var panicNotes struct {
	sync.Mutex
	by map[int64]panicNote // by the runtime id of the panicking goroutine
}

// panicking records, for the calling goroutine, what its panic statement
// knows of the value v it is about to panic with: its type's name (Go's
// runtime spelling, "" when the static type is an interface) and, if the
// type has an Error or String method, a function calling it. A method that
// panics counts as none (Go would report "panic while printing panic
// value").
func panicking(v any, typeName string, method func() string) {
	n := panicNote{v: v, typeName: typeName}
	if method != nil {
		func() {
			defer func() {
				if recover() != nil {
					n.text, n.method = "", false
				}
			}()
			n.text, n.method = method(), true
		}()
	}
	id := goid.Get()
	panicNotes.Lock()
	defer panicNotes.Unlock()
	if panicNotes.by == nil || len(panicNotes.by) > 1024 {
		// Goroutines that recovered and ended leave their notes behind.
		panicNotes.by = map[int64]panicNote{}
	}
	panicNotes.by[id] = n
}

// PanicText is Go's text for the panic value v that is ending the calling
// goroutine, after "panic: ", as the runtime prints it: from what the
// goroutine's last panic statement said (panicking), when it panicked with
// v. ok is false when no panic statement of this goroutine spoke of v (a
// runtime error, a panic in library code).
func PanicText(v any) (text string, ok bool) {
	panicNotes.Lock()
	n, found := panicNotes.by[goid.Get()]
	panicNotes.Unlock()
	if !found || !samePanic(n.v, v) {
		return "", false
	}
	switch {
	case n.method:
		return indentLines(n.text), true
	case n.v == nil:
		return nilPanic, true
	case n.typeName == "":
		return PanicValueText(v), true
	}
	return customTypeText(n.typeName, reflect.ValueOf(n.v)), true
}

// nilPanic is what Go prints for panic(nil) (a *runtime.PanicNilError).
const nilPanic = "panic called with nil argument"

// panicNil is the value of panic(nil) and of a panic with a nil interface
// value: Go 1.21 panics with a *runtime.PanicNilError instead. One value
// serves every such panic, so the engine sees the panic it was told of.
var panicNil = new(runtime.PanicNilError)

// nilPanicValue is what panic statements panic with (the rewrite passes operands
// of an interface type through it): v, or panicNil for nil.
func nilPanicValue(v any) any {
	if v == nil {
		return panicNil
	}
	return v
}

// PanicValueText is Go's text for a panic value known only by its dynamic
// type as compiled code sees it: a run-time panic of the interpreter in the
// Go runtime's words, an error or Stringer of the standard library by its
// method, a value of a basic type as print prints it, other values by
// fmt's %v (a type the program declares has no methods and no name there).
func PanicValueText(v any) string {
	v = unwrapValue(v)
	if e := goRuntimeError(v); e != nil {
		return e.Error()
	}
	switch x := v.(type) {
	case nil:
		return nilPanic
	case error:
		return indentLines(x.Error())
	case fmt.Stringer:
		return indentLines(x.String())
	}
	rv := reflect.ValueOf(v)
	if s, ok := basicText(rv); ok && rv.Type().PkgPath() == "" {
		return s
	}
	if isNamedSlot(rv.Type()) {
		return customTypeText(namedName(rv.Type()), rv)
	}
	if rv.Type().Name() != "" && rv.Type().PkgPath() != "" {
		// A named type of the standard library (time.Month has a String
		// method; this one has none).
		return customTypeText(rv.Type().String(), rv)
	}
	return indentLines(fmt.Sprintf("%v", v))
}

// customTypeText is how the runtime prints a value of a type with a name
// (or a composite type): main.code(7), main.name("x"), or, for kinds print
// cannot show, the type in parentheses and the value's address.
func customTypeText(typeName string, v reflect.Value) string {
	if _, unnamed := basicTypes[typeName]; unnamed {
		if s, ok := basicText(v); ok {
			return s
		}
	}
	switch v.Kind() {
	case reflect.String:
		return typeName + `("` + indentLines(v.String()) + `")`
	case reflect.Complex64, reflect.Complex128:
		s, _ := basicText(v)
		return typeName + s
	}
	if s, ok := basicText(v); ok {
		return typeName + "(" + s + ")"
	}
	addr := uintptr(0)
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.Slice, reflect.UnsafePointer:
		addr = v.Pointer()
	default:
		// The runtime shows where the value's copy lives, which is as
		// arbitrary as this.
		p := reflect.New(v.Type())
		p.Elem().Set(v)
		addr = p.Pointer()
	}
	return "(" + typeName + ") 0x" + strconv.FormatUint(uint64(addr), 16)
}

// basicTypes are the predeclared types print shows without a name.
var basicTypes = map[string]struct{}{
	"bool": {}, "string": {}, "int": {}, "int8": {}, "int16": {}, "int32": {}, "int64": {},
	"uint": {}, "uint8": {}, "uint16": {}, "uint32": {}, "uint64": {}, "uintptr": {},
	"float32": {}, "float64": {}, "complex64": {}, "complex128": {}, "byte": {}, "rune": {},
}

// basicText prints a value of a basic kind as the runtime's print does.
func basicText(v reflect.Value) (string, bool) {
	switch v.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return string(appendBuiltin(nil, v.Interface())), true
	case reflect.String:
		return indentLines(v.String()), true
	}
	return "", false
}

// indentLines puts a tab after each newline, as the runtime does to a
// panic's text so that it cannot pass for the start of a traceback.
func indentLines(s string) string { return strings.ReplaceAll(s, "\n", "\n\t") }

// samePanic reports whether a and b are the same panic value: equal, or,
// for slices, maps and functions, which cannot be compared, the same one.
func samePanic(a, b any) (same bool) {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.IsValid() && vb.IsValid() && va.Type() == vb.Type() {
		switch va.Kind() {
		case reflect.Slice:
			return va.Pointer() == vb.Pointer() && va.Len() == vb.Len()
		case reflect.Map, reflect.Func:
			return va.Pointer() == vb.Pointer()
		}
	}
	defer func() {
		if recover() != nil {
			same = false
		}
	}()
	return a == b
}

// A runtimeError is a run-time panic of Go's, for a panic the interpreter
// raised in its own words (a reflect message, a position in front): it is a
// runtime.Error, and its text is the Go runtime's.
type runtimeError struct{ msg string }

func (e runtimeError) Error() string { return e.msg }

// RuntimeError marks it as a runtime.Error.
func (runtimeError) RuntimeError() {}

// interpreterWords maps the interpreter's words for a run-time panic to the
// Go runtime's. The interpreter does not say which index, length or
// capacity, so neither can concur.
var interpreterWords = map[string]string{
	"reflect: slice index out of range":               "runtime error: index out of range",
	"reflect: array index out of range":               "runtime error: index out of range",
	"reflect: string index out of range":              "runtime error: index out of range",
	"reflect: slice bounds out of range":              "runtime error: slice bounds out of range",
	"reflect.Value.Slice: slice index out of bounds":  "runtime error: slice bounds out of range",
	"reflect.Value.Slice3: slice index out of bounds": "runtime error: slice bounds out of range",
	"reflect.Value.Call: call of nil function":        nilDereference,
	"reflect.MakeSlice: negative len":                 "runtime error: makeslice: len out of range",
	"reflect.MakeSlice: negative cap":                 "runtime error: makeslice: cap out of range",
	"reflect.MakeSlice: len > cap":                    "runtime error: makeslice: cap out of range",
}

// derefMethods are the reflect methods the interpreter calls on what a
// nil pointer points to (the zero Value) when the program dereferences it;
// the zero Value anywhere else is the interpreter's own failure, left in its
// words.
var derefMethods = map[string]bool{
	"reflect.Value.Field": true, "reflect.Value.FieldByIndex": true,
	"reflect.Value.Set": true, "reflect.Value.Index": true,
}

const nilDereference = "runtime error: invalid memory address or nil pointer dereference"

// positionThen matches the position the interpreter puts in front of its
// message for a failed type assertion ("7:7: interface conversion: ...").
var positionThen = lazyregexp.New(`^(?:\S*:)?\d+:\d+: (interface conversion: .*)$`)

// goRuntimeError returns the Go runtime's panic for a panic value the
// interpreter raised in its own words, or nil when v is not one.
func goRuntimeError(v any) error {
	switch x := v.(type) {
	case string:
		if words, ok := interpreterWords[x]; ok {
			return runtimeError{words}
		}
	case *reflect.ValueError:
		// A method of reflect called on the zero Value: the interpreter
		// went through a nil pointer (p.field, *p = v, p[i] of a nil
		// *[N]T).
		if x.Kind == reflect.Invalid && derefMethods[x.Method] {
			return runtimeError{nilDereference}
		}
	case error:
		if m := positionThen.FindStringSubmatch(x.Error()); m != nil {
			return runtimeError{withProgramNames(m[1])}
		}
	}
	return nil
}

// recovered is what the builtin recover returns to the program (the
// rewrite passes recover's result through it): the panic value itself, not
// the reflect.Value the interpreter sometimes wraps it in, and Go's run-time
// error where the interpreter panicked in its own words.
func recovered(v any) any {
	if r, ok := recoverPanic(); ok {
		return r
	}
	return recoveredValue(v)
}

// recoveredValue is a panic value as the program sees it: not the
// reflect.Value the interpreter sometimes wraps it in, and Go's run-time
// error where the interpreter panicked in its own words.
func recoveredValue(v any) any {
	v = unwrapValue(v)
	if e := goRuntimeError(v); e != nil {
		return e
	}
	return v
}

// unwrapValue takes a value out of the reflect.Value the interpreter
// sometimes hands over instead of the value itself.
func unwrapValue(v any) any {
	if rv, ok := v.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		return rv.Interface()
	}
	return v
}
