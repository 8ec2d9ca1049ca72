package rewrite

import (
	"go/ast"
	"go/types"
)

// genericStructLit rewrites a composite literal of an instance of a
// generic struct type (Pair[string, int]{"k", 1}), which yaegi v0.16.1
// compiles into one node per instance: with two such literals in a program,
// finishing the second goes on after the first (measured: the statements
// between them are skipped, or the program loops until its stack
// overflows). The literal becomes a function literal, called at once, that
// sets the fields of its result one by one:
//
//	func() (__concur_lN Pair[string, int]) { __concur_lN.Key = "k"; __concur_lN.Val = 1; return }()
//
// With addr (the operand of &), the function returns the variable's
// address instead. Elements keep their places in the text. It reports
// whether it rewrote lit; it leaves alone a literal whose type has type
// parameters (inside a generic function) or that yaegi's source cannot
// name.
func (r *rewriter) genericStructLit(lit *ast.CompositeLit, addr *ast.UnaryExpr) bool {
	t := r.typeOf(lit)
	if p, ok := t.(*types.Pointer); ok && addr == nil && lit.Type == nil {
		t = p.Elem() // an element of a []*T literal, its & elided
		addr = &ast.UnaryExpr{}
	}
	named, ok := t.(*types.Named)
	if !ok || named.TypeArgs().Len() == 0 || r.quiet > 0 {
		return false
	}
	if _, ok := r.monoType(named, r.off(lit.Pos())); ok && r.isSessionPkg(named.Obj().Pkg()) {
		return false // a copy of the generic type: an ordinary struct literal (mono.go)
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range named.TypeArgs().Len() {
		if hasTypeParam(named.TypeArgs().At(i)) {
			return false
		}
	}
	text, ok := r.typeSource(named)
	if !ok {
		return false
	}
	v := reservedPrefix + "_l" + itoa(r.nextID())
	head, tail := "func() ("+v+" "+text+") { ", "return }()"
	if addr != nil {
		head, tail = "func() *"+text+" { var "+v+" "+text+"; ", "return &"+v+" }()"
	}
	start := r.off(lit.Pos())
	if addr != nil && addr.OpPos.IsValid() {
		start = r.off(addr.OpPos)
	}
	if len(lit.Elts) == 0 {
		r.replace(start, r.off(lit.End()), head+tail)
		return true
	}
	prev := start
	for i, el := range lit.Elts {
		field, value := "", el
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			field, value = kv.Key.(*ast.Ident).Name, kv.Value
		} else {
			field = st.Field(i).Name()
		}
		assign := v + "." + field + " = "
		if i == 0 {
			assign = head + assign
		} else {
			assign = "; " + assign
		}
		r.replace(prev, r.off(value.Pos()), assign)
		r.expr(value, 0)
		prev = r.off(value.End())
	}
	r.replace(prev, r.off(lit.End()), "; "+tail)
	return true
}

// hasTypeParam reports whether t mentions a type parameter.
func hasTypeParam(t types.Type) bool { return containsTypeParam(t, 0) }

func containsTypeParam(t types.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Named:
		for i := range t.TypeArgs().Len() {
			if containsTypeParam(t.TypeArgs().At(i), depth+1) {
				return true
			}
		}
	case *types.Pointer:
		return containsTypeParam(t.Elem(), depth+1)
	case *types.Slice:
		return containsTypeParam(t.Elem(), depth+1)
	case *types.Array:
		return containsTypeParam(t.Elem(), depth+1)
	case *types.Chan:
		return containsTypeParam(t.Elem(), depth+1)
	case *types.Map:
		return containsTypeParam(t.Key(), depth+1) || containsTypeParam(t.Elem(), depth+1)
	case *types.Signature:
		for _, tuple := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tuple.Len() {
				if containsTypeParam(tuple.At(i).Type(), depth+1) {
					return true
				}
			}
		}
	case *types.Struct:
		for i := range t.NumFields() {
			if containsTypeParam(t.Field(i).Type(), depth+1) {
				return true
			}
		}
	}
	return false
}
