package stdlib

import (
	"maps"
	"reflect"
	"strings"
	"sync"

	"github.com/concur-dev/concur/internal/lazyregexp"
)

// yaegi v0.16.1 gives a named type of the program on a basic type (type
// celsius float64) the reflect type of its underlying type, so in an
// interface a celsius is a float64: x.(float64) takes it, x.(celsius)
// takes any float64, celsius(1) == any(1.0), and %T prints float64. A
// compiled named type does keep its identity inside the interpreter. So
// the rewrite declares such a type, when it has no methods, as an alias of
// one of a pool of compiled types on the same basic type (`type celsius =
// builtin.Named_float64_0`, rewrite/named.go), a different one for each
// type the session declares, and names it here, so that fmt and panics
// print main.celsius where the runtime would say stdlib.Named_float64_0.
// Library code sees what Go's would: a value of a named type of that kind,
// without methods.

// NamedSlot is the name, in package concur/builtin, of the pool type slot
// of kind k, and whether there is one (slot < namedSlots, a kind the pool
// has).
func NamedSlot(k reflect.Kind, slot int) (string, bool) {
	ts, ok := namedPool[k]
	if !ok || slot < 0 || slot >= namedSlots {
		return "", false
	}
	return ts[slot].Name(), true
}

// NameSlot records that the pool type slot of kind k stands for the
// program's type name ("main.celsius"). A session uses each slot once; a
// new session (a new interpreter) begins again at slot 0 and names them
// again, as NoteTypes names struct types for the interpreter that runs.
func NameSlot(k reflect.Kind, slot int, name string) {
	ts, ok := namedPool[k]
	if !ok || slot < 0 || slot >= namedSlots {
		return
	}
	namedNames.Lock()
	defer namedNames.Unlock()
	if namedNames.by == nil {
		namedNames.by = map[reflect.Type]string{}
	}
	namedNames.by[ts[slot]] = name
}

var namedNames struct {
	sync.Mutex
	by map[reflect.Type]string
}

// namedPkgPath is the package path of the pool types.
var namedPkgPath = reflect.TypeFor[Named_int_0]().PkgPath()

// isNamedSlot reports whether t is one of the pool types.
func isNamedSlot(t reflect.Type) bool {
	return t.PkgPath() == namedPkgPath && strings.HasPrefix(t.Name(), "Named_")
}

// namedName is the program's name for the pool type t: the one NameSlot
// gave it, or what the runtime calls it when it has none.
func namedName(t reflect.Type) string {
	namedNames.Lock()
	name, ok := namedNames.by[t]
	namedNames.Unlock()
	if !ok {
		return t.String()
	}
	return name
}

// namedSymbols adds the pool types to the table of package concur/builtin.
func namedSymbols(syms map[string]reflect.Value) {
	maps.Copy(syms, namedTable())
}

// namedTable is the pool types' symbols, made once.
var namedTable = sync.OnceValue(func() map[string]reflect.Value {
	syms := make(map[string]reflect.Value, len(namedPool)*namedSlots)
	for _, ts := range namedPool {
		for _, t := range ts {
			syms[t.Name()] = reflect.Zero(reflect.PointerTo(t))
		}
	}
	return syms
})

// poolTypeName matches the runtime's name of a pool type in a message.
var poolTypeName = lazyregexp.New(`\bstdlib\.Named_[a-z0-9]+_[0-9]+\b`)

// withProgramNames puts the program's names for pool types in a message of
// the interpreter's (interface conversion: interface {} is
// stdlib.Named_int_0, not int).
func withProgramNames(msg string) string {
	return poolTypeName.ReplaceAllStringFunc(msg, func(s string) string {
		for _, ts := range namedPool {
			for _, t := range ts {
				if t.String() == s {
					return namedName(t)
				}
			}
		}
		return s
	})
}
