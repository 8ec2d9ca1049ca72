package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// libVarAssign puts in parentheses the value assigned to a variable of a
// standard package (os.Args = []string{...}): yaegi v0.16.1 drops such an
// assignment unless the value is a name or in parentheses (measured: a
// composite literal, a call, append all left os.Args as it was).
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
		if !ok || v.Pkg() == nil || r.isSessionPkg(v.Pkg()) || v.Parent() != v.Pkg().Scope() {
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
