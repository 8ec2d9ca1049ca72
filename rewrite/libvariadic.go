package rewrite

import (
	"go/ast"
	"go/types"
)

// libraryVariadic rewrites a call of a library generic whose only
// parameter is variadic (cmp.Or, slices.Concat) with no arguments or with
// a spread list: concur's versions of them (stdlib/generic) take the first
// argument apart, as the interpreter infers the type parameter from a
// variadic parameter alone only with explicit type arguments. A call
// without arguments becomes the zero value of its type,
//
//	func() (z R) { return }()
//
// and f(xs...) a call of a function literal that hands on the first
// element and the rest:
//
//	func(__concur_vN []R) R { if len(__concur_vN) == 0 { var z R; return z }; return (R)(f(__concur_vN[0], __concur_vN[1:]...)) }(xs)
//
// R being the call's type. It reports whether it rewrote the call.
func (r *rewriter) libraryVariadic(e *ast.CallExpr) bool {
	fun := e.Fun
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok || r.quiet > 0 {
		return false
	}
	fn, ok := r.objectOf(sel.Sel).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "cmp.Or", "slices.Concat":
	default:
		return false
	}
	if len(e.Args) > 0 && !e.Ellipsis.IsValid() {
		return false
	}
	res, ok := r.typeSource(r.typeOf(e))
	if !ok {
		return false
	}
	if len(e.Args) == 0 {
		r.replace(r.off(e.Pos()), r.off(e.End()), "func() (z "+res+") { return }()")
		return true
	}
	v := reservedPrefix + "_v" + itoa(r.nextID())
	call := r.src[r.off(sel.Pos()):r.off(sel.End())]
	r.replace(r.off(e.Pos()), r.off(e.Args[0].Pos()), "func("+v+" []"+res+") "+res+" { if len("+v+") == 0 { var z "+res+"; return z }; return ("+
		res+")("+call+"("+v+"[0], "+v+"[1:]...)) }(")
	r.expr(e.Args[0], 0)
	r.replace(r.off(e.Args[0].End()), r.off(e.End()), ")")
	return true
}
