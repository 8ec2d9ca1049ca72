package typecheck

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"sort"

	"golang.org/x/tools/go/gcexportdata"

	"github.com/concur-dev/concur/stdlib"
)

// Importer gives go/types the standard packages as concur's snippets see
// them. It reads the export data package stdlib embeds, one package when it
// is first imported, into one map shared by every package it reads, so a
// type has one identity however many packages mention it.
//
// The export data describes Go's own API. Where concur's tables (the
// interpreter's symbols, stdlib.Tables) leave a symbol out — the restricted
// os and runtime, generic functions the interpreter lacks — the symbol stays
// in the package, so that code using it still type-checks as Go would, and
// the use is reported afterwards with concur's reason (see missing). Where
// concur's own type stands in for Go's (sync.Mutex, WaitGroup, ...), the
// checker sees Go's API; a method concur's type lacks is reported the same
// way.
type Importer struct {
	fset         *token.FileSet
	unrestricted bool
	tables       map[string]map[string]reflect.Value
	pkgs         map[string]*types.Package // everything read so far, complete or not
	read         map[string]bool           // packages whose own export data was read
	missing      map[types.Object]string   // why a snippet may not use an object
}

// NewImporter returns an importer for the packages a snippet may import in
// the given mode. tables are the interpreter's tables (stdlib.Tables) that
// say which symbols exist; nil means Go's API as it is.
func NewImporter(fset *token.FileSet, unrestricted bool, tables map[string]map[string]reflect.Value) *Importer {
	return &Importer{
		fset:         fset,
		unrestricted: unrestricted,
		tables:       tables,
		pkgs:         map[string]*types.Package{},
		read:         map[string]bool{},
		missing:      map[types.Object]string{},
	}
}

// Import imports a package a snippet names in an import declaration: the
// error says why the sandbox refuses it, as stdlib.CheckImport does.
func (im *Importer) Import(path string) (*types.Package, error) {
	if err := stdlib.CheckImport(path, im.unrestricted); err != nil {
		return nil, err
	}
	return im.load(path)
}

// load reads path's export data, whatever the sandbox says of it (the API
// of an allowed package may mention types of others).
func (im *Importer) load(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if im.read[path] {
		return im.pkgs[path], nil
	}
	r, ok := stdlib.ExportData(path)
	if !ok {
		return nil, fmt.Errorf("import %q: concur has no type information for it", path)
	}
	pkg, err := gcexportdata.Read(r, im.fset, im.pkgs, path)
	if err != nil {
		return nil, fmt.Errorf("import %q: reading its type information: %w", path, err)
	}
	im.read[path] = true
	im.markMissing(pkg)
	return pkg, nil
}

// Missing returns why a snippet may not use obj, or "" when it may.
func (im *Importer) Missing(obj types.Object) string {
	if obj == nil {
		return ""
	}
	if f, ok := obj.(*types.Func); ok {
		obj = f.Origin()
	}
	return im.missing[obj]
}

// markMissing records the objects of pkg that the interpreter's table of
// pkg does not have, and the methods of concur's stand-in types that they
// lack.
func (im *Importer) markMissing(pkg *types.Package) {
	if im.tables == nil {
		return
	}
	table, ok := im.tables[pkg.Path()+"/"+pkg.Name()]
	if names := stdlib.SourceNames(pkg.Path()); names != nil {
		// Compiled from concur's source: what that source declares.
		table, ok = map[string]reflect.Value{}, true
		for _, name := range names {
			table[name] = reflect.Value{}
		}
	}
	if !ok || len(table) == 0 {
		// No table (iter: types only) or an empty one (cmp, maps, slices:
		// the interpreter compiles their source): nothing to compare.
		return
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		v, ok := table[name]
		if !ok {
			im.missing[obj] = im.leftOut(pkg, obj)
			continue
		}
		tn, ok := obj.(*types.TypeName)
		if !ok || !v.IsValid() || v.Kind() != reflect.Pointer || v.Type().Elem().PkgPath() == pkg.Path() {
			continue
		}
		// concur's own type in place of Go's: the methods it lacks.
		ptr := v.Type()
		for _, m := range methods(tn) {
			if _, ok := ptr.MethodByName(m.Name()); !ok {
				im.missing[m] = fmt.Sprintf("concur's %s.%s has no method %s", pkg.Name(), tn.Name(), m.Name())
				if !im.unrestricted && sandboxed[pkg.Path()] {
					im.missing[m] = fmt.Sprintf("(*%s.%s).%s is left out of concur's sandbox; run with --unrestricted to allow it",
						pkg.Name(), tn.Name(), m.Name())
				}
			}
		}
	}
}

// sandboxed are the packages restricted mode cuts down rather than leaves out.
var sandboxed = map[string]bool{"os": true, "runtime": true}

// leftOut says why the table of pkg has no obj.
func (im *Importer) leftOut(pkg *types.Package, obj types.Object) string {
	name := pkg.Name() + "." + obj.Name()
	if generic(obj) {
		return name + " is not available in concur's interpreter, which has no generic " + kindOf(obj) + "s of package " + pkg.Path()
	}
	if !im.unrestricted && sandboxed[pkg.Path()] {
		return name + " is left out of concur's sandbox; run with --unrestricted to allow it"
	}
	return name + " is not available in concur's interpreter"
}

func generic(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Signature().TypeParams().Len() > 0
	case *types.TypeName:
		if n, ok := obj.Type().(*types.Named); ok {
			return n.TypeParams().Len() > 0
		}
		if a, ok := obj.Type().(*types.Alias); ok {
			return a.TypeParams().Len() > 0
		}
	}
	return false
}

func kindOf(obj types.Object) string {
	if _, ok := obj.(*types.TypeName); ok {
		return "type"
	}
	return "function"
}

// methods returns the exported methods declared on a named type, by name.
func methods(tn *types.TypeName) []*types.Func {
	n, ok := types.Unalias(tn.Type()).(*types.Named)
	if !ok || types.IsInterface(n) {
		return nil // an interface type is Go's own in every table
	}
	var ms []*types.Func
	for i := range n.NumMethods() {
		if m := n.Method(i); m.Exported() {
			ms = append(ms, m)
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Name() < ms[j].Name() })
	return ms
}
