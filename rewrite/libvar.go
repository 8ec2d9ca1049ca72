package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// libVarAssign puts in parentheses the value assigned to a variable of a
// standard package (os.Args = []string{...}) or to a field of an interface
// type of a standard package's struct (r.Value = i * 10 on a container/ring):
// yaegi v0.16.1 drops the first unless the value is a name or in
// parentheses (measured: a composite literal, a call, append all left
// os.Args as it was), and on the second, with an operation on the right,
// ends the goroutine there without a word.
func (r *rewriter) libVarAssign(s *ast.AssignStmt) {
	if s.Tok != token.ASSIGN || len(s.Lhs) != len(s.Rhs) {
		return
	}
	for i, l := range s.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		v, ok := r.objectOf(sel.Sel).(*types.Var)
		if !ok || v.Pkg() == nil || r.isSessionPkg(v.Pkg()) {
			continue
		}
		pkgVar := v.Parent() == v.Pkg().Scope()
		if !pkgVar && !(v.IsField() && types.IsInterface(v.Type())) {
			continue
		}
		if _, recv := isRecv(s.Rhs[i]); recv {
			continue // the receive's own rewrite (assignRecv) takes the value
		}
		switch s.Rhs[i].(type) {
		case *ast.Ident, *ast.ParenExpr:
			continue
		}
		r.insert(r.off(s.Rhs[i].Pos()), "(")
		r.insert(r.off(s.Rhs[i].End()), ")")
	}
}
