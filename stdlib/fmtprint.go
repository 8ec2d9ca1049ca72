package stdlib

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// sprintf is fmt.Sprintf as Go prints the snippet's values: %T, %+v and
// %#v of interpreted struct types show their declared names (see
// fmtnames.go), and a verb that does not use a String or Error method
// formats the value itself rather than the interpreter's method wrapper
// (%d of a type with a String method printed {1 0x4f2a80}). A format that
// needs none of this goes straight to fmt.Sprintf; one that does is
// printed directive by directive, each through fmt.Sprintf with the same
// flags, width and precision, following fmt's own walk of the format
// (argument indexes, * widths, and the %!verb(MISSING) family).
func sprintf(format string, a ...any) string {
	a = unboxed(a)
	if !needsOwnPrintf(format, a) {
		return fmt.Sprintf(format, a...)
	}
	return printf(format, a, nil)
}

// errorf is fmt.Errorf on sprintf: the message is sprintf's, the error
// wraps the %w operands as fmt.Errorf's does (each %w goes to fmt.Errorf
// again with precision 0, which prints nothing).
func errorf(format string, a ...any) error {
	a = unboxed(a)
	if !needsOwnPrintf(format, a) {
		return fmt.Errorf(format, a...)
	}
	var wrapped []any
	msg := printf(format, a, &wrapped)
	return fmt.Errorf(strings.ReplaceAll(msg, "%", "%%")+strings.Repeat("%.0w", len(wrapped)), wrapped...)
}

// needsOwnPrintf reports whether some operand would print differently
// from Go in fmt.Sprintf(format, a...).
func needsOwnPrintf(format string, a []any) bool {
	if !strings.Contains(format, "%") {
		return false
	}
	for _, x := range a {
		if x == nil {
			continue
		}
		if t := reflect.TypeOf(x); needsNames(t) || methodWrapper(t) || t == typedType {
			return true
		}
	}
	return false
}

var typedType = reflect.TypeFor[typed]()

// methodWrapper reports whether t is one of the interpreter's wrappers that
// give an interpreted value a library interface's methods: a struct whose
// first field, IValue, holds the value (the tables' _fmt_Stringer, yaegi's
// _error).
func methodWrapper(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && strings.HasPrefix(t.Name(), "_") && t.NumField() > 0 && t.Field(0).Name == "IValue"
}

// A directive is one %verb of a format: its flags, width and precision as
// fmt parsed them.
type directive struct {
	plus, minus, sharp, space, zero bool
	wid, prec                       int
	widPresent, precPresent         bool
}

// mini is the format of d alone with verb.
func (d directive) mini(verb rune) string {
	var b strings.Builder
	b.WriteByte('%')
	for _, f := range []struct {
		on bool
		c  byte
	}{{d.plus, '+'}, {d.minus, '-'}, {d.sharp, '#'}, {d.space, ' '}, {d.zero, '0'}} {
		if f.on {
			b.WriteByte(f.c)
		}
	}
	if d.widPresent {
		b.WriteString(strconv.Itoa(d.wid))
	}
	if d.precPresent {
		b.WriteByte('.')
		b.WriteString(strconv.Itoa(d.prec))
	}
	b.WriteRune(verb)
	return b.String()
}

// printf walks format as fmt's doPrintf does. wrapped, if not nil,
// collects the operands of %w.
func printf(format string, a []any, wrapped *[]any) string {
	var buf strings.Builder
	end := len(format)
	argNum := 0
	afterIndex := false
	reordered := false
	// argNumber is fmt's: an explicit [n] index.
	argNumber := func(argNum, i int) (int, int, bool, bool) {
		if len(format) <= i || format[i] != '[' {
			return argNum, i, false, true
		}
		reordered = true
		index, wid, ok := parseArgNumber(format[i:])
		if ok && 0 <= index && index < len(a) {
			return index, i + wid, true, true
		}
		return argNum, i + wid, ok, false
	}
	for i := 0; i < end; {
		goodArgNum := true
		lasti := i
		for i < end && format[i] != '%' {
			i++
		}
		buf.WriteString(format[lasti:i])
		if i >= end {
			break
		}
		i++
		var d directive
	flags:
		for ; i < end; i++ {
			switch format[i] {
			case '#':
				d.sharp = true
			case '0':
				d.zero = true
			case '+':
				d.plus = true
			case '-':
				d.minus = true
			case ' ':
				d.space = true
			default:
				break flags
			}
		}
		var good bool
		argNum, i, afterIndex, good = argNumber(argNum, i)
		goodArgNum = goodArgNum && good
		if i < end && format[i] == '*' {
			i++
			d.wid, d.widPresent, argNum = intFromArg(a, argNum)
			if !d.widPresent {
				buf.WriteString("%!(BADWIDTH)")
			}
			if d.wid < 0 {
				d.wid = -d.wid
				d.minus = true
				d.zero = false
			}
			afterIndex = false
		} else {
			d.wid, d.widPresent, i = parsenum(format, i, end)
			if afterIndex && d.widPresent {
				goodArgNum = false
			}
		}
		if i+1 < end && format[i] == '.' {
			i++
			if afterIndex {
				goodArgNum = false
			}
			argNum, i, afterIndex, good = argNumber(argNum, i)
			goodArgNum = goodArgNum && good
			if i < end && format[i] == '*' {
				i++
				d.prec, d.precPresent, argNum = intFromArg(a, argNum)
				if d.prec < 0 {
					d.prec = 0
					d.precPresent = false
				}
				if !d.precPresent {
					buf.WriteString("%!(BADPREC)")
				}
				afterIndex = false
			} else {
				d.prec, d.precPresent, i = parsenum(format, i, end)
				if !d.precPresent {
					d.prec = 0
					d.precPresent = true
				}
			}
		}
		if !afterIndex {
			argNum, i, afterIndex, good = argNumber(argNum, i)
			goodArgNum = goodArgNum && good
		}
		if i >= end {
			buf.WriteString("%!(NOVERB)")
			break
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		i += size
		switch {
		case verb == '%':
			buf.WriteByte('%')
		case !goodArgNum:
			buf.WriteString("%!" + string(verb) + "(BADINDEX)")
		case argNum >= len(a):
			buf.WriteString("%!" + string(verb) + "(MISSING)")
		default:
			if verb == 'w' && wrapped != nil {
				if err, ok := untyped(a[argNum]).(error); ok {
					*wrapped = append(*wrapped, err)
				}
			}
			buf.WriteString(formatOne(d, verb, a[argNum], wrapped != nil))
			argNum++
		}
	}
	if !reordered && argNum < len(a) {
		buf.WriteString("%!(EXTRA ")
		for k, x := range a[argNum:] {
			if k > 0 {
				buf.WriteString(", ")
			}
			if x == nil {
				buf.WriteString("<nil>")
				continue
			}
			name := typeString(reflect.TypeOf(x))
			if t, ok := x.(typed); ok {
				name = t.name
			}
			buf.WriteString(name + "=" + formatOne(directive{}, 'v', x, false))
		}
		buf.WriteByte(')')
	}
	return buf.String()
}

// callsMethod reports whether fmt prints a value of the interpreter's
// method wrapper type t by one of its methods for this directive: Format
// for every verb, GoString for %#v, and Error or String for the verbs that
// print strings (and %w, whatever it holds).
func callsMethod(t reflect.Type, d directive, verb rune, errorf bool) bool {
	if !methodWrapper(t) {
		return false
	}
	switch {
	case t.Implements(formatterType):
		return true
	case verb == 'v' && d.sharp:
		return t.Implements(goStringer)
	case verb == 'w':
		return true
	}
	return strings.ContainsRune("vsqxX", verb) && (t.Implements(errorType) || t.Implements(stringerType))
}

// formatOne prints one operand for one directive.
func formatOne(d directive, verb rune, arg any, errorf bool) string {
	if x, ok := arg.(typed); ok {
		return formatTyped(d, verb, x, errorf)
	}
	if arg == nil {
		return fmt.Sprintf(d.mini(verb), arg)
	}
	t := reflect.TypeOf(arg)
	if methodWrapper(t) {
		if callsMethod(t, d, verb, errorf) {
			if verb == 'w' && errorf && t.Implements(errorType) {
				verb = 'v'
			}
			return fmt.Sprintf(d.mini(verb), arg)
		}
		// A verb that does not call the method prints the value itself.
		inner := reflect.ValueOf(arg).Field(0)
		if !inner.IsValid() || inner.IsNil() {
			return fmt.Sprintf(d.mini(verb), nil)
		}
		arg = inner.Elem().Interface()
		t = reflect.TypeOf(arg)
	}
	if verb == 'w' && errorf && t.Implements(errorType) {
		verb = 'v' // fmt.Errorf prints a %w operand as %v
	}
	if !needsNames(t) {
		return fmt.Sprintf(d.mini(verb), arg)
	}
	switch verb {
	case 'T':
		return fmt.Sprintf(d.mini('s'), typeString(t))
	case 'v':
		var b strings.Builder
		printValue(&b, d, reflect.ValueOf(arg), 0, false)
		return b.String()
	}
	return fmt.Sprintf(d.mini(verb), arg)
}

// printValue is fmt's printValue for verb v, for a value that holds an
// interpreted struct type: composite values are walked here, so that
// names come out as declared; everything else goes to fmt with the
// directive's flags, as fmt would print it at that depth. ro is set below
// an unexported field: Go cannot call methods there (a time.Duration prints
// as a number, an error as its pointer), while the interpreter's renamed
// fields would let it.
func printValue(b *strings.Builder, d directive, v reflect.Value, depth int, ro bool) {
	mini := d.mini('v')
	if !v.IsValid() {
		if depth == 0 {
			b.WriteString("<invalid reflect.Value>")
		} else {
			b.WriteString(fmt.Sprintf(mini, nil))
		}
		return
	}
	t := v.Type()
	if depth > 0 && !ro && v.CanInterface() && hasPrintMethod(t, d.sharp) {
		b.WriteString(fmt.Sprintf(mini, v.Interface()))
		return
	}
	if !needsNames(t) && t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		if ro {
			v = readOnly(v)
		}
		b.WriteString(fmt.Sprintf(mini, v))
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if d.sharp {
			b.WriteString(typeString(t))
		}
		b.WriteByte('{')
		info := lookupStruct(t)
		for k := 0; k < v.NumField(); k++ {
			if k > 0 {
				if d.sharp {
					b.WriteString(", ")
				} else {
					b.WriteByte(' ')
				}
			}
			if d.plus || d.sharp {
				b.WriteString(info.fields[k])
				b.WriteByte(':')
			}
			printValue(b, d, v.Field(k), depth+1, ro || !exported(info.fields[k]))
		}
		b.WriteByte('}')
	case reflect.Interface:
		if v.IsNil() {
			if d.sharp {
				b.WriteString(typeString(t) + "(nil)")
			} else {
				b.WriteString(fmt.Sprintf(mini, nil))
			}
			return
		}
		printValue(b, d, v.Elem(), depth+1, ro)
	case reflect.Array, reflect.Slice:
		if d.sharp {
			b.WriteString(typeString(t))
			if t.Kind() == reflect.Slice && v.IsNil() {
				b.WriteString("(nil)")
				return
			}
			b.WriteByte('{')
		} else {
			b.WriteByte('[')
		}
		for k := 0; k < v.Len(); k++ {
			if k > 0 {
				if d.sharp {
					b.WriteString(", ")
				} else {
					b.WriteByte(' ')
				}
			}
			printValue(b, d, v.Index(k), depth+1, ro)
		}
		if d.sharp {
			b.WriteByte('}')
		} else {
			b.WriteByte(']')
		}
	case reflect.Map:
		if d.sharp {
			b.WriteString(typeString(t))
			if v.IsNil() {
				b.WriteString("(nil)")
				return
			}
			b.WriteByte('{')
		} else {
			b.WriteString("map[")
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, compareKeys)
		for k, key := range keys {
			if k > 0 {
				if d.sharp {
					b.WriteString(", ")
				} else {
					b.WriteByte(' ')
				}
			}
			printValue(b, d, key, depth+1, ro)
			b.WriteByte(':')
			printValue(b, d, v.MapIndex(key), depth+1, ro)
		}
		if d.sharp {
			b.WriteByte('}')
		} else {
			b.WriteByte(']')
		}
	case reflect.Pointer:
		if depth == 0 && !v.IsNil() {
			switch v.Elem().Kind() {
			case reflect.Array, reflect.Slice, reflect.Struct, reflect.Map:
				b.WriteByte('&')
				printValue(b, d, v.Elem(), depth+1, ro)
				return
			}
		}
		printPointer(b, d, v)
	default:
		if ro {
			v = readOnly(v)
		}
		b.WriteString(fmt.Sprintf(mini, v))
	}
}

// readOnly returns v as fmt would see it through an unexported field:
// fmt calls no method of a value it cannot Interface.
func readOnly(v reflect.Value) reflect.Value {
	if !v.CanInterface() {
		return v
	}
	return reflect.ValueOf(roBox{v.Interface()}).Field(0).Elem()
}

type roBox struct{ v any }

func exported(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r)
}

// sprint is fmt.Sprint (ln: Sprintln) with sprintf's treatment of each
// operand: Sprint puts a space between operands when neither is a string,
// Sprintln between all of them, and a newline at the end.
func sprint(ln bool, a []any) string {
	a = unboxed(a)
	if !needsFix(a) {
		if ln {
			return fmt.Sprintln(a...)
		}
		return fmt.Sprint(a...)
	}
	var b strings.Builder
	isString := func(x any) bool { return x != nil && reflect.TypeOf(x).Kind() == reflect.String }
	for k, x := range a {
		if k > 0 && (ln || !isString(x) && !isString(a[k-1])) {
			b.WriteByte(' ')
		}
		b.WriteString(formatOne(directive{}, 'v', x, false))
	}
	if ln {
		b.WriteByte('\n')
	}
	return b.String()
}

// needsFix reports whether fmt's own printing of a would differ from Go's
// for the interpreter's values (see sprint).
func needsFix(a []any) bool {
	for _, x := range a {
		if x != nil && !basic(x) {
			if t := reflect.TypeOf(x); needsNames(t) || methodWrapper(t) {
				return true
			}
		}
	}
	return false
}

// fprint is Fprint (Fprintln if ln) as sprint prints: fmt's own, writing
// once from its buffer, where it prints as Go does.
func fprint(w io.Writer, ln bool, a []any) (int, error) {
	a = unboxed(a)
	if needsFix(a) {
		return io.WriteString(w, sprint(ln, a))
	}
	if ln {
		return fmt.Fprintln(w, a...)
	}
	return fmt.Fprint(w, a...)
}

// printPointer is fmt's fmtPointer for verb v.
func printPointer(b *strings.Builder, d directive, v reflect.Value) {
	if d.sharp {
		b.WriteString("(" + typeString(v.Type()) + ")(")
		if v.IsNil() {
			b.WriteString("nil")
		} else {
			b.WriteString("0x" + strconv.FormatUint(uint64(v.Pointer()), 16))
		}
		b.WriteByte(')')
		return
	}
	if v.IsNil() {
		b.WriteString(fmt.Sprintf(d.mini('v'), nil))
		return
	}
	plain := d
	plain.plus, plain.sharp = false, false
	b.WriteString(fmt.Sprintf(plain.mini('s'), "0x"+strconv.FormatUint(uint64(v.Pointer()), 16)))
}

var (
	formatterType = reflect.TypeFor[fmt.Formatter]()
	stringerType  = reflect.TypeFor[fmt.Stringer]()
	goStringer    = reflect.TypeFor[fmt.GoStringer]()
)

// hasPrintMethod reports whether fmt would print a value of type t through
// one of its methods, for verb v (with # when sharp).
func hasPrintMethod(t reflect.Type, sharp bool) bool {
	if t.Implements(formatterType) {
		return true
	}
	if sharp {
		return t.Implements(goStringer)
	}
	return t.Implements(errorType) || t.Implements(stringerType)
}

// compareKeys orders map keys as fmt prints them (internal/fmtsort).
func compareKeys(a, b reflect.Value) int {
	if a.Kind() != b.Kind() {
		return cmp.Compare(a.Kind(), b.Kind())
	}
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	case reflect.Float32, reflect.Float64:
		return compareFloats(a.Float(), b.Float())
	case reflect.Bool:
		switch {
		case a.Bool() == b.Bool():
			return 0
		case !a.Bool():
			return -1
		}
		return 1
	case reflect.Pointer, reflect.Chan, reflect.UnsafePointer:
		return cmp.Compare(a.Pointer(), b.Pointer())
	case reflect.Struct:
		for k := 0; k < a.NumField(); k++ {
			if c := compareKeys(a.Field(k), b.Field(k)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Array:
		for k := 0; k < a.Len(); k++ {
			if c := compareKeys(a.Index(k), b.Index(k)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return cmp.Compare(boolInt(!a.IsNil()), boolInt(!b.IsNil()))
		}
		if c := cmp.Compare(a.Elem().Type().String(), b.Elem().Type().String()); c != 0 {
			return c
		}
		return compareKeys(a.Elem(), b.Elem())
	}
	return 0
}

func compareFloats(a, b float64) int {
	switch {
	case math.IsNaN(a) && math.IsNaN(b):
		return 0
	case math.IsNaN(a):
		return -1
	case math.IsNaN(b):
		return 1
	}
	return cmp.Compare(a, b)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// The pieces of a format that fmt reads the same way everywhere: a
// decimal number (at most 1e6, as fmt accepts), an argument index [n], and
// an operand used as a width or precision.

const maxFormatNumber = 1e6

// parsenum reads the decimal number at s[start:end]: its value, whether
// there was one, and where it ends (end if it is too large).
func parsenum(s string, start, end int) (num int, isnum bool, newi int) {
	newi = start
	for ; newi < end && s[newi] >= '0' && s[newi] <= '9'; newi++ {
		if num > maxFormatNumber {
			return 0, false, end
		}
		num = 10*num + int(s[newi]-'0')
		isnum = true
	}
	if start >= end {
		newi = end
	}
	return num, isnum, newi
}

// parseArgNumber reads "[n]" at the start of format: the zero-based index,
// how many bytes it took, and whether it was well formed.
func parseArgNumber(format string) (index int, wid int, ok bool) {
	if len(format) < 3 {
		return 0, 1, false
	}
	closing := strings.IndexByte(format[1:], ']')
	if closing < 0 {
		return 0, 1, false
	}
	closing++
	n, isnum, stop := parsenum(format, 1, closing)
	if !isnum || stop != closing {
		return 0, closing + 1, false
	}
	return n - 1, closing + 1, true
}

// intFromArg takes a[argNum] as a width or precision: any integer that fits
// an int and is not too large.
func intFromArg(a []any, argNum int) (num int, isInt bool, newArgNum int) {
	if argNum >= len(a) {
		return 0, false, argNum
	}
	v := reflect.ValueOf(untyped(a[argNum]))
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n := v.Int(); int64(int(n)) == n {
			num, isInt = int(n), true
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if n := v.Uint(); n <= math.MaxInt64 && uint64(int(n)) == n {
			num, isInt = int(n), true
		}
	}
	if num > maxFormatNumber || num < -maxFormatNumber {
		num, isInt = 0, false
	}
	return num, isInt, argNum + 1
}

// A typed operand is a value of the program's own types handed to a
// function that takes a format, with the name go/types gives its static
// type (the rewrite wraps it: rewrite/fmtnames.go). The interpreter keeps
// a named type that is not a struct (type ID int) as its underlying type,
// and two struct types with the same fields as one, so only the static type
// can say main.ID for %T and %#v.
type typed struct {
	v    any // the value, or the interpreter's method wrapper of it
	name string
	raw  any // the value as its struct type without methods, or nil (TypedStruct)
}

// typedOperand is concur/builtin.Typed.
func typedOperand(v any, name string) any { return typed{v: v, name: name} }

// typedStruct is concur/builtin.TypedStruct: a value of the program's
// struct type with a String method, with the same value converted
// to the struct type without a name. The interpreter's method wrapper of
// the value, in v, holds one of its fields where the value should be
// (S{n: 1} as 1), so a verb that calls no method (%d, %#v) prints raw.
func typedStruct(v, raw any, name string) any { return typed{v: v, name: name, raw: raw} }

// untyped is the operand a typed one stands for.
func untyped(x any) any {
	if t, ok := x.(typed); ok {
		return t.v
	}
	return x
}

// formatTyped prints a typed operand: %T its name, %#v the Go syntax with
// the name in place of the interpreter's type, any other verb the value.
func formatTyped(d directive, verb rune, x typed, errorf bool) string {
	if verb == 'T' {
		return fmt.Sprintf(d.mini('s'), x.name)
	}
	if x.raw != nil && x.v != nil && !callsMethod(reflect.TypeOf(x.v), d, verb, errorf) {
		x.v = x.raw
		// A verb that does not apply (%p) names the operand's type:
		// the program's, not the copy's.
		if s := formatOne(d, verb, x.raw, errorf); strings.HasPrefix(s, "%!") {
			return strings.Replace(s, "("+reflect.TypeOf(x.raw).String()+"=", "("+x.name+"=", 1)
		}
	}
	s := formatOne(d, verb, x.v, errorf)
	if verb != 'v' || !d.sharp || x.v == nil {
		return s
	}
	inner := x.v
	if t := reflect.TypeOf(inner); methodWrapper(t) {
		if t.Implements(goStringer) || t.Implements(formatterType) {
			return s // its own GoString or Format
		}
		if f := reflect.ValueOf(inner).Field(0); f.IsValid() && !f.IsNil() {
			inner = f.Elem().Interface()
		}
	}
	u := typeString(reflect.TypeOf(inner))
	switch {
	case strings.HasPrefix(s, u):
		return x.name + s[len(u):]
	case strings.HasPrefix(s, "("+u+")"):
		return "(" + x.name + ")" + s[len(u)+2:]
	case strings.HasPrefix(x.name, "*") && strings.HasPrefix(u, "*") && strings.HasPrefix(s, "&"+u[1:]):
		return "&" + x.name[1:] + s[len(u):]
	}
	return s
}

// unboxed returns a with every operand that reaches fmt as the
// interpreter's own box for a value in an interface (yaegi v0.16.1's
// valueInterface: a value of a program type that has methods, handed to an
// interpreted function's parameter of type any and from there to fmt) replaced
// by the value in the box, which fmt would otherwise print as the box's
// fields ({0xc000123 {0x4f3a20 0xc0001 409}}). a itself is not changed.
func unboxed(a []any) []any {
	var out []any
	for i, x := range a {
		if basic(x) {
			continue
		}
		if y, boxed := unbox(x); boxed {
			if out == nil {
				out = slices.Clone(a)
			}
			out[i] = y
		}
	}
	if out == nil {
		return a
	}
	return out
}

// basic reports whether x is a value of one of Go's predeclared types,
// which fmt prints as Go does and no box holds: most operands of a print,
// told apart without reflection (a million prints spent 11% of their time
// asking reflect about strings and ints).
func basic(x any) bool {
	switch x.(type) {
	case string, int, int64, int32, int16, int8, uint, uint64, uint32, uint16, uint8, uintptr,
		float64, float32, bool, complex128, complex64:
		return true
	}
	return false
}

// unbox takes a value out of the interpreter's boxes, nested or not.
func unbox(x any) (any, bool) {
	boxed := false
	for x != nil {
		t := reflect.TypeOf(x)
		if t.Kind() != reflect.Struct || t.Name() != "valueInterface" || !strings.HasSuffix(t.PkgPath(), "yaegi/interp") {
			break
		}
		f, ok := t.FieldByName("value")
		if !ok || f.Type != reflect.TypeFor[reflect.Value]() {
			break
		}
		box := reflect.New(t).Elem()
		box.Set(reflect.ValueOf(x))
		inner := *(*reflect.Value)(unsafe.Pointer(box.FieldByIndex(f.Index).UnsafeAddr()))
		boxed = true
		if !inner.IsValid() {
			return nil, true
		}
		if !inner.CanInterface() {
			break
		}
		x = inner.Interface()
	}
	return x, boxed
}
