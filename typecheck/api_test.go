package typecheck

import (
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"testing"

	"github.com/concur-dev/concur/stdlib"
	_ "github.com/concur-dev/concur/stdlib/unrestricted"
)

// TestTablesMatchGoAPI checks the interpreter's tables against the export
// data, in both modes: every function concur provides in place of Go's has
// Go's signature, and every type of concur's that stands in for Go's
// (sync.Mutex, WaitGroup, os.File, ...) has Go's methods with Go's
// signatures, apart from those the sandbox leaves out, which the importer
// then reports (see TestSandbox).
func TestTablesMatchGoAPI(t *testing.T) {
	for _, unrestricted := range []bool{false, true} {
		stdlib.Symbols(newHooks(), unrestricted)
		tables := stdlib.Tables() // under Go's keys ("fmt/fmt")
		fset := token.NewFileSet()
		im := NewImporter(fset, unrestricted, tables)
		checked, standIns := 0, 0
		for key, table := range tables {
			i := strings.LastIndexByte(key, '/')
			if i < 0 {
				continue
			}
			path := key[:i]
			if path == "" || path == "." || strings.HasPrefix(path, "github.com/") || strings.HasPrefix(path, "concur/") || path == "unsafe" {
				continue
			}
			pkg, err := im.load(path)
			if err != nil {
				t.Errorf("unrestricted=%v: %s has a table but no export data: %v", unrestricted, path, err)
				continue
			}
			for name, v := range table {
				obj := pkg.Scope().Lookup(name)
				if obj == nil || !v.IsValid() {
					continue // interface wrappers (_Name) and the like
				}
				switch obj := obj.(type) {
				case *types.Func:
					if !matches(obj.Type(), v.Type(), tables) {
						t.Errorf("unrestricted=%v: %s.%s is %v in concur, %v in Go", unrestricted, path, name, v.Type(), obj.Type())
					}
					checked++
				case *types.TypeName:
					if v.Kind() != reflect.Pointer || v.Type().Elem().PkgPath() == path {
						continue
					}
					ptr := v.Type()
					for _, m := range methods(obj) {
						rm, ok := ptr.MethodByName(m.Name())
						if !ok {
							if im.Missing(m) == "" {
								t.Errorf("unrestricted=%v: concur's %s.%s lacks %s and the importer does not say so", unrestricted, path, name, m.Name())
							}
							continue
						}
						// The reflect method type has the receiver first.
						if !matchesMethod(m.Type().(*types.Signature), rm.Type, tables) {
							t.Errorf("unrestricted=%v: concur's (*%s.%s).%s is %v, Go's %v", unrestricted, path, name, m.Name(), rm.Type, m.Type())
						}
						checked++
						standIns++
					}
				}
			}
		}
		if checked < 100 || standIns < 20 {
			t.Errorf("unrestricted=%v: compared only %d symbols, %d methods of concur's stand-in types", unrestricted, checked, standIns)
		}
		t.Logf("unrestricted=%v: %d symbols compared, %d of them methods of concur's types", unrestricted, checked, standIns)
	}
}

func matchesMethod(sig *types.Signature, rt reflect.Type, tables map[string]map[string]reflect.Value) bool {
	if rt.NumIn() != sig.Params().Len()+1 || rt.NumOut() != sig.Results().Len() || rt.IsVariadic() != sig.Variadic() {
		return false
	}
	for i := range sig.Params().Len() {
		if !matches(sig.Params().At(i).Type(), rt.In(i+1), tables) {
			return false
		}
	}
	for i := range sig.Results().Len() {
		if !matches(sig.Results().At(i).Type(), rt.Out(i), tables) {
			return false
		}
	}
	return true
}

var basicKinds = map[types.BasicKind]reflect.Kind{
	types.Bool: reflect.Bool, types.Int: reflect.Int, types.Int8: reflect.Int8, types.Int16: reflect.Int16,
	types.Int32: reflect.Int32, types.Int64: reflect.Int64, types.Uint: reflect.Uint, types.Uint8: reflect.Uint8,
	types.Uint16: reflect.Uint16, types.Uint32: reflect.Uint32, types.Uint64: reflect.Uint64, types.Uintptr: reflect.Uintptr,
	types.Float32: reflect.Float32, types.Float64: reflect.Float64, types.Complex64: reflect.Complex64,
	types.Complex128: reflect.Complex128, types.String: reflect.String, types.UnsafePointer: reflect.UnsafePointer,
}

// matches reports whether a Go type and a reflect type are the same type, or
// the reflect type is concur's stand-in for the Go one.
func matches(g types.Type, r reflect.Type, tables map[string]map[string]reflect.Value) bool {
	switch g := g.(type) {
	case *types.Alias:
		return matches(types.Unalias(g), r, tables)
	case *types.Basic:
		return basicKinds[g.Kind()] == r.Kind() && (r.PkgPath() == "" || g.Kind() == types.UnsafePointer)
	case *types.Named:
		obj := g.Obj()
		if obj.Pkg() == nil { // error
			return r == reflect.TypeFor[error]()
		}
		if r.PkgPath() == obj.Pkg().Path() && (r.Name() == obj.Name() ||
			g.TypeArgs().Len() > 0 && strings.HasPrefix(r.Name(), obj.Name()+"[")) {
			return matches(g.Underlying(), r, tables) || g.TypeArgs().Len() == 0
		}
		if table := tables[obj.Pkg().Path()+"/"+obj.Pkg().Name()]; table != nil {
			if v, ok := table[obj.Name()]; ok && v.Kind() == reflect.Pointer && v.Type().Elem() == r {
				return true // concur's stand-in
			}
		}
		return false
	case *types.Pointer:
		return r.Kind() == reflect.Pointer && matches(g.Elem(), r.Elem(), tables)
	case *types.Slice:
		return r.Kind() == reflect.Slice && matches(g.Elem(), r.Elem(), tables)
	case *types.Array:
		return r.Kind() == reflect.Array && int64(r.Len()) == g.Len() && matches(g.Elem(), r.Elem(), tables)
	case *types.Map:
		return r.Kind() == reflect.Map && matches(g.Key(), r.Key(), tables) && matches(g.Elem(), r.Elem(), tables)
	case *types.Chan:
		return r.Kind() == reflect.Chan && matches(g.Elem(), r.Elem(), tables)
	case *types.Signature:
		if r.Kind() != reflect.Func || r.NumIn() != g.Params().Len() || r.NumOut() != g.Results().Len() || r.IsVariadic() != g.Variadic() {
			return false
		}
		for i := range g.Params().Len() {
			if !matches(g.Params().At(i).Type(), r.In(i), tables) {
				return false
			}
		}
		for i := range g.Results().Len() {
			if !matches(g.Results().At(i).Type(), r.Out(i), tables) {
				return false
			}
		}
		return true
	case *types.Interface:
		return r.Kind() == reflect.Interface && r.NumMethod() == g.NumMethods()
	case *types.TypeParam:
		return false
	case *types.Struct:
		return r.Kind() == reflect.Struct && r.NumField() == g.NumFields()
	}
	return false
}

func TestUnrestrictedSession(t *testing.T) {
	fset := token.NewFileSet()
	s := NewSession(fset, NewImporter(fset, true, stdlib.Symbols(newHooks(), true)), stdlib.Names(true))
	ts := &testSession{t: t, s: s}
	ts.ok(`import "net/http"`)
	ts.ok(`_ = http.StatusOK`)
	ts.ok(`f, err := os.Open("x"); _, _ = f, err`)
	ts.ok(`h := sha256.New(); _ = h`)
}
