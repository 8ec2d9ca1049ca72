package rewrite

import (
	"go/ast"
	"go/types"
	"strings"
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

// pullTypeArgs gives a call of iter.Pull or iter.Pull2 its type arguments:
// yaegi v0.16.1 cannot infer a type parameter that appears only inside
// another type (Seq[V] is func(yield func(V) bool)), and fails with
// "undefined type for V"; with the arguments written out it compiles the
// instance. The call also goes inside a function literal called at once:
// at a snippet's top level (next, stop := iter.Pull(seq)) yaegi failed on
// the call itself with a nil pointer dereference, and in a literal it does
// not. A type yaegi's source cannot name is refused with the workaround.
func (r *rewriter) pullTypeArgs(fn *types.Func, e *ast.CallExpr, sel *ast.SelectorExpr) {
	if fn.Pkg() == nil || fn.Pkg().Path() != "iter" || fn.Name() != "Pull" && fn.Name() != "Pull2" || r.info == nil {
		return
	}
	inst, ok := r.info.Instances[sel.Sel]
	if !ok || inst.TypeArgs == nil || e.Ellipsis.IsValid() {
		return
	}
	var args []string
	for i := range inst.TypeArgs.Len() {
		t, ok := r.typeSource(inst.TypeArgs.At(i))
		if !ok {
			r.errorf(sel.Pos(), "iter.%s of values of type %s: concur cannot name that type for the interpreter; "+
				"declare the type at the top level", fn.Name(), Demangle(types.TypeString(inst.TypeArgs.At(i), (*types.Package).Name)))
			return
		}
		args = append(args, t)
	}
	list := strings.Join(args, ", ")
	r.insert(r.off(e.Pos()), "(func() (func() ("+list+", bool), func()) { return ")
	r.insert(r.off(sel.End()), "["+list+"]")
	r.insert(r.off(e.End()), " })()")
}
