package stdlib

import (
	"fmt"
	"io"
	"maps"
	"reflect"
	"strconv"
	"strings"
	"unsafe"
)

// builtins is package "concur/builtin": Go's builtins print and println as
// the Go runtime writes them, on the program's standard error. yaegi writes
// them to standard output, formatting each operand with fmt's %v and, for
// print, a space between operands; the rewrite calls these instead (see
// rewrite/print.go), wrapping an operand of an interface type in Iface, since
// Go prints an interface as its two words, not as the value inside.
func builtins(h Hooks) map[string]reflect.Value { return PrintBuiltins(h.Stderr()) }

// PrintBuiltins is package "concur/builtin" with print and println writing
// to stderr; an interpreter that stands in for the engine's (the rewrite's
// tests) uses it too.
func PrintBuiltins(stderr io.Writer) map[string]reflect.Value {
	syms := make(map[string]reflect.Value, 8+len(namedPool)*namedSlots)
	maps.Copy(syms, map[string]reflect.Value{
		"Print":   reflect.ValueOf(func(args ...any) { writeBuiltin(stderr, args, false) }),
		"Println": reflect.ValueOf(func(args ...any) { writeBuiltin(stderr, args, true) }),
		"Iface":   reflect.ValueOf(func(v any) any { return ifaceWords{v} }),
		// For panics (panic.go).
		"Panicking": reflect.ValueOf(panicking),
		"Recovered": reflect.ValueOf(recovered),
		"NilPanic":  reflect.ValueOf(nilPanicValue),
		"Defers":    reflect.ValueOf(NewDefers),
		// For fmt's functions that take a format (fmtprint.go).
		"Typed":       reflect.ValueOf(typedOperand),
		"TypedStruct": reflect.ValueOf(typedStruct),
		// A value of the program's with its Error or String method, as
		// fmt gets it: the interpreter's conversion to error or
		// fmt.Stringer, made an any in interpreted code, loses the
		// method again (rewrite/fmtany.go).
		"AsError":    reflect.ValueOf(func(e error) any { return e }),
		"AsStringer": reflect.ValueOf(func(s fmt.Stringer) any { return s }),
		// A value out of the interpreter's box, for an element of the
		// copies of fmt's operands, which would print as the box.
		"Unbox":   reflect.ValueOf(func(x any) any { y, _ := unbox(x); return y }),
		"DynType": reflect.ValueOf(dynType),
		"Dyn":     reflect.ValueOf(dynOperand),
		// fmt.Stringer, for the copies of log's operands.
		"Stringer": reflect.ValueOf((*fmt.Stringer)(nil)),
	})
	// For errors.Is, As, AsType and Unwrap (errwalk.go).
	for name, v := range errorsHelpers() {
		syms[name] = v
	}
	namedSymbols(syms) // the types the program's named types on basic types become (named.go)
	return syms
}

// ifaceWords is an operand of an interface type: print shows it as
// (type word,data word), as Go's runtime does for an interface value.
type ifaceWords struct{ v any }

func writeBuiltin(w io.Writer, args []any, ln bool) {
	var b []byte
	for i, a := range args {
		if ln && i > 0 {
			b = append(b, ' ')
		}
		b = appendBuiltin(b, a)
	}
	if ln {
		b = append(b, '\n')
	}
	w.Write(b)
}

// appendBuiltin appends one operand of print as the runtime prints it: by
// its kind, numbers as strconv gives them, pointers, channels, maps and
// functions as a hexadecimal address, a slice as [len/cap]address.
func appendBuiltin(b []byte, a any) []byte {
	if iw, ok := a.(ifaceWords); ok {
		words := (*[2]uintptr)(unsafe.Pointer(&iw.v))
		b = append(b, '(')
		b = appendHex(b, uint64(words[0]))
		b = append(b, ',')
		b = appendHex(b, uint64(words[1]))
		return append(b, ')')
	}
	v := reflect.ValueOf(a)
	switch v.Kind() {
	case reflect.Invalid:
		return append(b, "(0x0,0x0)"...) // a nil interface the rewrite did not wrap
	case reflect.Bool:
		return strconv.AppendBool(b, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.AppendUint(b, v.Uint(), 10)
	case reflect.Float32:
		return strconv.AppendFloat(b, v.Float(), 'g', -1, 32)
	case reflect.Float64:
		return strconv.AppendFloat(b, v.Float(), 'g', -1, 64)
	case reflect.Complex64:
		return append(b, strconv.FormatComplex(v.Complex(), 'g', -1, 64)...)
	case reflect.Complex128:
		return append(b, strconv.FormatComplex(v.Complex(), 'g', -1, 128)...)
	case reflect.String:
		return append(b, v.String()...)
	case reflect.Pointer, reflect.Chan, reflect.Map, reflect.Func, reflect.UnsafePointer:
		return appendHex(b, uint64(v.Pointer()))
	case reflect.Slice:
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(v.Len()), 10)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(v.Cap()), 10)
		b = append(b, ']')
		return appendHex(b, uint64(v.Pointer()))
	}
	// Go refuses to compile print of a struct or an array.
	return append(b, v.String()...)
}

func appendHex(b []byte, x uint64) []byte {
	return strconv.AppendUint(append(b, "0x"...), x, 16)
}

// dynType says of the value in b[0] (in a slice, so that the interpreter
// hands it over in its box) what fmt needs to find its type's methods,
// which the interpreter does not hand fmt (rewrite/fmtany.go): for a
// value in the interpreter's box (valueInterface), the interpreter's
// name of its type (main.temp), which tells apart types that a type
// assertion of the interpreter does not (type ID int from int, two struct
// types of the same fields); "*" for a pointer outside a box; "" for
// anything else.
func dynType(b []any) string {
	if len(b) == 0 || b[0] == nil {
		return ""
	}
	if name, ok := boxedType(b[0]); ok {
		return name
	}
	if v := reflect.ValueOf(b[0]); v.Kind() == reflect.Pointer && !v.IsNil() {
		return "*"
	}
	return ""
}

// dynOperand is concur/builtin.Dyn: the value in b[0], and if it is in the
// interpreter's box, the value out of it with its type's name, for fmt's
// %T and %#v (a typed operand, fmtprint.go).
func dynOperand(b []any) any {
	if len(b) == 0 || b[0] == nil {
		return nil
	}
	name, ok := boxedType(b[0])
	v, _ := unbox(b[0])
	if !ok || v == nil {
		return v
	}
	if pkg, n, found := strings.Cut(name, "."); found {
		name = pkg + "." + instanceName(n)
	}
	return typed{v: v, name: name}
}

// boxedType is the interpreter's name of the type of x (main.temp), if x
// is the interpreter's box (valueInterface) of a value that is not nil.
func boxedType(x any) (string, bool) {
	v := reflect.ValueOf(x)
	t := v.Type()
	if t.Kind() != reflect.Struct || t.Name() != "valueInterface" || !strings.HasSuffix(t.PkgPath(), "yaegi/interp") {
		return "", false
	}
	if inner, _ := unbox(x); inner == nil {
		return "", false
	}
	n := v.FieldByName("node")
	if n.Kind() != reflect.Pointer || n.IsNil() {
		return "", false
	}
	typ := n.Elem().FieldByName("typ")
	if typ.Kind() != reflect.Pointer || typ.IsNil() {
		return "", false
	}
	str := typ.Elem().FieldByName("str")
	if str.Kind() != reflect.String || str.String() == "" {
		return "", false
	}
	return str.String(), true
}
