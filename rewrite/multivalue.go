package rewrite

import "go/ast"

// parenBuiltins puts in parentheses each call of a builtin function among
// the values of a return or an assignment with several: yaegi v0.16.1
// stores such a call's result in the wrong place there, silently
// (measured: `return 1, len(ks)` returned 1, 1; `return 1, append(ks, 4)`
// and `return 1, new(int)` panicked in reflect.Set; `u, v = 1, len(ks)`
// left u 0), and takes the value right once it is in parentheses. Call
// the function it returns once the values are walked: it closes the
// parentheses after what their walk wrote (make(chan) becomes a call).
func (r *rewriter) parenBuiltins(list []ast.Expr) (closeParens func()) {
	var calls []ast.Expr
	if len(list) > 1 {
		for _, e := range list {
			if c, ok := e.(*ast.CallExpr); ok {
				if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok && r.isBuiltin(id) {
					calls = append(calls, c)
				}
			}
		}
	}
	return r.paren(calls)
}
