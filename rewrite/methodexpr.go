package rewrite

import (
	"go/ast"
	"go/types"
	"strings"
)

// methodExpr rewrites a method expression T.m, which yaegi v0.16.1 gets
// wrong (its value panics with reflect.Set: ... not assignable when it is
// called), into the function literal Go defines it to be:
//
//	func(__concur_xN T, __concur_xN_0 P0, ...) R { return __concur_xN.m(__concur_xN_0, ...) }
//
// with the types go/types gives. It reports whether e was a method
// expression it rewrote; then e.X, a type, is not to be walked.
func (r *rewriter) methodExpr(e *ast.SelectorExpr) bool {
	sel := r.info.Selections[e]
	if sel == nil || sel.Kind() != types.MethodExpr || r.quiet > 0 {
		return false
	}
	sig, ok := r.typeOf(e).(*types.Signature)
	if !ok || sig.Params().Len() == 0 {
		return false
	}
	tmp := reservedPrefix + "_x" + itoa(r.nextID())
	var params, args []string
	for i := range sig.Params().Len() {
		t := sig.Params().At(i).Type()
		dots := ""
		if sig.Variadic() && i == sig.Params().Len()-1 {
			t, dots = t.(*types.Slice).Elem(), "..."
		}
		ts, ok := r.typeSource(t)
		if !ok {
			return false
		}
		name := tmp
		if i > 0 {
			name = tmp + "_" + itoa(i)
			args = append(args, name+dots)
		}
		params = append(params, name+" "+dots+ts)
	}
	var results []string
	for i := range sig.Results().Len() {
		ts, ok := r.typeSource(sig.Results().At(i).Type())
		if !ok {
			return false
		}
		results = append(results, ts)
	}
	res, ret := strings.Join(results, ", "), ""
	if len(results) > 1 {
		res = "(" + res + ")"
	}
	if len(results) > 0 {
		res, ret = " "+res, "return "
	}
	text := "(func(" + strings.Join(params, ", ") + ")" + res + " { " + ret +
		tmp + "." + e.Sel.Name + "(" + strings.Join(args, ", ") + ") })"
	r.replace(r.off(e.Pos()), r.off(e.End()), text)
	return true
}
