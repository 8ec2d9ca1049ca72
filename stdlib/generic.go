package stdlib

import (
	"embed"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/traefik/yaegi/interp"
)

// The generic packages cmp, iter, maps and slices (and errors, for Go
// 1.26's errors.AsType) cannot be imported from
// compiled code: the interpreter must compile their source. yaegi ships the
// standard library's own source for cmp, maps and slices, which it fails
// to compile or instantiate in most uses (it cannot infer S from S ~[]E:
// slices.Equal fails with "undefined type for E" at a position in yaegi's
// copy, printed under the learner's file name), and leaves out sorting and
// iterators. (Symbols keeps yaegi from loading it: see instrumentFmt.)
//
// concur compiles its own versions instead (generic/*.go, excluded from Go
// builds; TestGenericLikeGo runs every function against go run): the same
// API, in the subset of generics the interpreter handles, measured on
// yaegi v0.16.1:
//   - []E and map[K]V in place of ~[]E and ~map[K]V (so slices.Clone of a
//     named slice type returns the unnamed one);
//   - no generic function calls another, and none declares a variable of a
//     type parameter inside a closure (the interpreter failed on both in
//     drafts of these files);
//   - a type parameter is inferred from a variadic parameter alone only
//     with explicit type arguments, so cmp.Or and slices.Concat take their
//     first argument apart;
//   - the interpreter keeps instances of generic functions by name and
//     type arguments, not package, so slices.Compare has two type
//     parameters to stay apart from cmp.Compare;
//   - where inference fails anyway (maps.EqualFunc), the function is not
//     generic and runs in compiled code by reflection.
//
// Sorting runs in compiled code (package "concur/generic"): slices.Sort on
// the common element types calls Go's slices.Sort, and SortFunc calls
// sort.Slice, the same pattern-defeating quicksort as slices.SortFunc, so
// equal elements end up where Go puts them (TestSortLikeGo).
// BenchmarkGenericSort, 100 000 ints: slices.Sort as fast as sort.Ints
// (55 ms with filling the slice), SortFunc 2.5 s, one interpreted
// comparison per call.
//
// Each is compiled into an interpreter when a program first imports it
// (LoadGeneric): all five took 4 to 5 ms, half of hello world's time to
// its output. Each file gets a line directive naming it concur/NAME.go, so
// an error inside one says so instead of passing for the learner's file.
//
//go:embed generic/cmp.go generic/errors.go generic/iter.go generic/maps.go generic/slices.go
var genericSources embed.FS

// generic is package "concur/generic": the compiled help concur's generic
// sources call.
func generic() map[string]reflect.Value {
	return map[string]reflect.Value{
		"SortOrdered":   reflect.ValueOf(sortOrdered),
		"MapsEqualFunc": reflect.ValueOf(mapsEqualFunc),
		"SortFunc":      reflect.ValueOf(sortFunc),
		"Pull":          reflect.ValueOf(pullSeq),
		// Go's errors, for concur's errors (generic/errors.go).
		"ErrUnsupported": reflect.ValueOf(&errors.ErrUnsupported).Elem(),
		"New":            reflect.ValueOf(errors.New),
		"Is":             reflect.ValueOf(errors.Is),
		"As":             reflect.ValueOf(errorsAs),
		"Unwrap":         reflect.ValueOf(errors.Unwrap),
		"Join":           reflect.ValueOf(errors.Join),
	}
}

// GenericPackages are the import paths of concur's own generic packages.
var GenericPackages = []string{"cmp", "errors", "iter", "maps", "slices"}

// LoadGeneric compiles concur's own version of the generic package path
// (one of GenericPackages) into i: call it once, before the code that
// imports it is compiled. It replaces what yaegi loaded under the name.
func LoadGeneric(i *interp.Interpreter, path string) error {
	src, err := genericSources.ReadFile("generic/" + path + ".go")
	if err != nil {
		return err
	}
	// The directive names the next line 1 (column 1, so that columns are
	// known), so lines keep their numbers.
	text := "//line concur/" + path + ".go:1:1\n" + string(src)
	// Executing sets up the package's non-generic functions (without it a
	// call of one returns zero values).
	p, err := i.Compile(text)
	if err == nil {
		_, err = i.Execute(p)
	}
	if err != nil {
		return fmt.Errorf("concur's generic %s: %w", path, err)
	}
	return nil
}

// sortOrdered is slices.Sort for the slice x of an ordered type: the
// interpreter represents a slice of a named type (type celsius float64) by
// its underlying type, so the common ones go straight to slices.Sort; any
// other goes through reflection, with cmp.Less's order (NaNs first).
func sortOrdered(x any) {
	switch s := x.(type) {
	case []int:
		slices.Sort(s)
	case []string:
		slices.Sort(s)
	case []float64:
		slices.Sort(s)
	case []int64:
		slices.Sort(s)
	case []int32:
		slices.Sort(s)
	case []int16:
		slices.Sort(s)
	case []int8:
		slices.Sort(s)
	case []uint:
		slices.Sort(s)
	case []uint64:
		slices.Sort(s)
	case []uint32:
		slices.Sort(s)
	case []uint16:
		slices.Sort(s)
	case []uint8:
		slices.Sort(s)
	case []uintptr:
		slices.Sort(s)
	case []float32:
		slices.Sort(s)
	default:
		v := reflect.ValueOf(x)
		if v.Kind() != reflect.Slice {
			panic(fmt.Sprintf("slices.Sort: %T is not a slice", x))
		}
		sort.Slice(x, orderedLess(v))
	}
}

// orderedLess is cmp.Less on the elements of the slice v.
func orderedLess(v reflect.Value) func(i, j int) bool {
	switch v.Type().Elem().Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(i, j int) bool { return v.Index(i).Int() < v.Index(j).Int() }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(i, j int) bool { return v.Index(i).Uint() < v.Index(j).Uint() }
	case reflect.Float32, reflect.Float64:
		return func(i, j int) bool {
			a, b := v.Index(i).Float(), v.Index(j).Float()
			return (math.IsNaN(a) && !math.IsNaN(b)) || a < b
		}
	case reflect.String:
		return func(i, j int) bool { return strings.Compare(v.Index(i).String(), v.Index(j).String()) < 0 }
	}
	panic(fmt.Sprintf("slices.Sort: %s is not an ordered type", v.Type().Elem()))
}

// mapsEqualFunc is maps.EqualFunc on reflection: m1 and m2 are maps with
// the same key type and eq is a func(V1, V2) bool.
func mapsEqualFunc(m1, m2, eq any) bool {
	a, b, f := reflect.ValueOf(m1), reflect.ValueOf(m2), reflect.ValueOf(eq)
	if a.Kind() != reflect.Map || b.Kind() != reflect.Map || f.Kind() != reflect.Func || a.Type().Key() != b.Type().Key() {
		panic(fmt.Sprintf("maps.EqualFunc: cannot compare %T and %T with %T", m1, m2, eq))
	}
	if a.Len() != b.Len() {
		return false
	}
	for it := a.MapRange(); it.Next(); {
		v2 := b.MapIndex(it.Key())
		if !v2.IsValid() || !f.Call([]reflect.Value{it.Value(), v2})[0].Bool() {
			return false
		}
	}
	return true
}

// sortFunc is slices.SortFunc (stable: SortStableFunc) with the comparison
// called from here, which halves the calls into the interpreter.
func sortFunc(x, cmp any, stable bool) {
	xv, f := reflect.ValueOf(x), reflect.ValueOf(cmp)
	args := make([]reflect.Value, 2)
	less := func(i, j int) bool {
		args[0], args[1] = xv.Index(i), xv.Index(j)
		return f.Call(args)[0].Int() < 0
	}
	if stable {
		sort.SliceStable(x, less)
	} else {
		sort.Slice(x, less)
	}
}

// errorsAs is errors.As, refusing clearly what the interpreter cannot do:
// a type the program declares has no methods in its reflect type (yaegi
// keeps them apart), so Go's errors.As would say "*target must be
// interface or implement error" of a type that does implement it. Such a
// type is unnamed to reflection, which Go's own types are not (a pointer
// to one implements error).
func errorsAs(err error, target any) bool {
	if t := reflect.TypeOf(target); t != nil && t.Kind() == reflect.Pointer {
		if e := t.Elem(); e.Kind() != reflect.Interface && !e.Implements(errorType) && e.Name() == "" {
			panic(errors.New("errors.As, errors.AsType: concur cannot match errors of a type the program declares " +
				"(its interpreter keeps their methods out of sight of library code); " +
				"use a type switch on it (case *YourType:) or compare its Error text"))
		}
	}
	return errors.As(err, target)
}

var errorType = reflect.TypeFor[error]()

// sourceNames gives, for each of concur's generic packages, the exported
// names its source declares (see SourceNames), each parsed when first
// asked for: every import a snippet type-checks asks, and parsing all five
// was a third of hello world's type check.
var sourceNames = func() map[string]func() []string {
	out := map[string]func() []string{}
	for _, name := range GenericPackages {
		out[name] = sync.OnceValue(func() []string { return declaredNames(name) })
	}
	return out
}()

// declaredNames parses concur's generic package name and lists the
// exported names it declares.
func declaredNames(name string) []string {
	fset := token.NewFileSet()
	src, err := genericSources.ReadFile("generic/" + name + ".go")
	if err != nil {
		panic(err)
	}
	f, err := parser.ParseFile(fset, name+".go", src, parser.SkipObjectResolution)
	if err != nil {
		panic(fmt.Sprintf("concur's generic %s: %v", name, err))
	}
	var names []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.IsExported() {
				names = append(names, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				switch sp := sp.(type) {
				case *ast.TypeSpec:
					if sp.Name.IsExported() {
						names = append(names, sp.Name.Name)
					}
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						if n.IsExported() {
							names = append(names, n.Name)
						}
					}
				}
			}
		}
	}
	return names
}

// SourceNames lists what a package the interpreter compiles from concur's
// source (not a table) provides: the exported names of cmp, errors, iter,
// maps and slices; nil for any other package. Package typecheck reports a
// use of the rest as something concur cannot run.
func SourceNames(path string) []string {
	if names, ok := sourceNames[path]; ok {
		return names()
	}
	return nil
}
