package rewrite

import (
	"go/ast"
	"go/types"
)

// sourcePackages are the standard packages whose generic functions concur
// gives the interpreter as source (stdlib/generic), which it compiles as
// it compiles the program's.
var sourcePackages = map[string]bool{"cmp": true, "errors": true, "iter": true, "maps": true, "slices": true}

// libraryGeneric reports whether a generic function the program declares
// is named like a generic function of a package that the interpreter
// compiles from source (slices.Contains, slices.Max, ...), imported by this
// input or not (a REPL session may import it before or after): yaegi
// v0.16.1 keeps the instances of generic functions by name and type
// arguments, not package, so with the same type arguments one is called
// for the other, silently. funcObject then gives the program's another
// name (Demangle gives it back in messages), and later inputs use it
// (useRenamed).
func (r *rewriter) libraryGeneric(name string) bool {
	if r.env == nil || r.env.types == nil {
		return false
	}
	for path := range sourcePackages {
		p, err := r.env.types.Importer().Import(path)
		if err != nil || p == nil {
			continue
		}
		if f, ok := p.Scope().Lookup(name).(*types.Func); ok && f.Signature().TypeParams().Len() > 0 {
			return true
		}
	}
	return false
}

// useRenamed gives a use of a generic function an earlier input declared
// under another name that name.
func (r *rewriter) useRenamed(id *ast.Ident) {
	to := r.env.renamed[id.Name]
	if to == "" {
		return
	}
	if f, ok := r.objectOf(id).(*types.Func); ok && r.isSessionPkg(f.Pkg()) && f.Parent() == f.Pkg().Scope() {
		r.setName(id, to)
	}
}
