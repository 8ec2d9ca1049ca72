package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// deferMethod rewrites a deferred call of a method of the program's types,
// x.m(a, b), whose receiver yaegi v0.16.1 reads when the deferred call runs
// (t := T{1}; defer t.show(); t.n = 2 shows 2, and in a loop every call
// gets the last iteration's receiver), into a deferred function literal
// that takes the receiver and the arguments as parameters, which yaegi
// evaluates at the defer statement, as Go evaluates the method value and
// its arguments there. yaegi keeps a deferred call's arguments as the
// places they are read from, so each goes through a variable of a block of
// its own first (as deferStmt does for functions):
//
//	{ var __concur_dN_r T = x; var __concur_dN_0 P0 = a; defer func(__concur_dN_r T, __concur_dN_0 P0) { __concur_dN_r.m(__concur_dN_0) }(__concur_dN_r, __concur_dN_0) }
//
// The receiver is passed as Go's method value takes it: &x for a pointer
// method of an addressable value, *x for a value method through a pointer.
// A promoted method (x.Inner.m) or a type concur cannot write down is left
// as it was. It reports whether it rewrote the call.
func (r *rewriter) deferMethod(deferPos token.Pos, call *ast.CallExpr) bool {
	se, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || r.quiet > 0 {
		return false
	}
	sel := r.info.Selections[se]
	if sel == nil || sel.Kind() != types.MethodVal || len(sel.Index()) != 1 {
		return false
	}
	// The program's methods, and an interface's (which Run's wrapper
	// would otherwise read when the deferred call runs).
	if kind := r.callOf(call); kind != callInterpreted && !(kind == callDynamic && types.IsInterface(sel.Recv())) {
		return false
	}
	fn, ok := sel.Obj().(*types.Func)
	if !ok || !r.plainMethod(fn) {
		return false
	}
	sig := fn.Signature()
	_, ptrRecv := types.Unalias(sig.Recv().Type()).(*types.Pointer)
	recvT := r.typeOf(se.X)
	if recvT == nil {
		return false
	}
	_, ptrX := types.Unalias(recvT).Underlying().(*types.Pointer)
	prefix, paramT := "", recvT
	switch {
	case ptrRecv && !ptrX:
		prefix, paramT = "&", types.NewPointer(recvT)
	case !ptrRecv && ptrX:
		prefix, paramT = "*", recvT.Underlying().(*types.Pointer).Elem()
	}
	ts, ok := r.typeSource(paramT)
	if !ok {
		return false
	}
	tmp := reservedPrefix + "_d" + itoa(r.nextID())
	params, temps := []string{tmp + "_r " + ts}, []string{tmp + "_r"}
	var args []string
	n := sig.Params().Len()
	open := "{ var " + tmp + "_r " + ts + " = " + prefix
	for i := range call.Args {
		var t types.Type
		dots := ""
		switch {
		case sig.Variadic() && i >= n-1 && call.Ellipsis.IsValid():
			t, dots = sig.Params().At(n-1).Type(), "..."
		case sig.Variadic() && i >= n-1:
			t = sig.Params().At(n - 1).Type().(*types.Slice).Elem()
		default:
			t = sig.Params().At(i).Type()
		}
		pts, ok := r.typeSource(t)
		if !ok {
			return false
		}
		name := tmp + "_" + itoa(i)
		params = append(params, name+" "+pts)
		temps = append(temps, name)
		args = append(args, name+dots)
	}
	ctx := useCtx(0)
	if prefix == "&" {
		ctx = ctxCapture
	}
	r.replace(r.off(deferPos), r.off(se.X.Pos()), open)
	r.expr(se.X, ctx)
	end := r.off(se.X.End())
	for i, a := range call.Args {
		r.replace(end, r.off(a.Pos()), "; var "+temps[i+1]+" "+params[i+1][len(temps[i+1])+1:]+" = ")
		r.expr(a, 0)
		end = r.off(a.End())
	}
	body := tmp + "_r." + se.Sel.Name + "(" + strings.Join(args, ", ") + ")"
	if d := r.defersVar(); d != "" {
		// A panic of the method leaves the later deferred calls to run
		// (see deferStmt's Run).
		body = d + ".Run(recover(), (func() { " + body + " }))"
	}
	r.replace(end, r.off(call.Rparen)+1, "; defer func("+strings.Join(params, ", ")+") { "+
		body+" }("+strings.Join(temps, ", ")+") }")
	return true
}

// plainMethod reports whether fn is not a method this input declares
// whose body calls recover: one that does must stay the deferred function
// itself, as recover stops a panic only there (in Go, and in concur's Run,
// which counts the interpreter's frames). An interface's method, or one of
// an earlier input, whose body is not at hand, is taken as plain: a
// receiver read late would print the wrong thing silently, a recover that
// misses shows its panic.
func (r *rewriter) plainMethod(fn *types.Func) bool {
	for _, u := range r.units {
		if u.file == nil {
			continue
		}
		for _, d := range u.file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || r.info.Defs[fd.Name] != fn {
				continue
			}
			calls := false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if _, lit := n.(*ast.FuncLit); lit || calls {
					return false
				}
				if c, ok := n.(*ast.CallExpr); ok {
					if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok && id.Name == "recover" && r.isBuiltin(id) {
						calls = true
					}
				}
				return !calls
			})
			return !calls
		}
	}
	return true
}
