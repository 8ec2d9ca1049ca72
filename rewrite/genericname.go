package rewrite

import (
	"go/ast"
	"go/token"
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

// libraryGenericVar makes each value of a top-level variable that calls a
// generic function of the packages the interpreter compiles from source
// (var v = cmp.Compare(1, 2)) the result of a function literal called at
// once: yaegi v0.16.1 gave such a variable its zero value, silently (0
// for -1, false for slices.Contains's true), and calls from inside a
// function right (measured).
//
//	var v = cmp.Compare(a, b)  →  var v = func() int { return cmp.Compare(a, b) }()
//
// It opens the literals before the values are walked; the function it
// returns closes them after. A type the literal's result cannot name is
// left as it was.
func (r *rewriter) libraryGenericVar(d *ast.GenDecl, s *ast.ValueSpec) (closeLits func()) {
	closeLits = func() {}
	if d.Tok != token.VAR || r.info == nil {
		return
	}
	var ends []int
	for _, v := range s.Values {
		if !r.callsLibraryGeneric(v) {
			continue
		}
		var results []string
		switch t := r.typeOf(v).(type) {
		case *types.Tuple: // var a, b = f(): one call, its results
			for i := range t.Len() {
				text, ok := r.typeSource(t.At(i).Type())
				if !ok {
					return
				}
				results = append(results, text)
			}
		case nil:
			return
		default:
			text, ok := r.typeSource(t)
			if !ok {
				return
			}
			results = append(results, text)
		}
		result := strings.Join(results, ", ")
		if len(results) > 1 {
			result = "(" + result + ")"
		}
		r.insert(r.off(v.Pos()), "func() "+result+" { return ")
		ends = append(ends, r.off(v.End()))
	}
	return func() {
		for _, at := range ends {
			r.insert(at, " }()")
		}
	}
}

// callsLibraryGeneric reports whether e, when evaluated, calls an instance
// of a generic function of sourcePackages (not inside a function literal,
// which runs later).
func (r *rewriter) callsLibraryGeneric(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			fun := ast.Unparen(n.Fun)
			switch x := fun.(type) {
			case *ast.IndexExpr: // slices.Max[[]int](s)
				fun = x.X
			case *ast.IndexListExpr:
				fun = x.X
			}
			if sel, ok := fun.(*ast.SelectorExpr); ok {
				fun = sel.Sel
			}
			if id, ok := fun.(*ast.Ident); ok {
				_, generic := r.info.Instances[id]
				if f, ok := r.info.Uses[id].(*types.Func); generic && ok && f.Pkg() != nil && sourcePackages[f.Pkg().Path()] {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
