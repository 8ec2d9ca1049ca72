package stdlib

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/traefik/yaegi/interp"
)

// yaegi gives the values of interpreted types reflect types of their own
// making: a struct type is an unnamed reflect.StructOf with each unexported
// field renamed by an X in front (point{x, y} is struct { Xx int; Xy int }),
// and a named type of another kind is its underlying type. So fmt prints
// %T and %#v of a point as struct { Xx int; Xy int } and %+v as {Xx:1 Xy:2}.
//
// NoteTypes keeps, after each input compiles, what the interpreter knows of
// the struct types the program declared: their names and their fields'
// real names, read (without changing anything) from yaegi v0.16.1's own
// records, which no API exposes; TestNoteTypes fails if a yaegi release
// changes them. Printf and friends (fmt.go) then print those types as Go
// does. A named type on a basic type without methods (type celsius
// float64) is a compiled pool type for the interpreter, which named.go
// names. Another named type that is not a struct (type IDs []int, one with
// methods) cannot be told apart from its underlying type, nor two struct
// types with the same fields from each other, so those still print as the
// interpreter sees them (the rewrite refuses %T and %#v where that shows:
// rewrite/fmtnames.go).

// A structInfo is what concur knows of an interpreted struct type.
type structInfo struct {
	name     string   // "main.point", or "" when no single declared type has this reflect type
	fields   []string // the fields' names as declared
	embedded []bool   // which fields are embedded
}

// typeNames holds the session's structInfo by reflect type.
var typeNames struct {
	mu    sync.Mutex
	types map[reflect.Type]structInfo
}

// NoteTypes records the struct types declared so far in package main of i,
// for fmt. The engine calls it after each input compiles, before it runs.
func NoteTypes(i *interp.Interpreter) {
	defer func() {
		// The records are yaegi's private business: if they are not what
		// this code expects, fmt prints as the interpreter sees types.
		recover()
	}()
	found := map[reflect.Type][]structInfo{}
	scopes := reflect.ValueOf(i).Elem().FieldByName("scopes")
	if s := scopes.MapIndex(reflect.ValueOf("main")); s.IsValid() {
		walkScope(s, found, 0)
	}
	types := map[reflect.Type]structInfo{}
	for t, infos := range found {
		info := infos[0]
		for _, other := range infos[1:] {
			if other.name != info.name {
				info.name = "" // two types with the same fields: which one is unknown
			}
		}
		types[t] = info
	}
	typeNames.mu.Lock()
	typeNames.types = types
	typeNames.mu.Unlock()
}

// yaegi v0.16.1's kinds of symbol and of type that NoteTypes looks for
// (interp/scope.go, interp/type.go).
const (
	yaegiTypeSym = 7  // typeSym
	yaegiStructT = 30 // structT
)

// walkScope collects the struct types declared in a yaegi scope (a
// *interp.scope) and in the scopes inside it.
func walkScope(s reflect.Value, found map[reflect.Type][]structInfo, depth int) {
	if s.IsNil() || depth > 64 {
		return
	}
	sc := s.Elem()
	for it := sc.FieldByName("sym").MapRange(); it.Next(); {
		sym := it.Value()
		if sym.IsNil() || sym.Elem().FieldByName("kind").Uint() != yaegiTypeSym {
			continue
		}
		typ := sym.Elem().FieldByName("typ")
		if typ.IsNil() || typ.Elem().FieldByName("cat").Uint() != yaegiStructT || typ.Elem().FieldByName("name").String() == "" {
			continue
		}
		rt, ok := reflectType(typ)
		if !ok || rt.Kind() != reflect.Struct {
			continue
		}
		info := structInfo{name: "main." + instanceName(typ.Elem().FieldByName("name").String())}
		fields := typ.Elem().FieldByName("field")
		for k := 0; k < fields.Len(); k++ {
			info.fields = append(info.fields, fields.Index(k).FieldByName("name").String())
			info.embedded = append(info.embedded, fields.Index(k).FieldByName("embed").Bool())
		}
		if len(info.fields) != rt.NumField() {
			continue
		}
		found[rt] = append(found[rt], info)
	}
	children := sc.FieldByName("child")
	for k := 0; k < children.Len(); k++ {
		walkScope(children.Index(k), found, depth+1)
	}
}

// copyPrefix starts the name of a copy of a generic type that package
// rewrite gives the interpreter for one instance (rewrite/mono.go), then
// the number of the generic's declaration when it is not the first, _, and
// Go's name of the instance, letters and digits as they are and every other
// byte as _ and two hex digits (Set[string]: __concur_T_Set_5bstring_5d).
const copyPrefix = "__concur_T"

// instanceName gives the copy of a generic type Go's name of its instance.
func instanceName(name string) string {
	rest, ok := strings.CutPrefix(name, copyPrefix)
	if !ok {
		return name
	}
	rest = strings.TrimLeft(rest, "0123456789")
	if rest, ok = strings.CutPrefix(rest, "_"); !ok {
		return name
	}
	var b []byte
	for i := 0; i < len(rest); i++ {
		if rest[i] == '_' && i+2 < len(rest) {
			if v, err := strconv.ParseUint(rest[i+1:i+3], 16, 8); err == nil {
				b = append(b, byte(v))
				i += 2
				continue
			}
		}
		b = append(b, rest[i])
	}
	return string(b)
}

// reflectType returns the reflect type of a yaegi *itype (its TypeOf).
func reflectType(typ reflect.Value) (reflect.Type, bool) {
	// typ was read from an unexported field, so reflect will not call its
	// methods; a copy of the pointer made through unsafe has no such mark.
	p := reflect.NewAt(typ.Type(), unsafe.Pointer(typ.UnsafeAddr())).Elem()
	out := p.MethodByName("TypeOf").Call(nil)
	t, ok := out[0].Interface().(reflect.Type)
	return t, ok && t != nil
}

// interpretedStruct reports whether t looks like the reflect type of an
// interpreted struct: unnamed, as yaegi makes them.
func interpretedStruct(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.Name() == ""
}

// lookupStruct returns what is known of an interpreted struct type; for one
// NoteTypes did not see (a struct type literal), the fields' names undo
// yaegi's renaming: an X followed by a lower-case letter or _ was added.
func lookupStruct(t reflect.Type) structInfo {
	typeNames.mu.Lock()
	info, ok := typeNames.types[t]
	typeNames.mu.Unlock()
	if ok {
		return info
	}
	info = structInfo{}
	for k := 0; k < t.NumField(); k++ {
		info.fields = append(info.fields, unrenamed(t.Field(k).Name))
		info.embedded = append(info.embedded, t.Field(k).Anonymous)
	}
	return info
}

func unrenamed(name string) string {
	if rest, ok := strings.CutPrefix(name, "X"); ok && rest != "" {
		if r, _ := utf8.DecodeRuneInString(rest); r == '_' || unicode.IsLower(r) {
			return rest
		}
	}
	return name
}

// needsNames reports whether fmt would print t differently from Go: t is or
// holds an interpreted struct type or a pool type (named.go).
func needsNames(t reflect.Type) bool {
	return needsNamesDepth(t, 0)
}

func needsNamesDepth(t reflect.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	switch t.Kind() {
	case reflect.Struct:
		if interpretedStruct(t) {
			return true
		}
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
		return needsNamesDepth(t.Elem(), depth+1)
	case reflect.Map:
		return needsNamesDepth(t.Key(), depth+1) || needsNamesDepth(t.Elem(), depth+1)
	case reflect.Func:
		for k := range t.NumIn() {
			if needsNamesDepth(t.In(k), depth+1) {
				return true
			}
		}
		for k := range t.NumOut() {
			if needsNamesDepth(t.Out(k), depth+1) {
				return true
			}
		}
	default:
		return isNamedSlot(t)
	}
	return false
}

// typeString is t.String() with interpreted struct types under their
// declared names and fields.
func typeString(t reflect.Type) string {
	if !needsNames(t) {
		return t.String()
	}
	if isNamedSlot(t) {
		return namedName(t)
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + typeString(t.Elem())
	case reflect.Slice:
		return "[]" + typeString(t.Elem())
	case reflect.Array:
		return "[" + itoa(t.Len()) + "]" + typeString(t.Elem())
	case reflect.Map:
		return "map[" + typeString(t.Key()) + "]" + typeString(t.Elem())
	case reflect.Chan:
		elem := typeString(t.Elem())
		switch t.ChanDir() {
		case reflect.RecvDir:
			return "<-chan " + elem
		case reflect.SendDir:
			return "chan<- " + elem
		}
		if t.Elem().Kind() == reflect.Chan && t.Elem().ChanDir() == reflect.RecvDir {
			elem = "(" + elem + ")"
		}
		return "chan " + elem
	case reflect.Func:
		if t.Name() != "" {
			return t.String()
		}
		var b strings.Builder
		b.WriteString("func(")
		for k := range t.NumIn() {
			if k > 0 {
				b.WriteString(", ")
			}
			if t.IsVariadic() && k == t.NumIn()-1 {
				b.WriteString("..." + typeString(t.In(k).Elem()))
			} else {
				b.WriteString(typeString(t.In(k)))
			}
		}
		b.WriteByte(')')
		switch t.NumOut() {
		case 0:
		case 1:
			b.WriteString(" " + typeString(t.Out(0)))
		default:
			b.WriteString(" (")
			for k := range t.NumOut() {
				if k > 0 {
					b.WriteString(", ")
				}
				b.WriteString(typeString(t.Out(k)))
			}
			b.WriteByte(')')
		}
		return b.String()
	case reflect.Struct:
		info := lookupStruct(t)
		if info.name != "" {
			return info.name
		}
		if t.NumField() == 0 {
			return "struct {}"
		}
		var b strings.Builder
		b.WriteString("struct { ")
		for k := 0; k < t.NumField(); k++ {
			if k > 0 {
				b.WriteString("; ")
			}
			f := t.Field(k)
			if !f.Anonymous {
				b.WriteString(info.fields[k] + " ")
			}
			b.WriteString(typeString(f.Type))
			if f.Tag != "" {
				b.WriteString(" " + strconv.Quote(string(f.Tag)))
			}
		}
		b.WriteString(" }")
		return b.String()
	}
	return t.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}
