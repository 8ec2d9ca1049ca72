package rewrite

import (
	"go/ast"
	"go/types"
	"strings"
)

// onceValueCall rewrites a call of sync.OnceValue or sync.OnceValues, which
// are generic and so cannot come from compiled code, into a function
// literal called at once that does what they do on concur's sync.OnceFunc
// (which keeps f's panic for every call, as they do), with the types
// go/types gives the call. sync.OnceValue[T](f) becomes
//
//	func(__concur_ofN func() T) func() T { var __concur_ovN T; __concur_ogN := sync.OnceFunc((func() { __concur_ovN = __concur_ofN() })); return func() T { __concur_ogN(); return __concur_ovN } }(f)
//
// It reports whether e was such a call.
func (r *rewriter) onceValueCall(e *ast.CallExpr) bool {
	name, pkg, ok := r.onceValueFunc(e.Fun)
	if !ok {
		return false
	}
	sig, ok := r.typeOf(e).(*types.Signature)
	if !ok || len(e.Args) != 1 {
		return false
	}
	var results []string
	for i := range sig.Results().Len() {
		t, ok := r.typeSource(sig.Results().At(i).Type())
		if !ok {
			r.errorf(e.Pos(), "sync.%s: concur cannot write its type %s in the interpreter's source here "+
				"(a type declared again since, or of a package this input does not import); "+
				"use sync.OnceFunc and keep the value in a variable", name, sig.Results().At(i).Type())
			return true
		}
		results = append(results, t)
	}
	id := itoa(r.nextID())
	f, g := reservedPrefix+"_of"+id, reservedPrefix+"_og"+id
	var vars []string
	var decl strings.Builder
	for i, t := range results {
		v := reservedPrefix + "_ov" + id + "_" + itoa(i)
		vars = append(vars, v)
		decl.WriteString("var " + v + " " + t + "; ")
	}
	res := strings.Join(results, ", ")
	if len(results) > 1 {
		res = "(" + res + ")"
	}
	onceFunc := "OnceFunc"
	if pkg != "" {
		onceFunc = pkg + ".OnceFunc"
	}
	vs := strings.Join(vars, ", ")
	text := "func(" + f + " func() " + res + ") func() " + res + " { " + decl.String() +
		g + " := " + onceFunc + "((func() { " + vs + " = " + f + "() })); " +
		"return func() " + res + " { " + g + "(); return " + vs + " } }("
	r.replace(r.off(e.Fun.Pos()), r.off(e.Lparen)+1, text)
	r.exprs(e.Args)
	return true
}

// onceValueFunc reports whether fun (with or without type arguments) is
// sync.OnceValue or sync.OnceValues, which it names, and the name of
// package sync in the source ("" when dot-imported).
func (r *rewriter) onceValueFunc(fun ast.Expr) (name, pkg string, ok bool) {
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	var id *ast.Ident
	switch f := fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		x, isIdent := f.X.(*ast.Ident)
		if !isIdent || r.pkgOf(x) != "sync" {
			return "", "", false
		}
		id, pkg = f.Sel, x.Name
	default:
		return "", "", false
	}
	obj, isFunc := r.objectOf(id).(*types.Func)
	if !isFunc || obj.Pkg() == nil || obj.Pkg().Path() != "sync" || obj.Name() != "OnceValue" && obj.Name() != "OnceValues" {
		return "", "", false
	}
	return obj.Name(), pkg, true
}

// refuseOnceValue refuses sync.OnceValue or OnceValues used otherwise than
// called (onceValueCall handles calls): concur has no function value for
// them. It reports whether it refused.
func (r *rewriter) refuseOnceValue(e ast.Expr) bool {
	name, _, ok := r.onceValueFunc(e)
	if !ok {
		return false
	}
	r.errorf(e.Pos(), "sync.%s is generic, and concur can only call it (sync.%s(f)), not take its value; "+
		"wrap it in a function literal", name, name)
	return true
}
