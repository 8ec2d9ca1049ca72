package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Race points. On the virtual clock goroutines take turns, and a seeded
// schedule switches only at scheduling points (channel operations, locks,
// sleeps, prints, Gosched). `counter++` has none inside it, so a racy
// counter shared by goroutines never loses an update there, though Go's
// runtime may preempt a goroutine between the read and the write, and on
// several cores two goroutines do both at once. Under a seeded schedule
// (Env.RacePoints) a write to a variable goroutines may share is a
// scheduling point, and an increment or an operator assignment reads,
// may switch, then writes:
//
//	counter++        counter = __concur_pt(counter) + 1
//	total += v       total = __concur_pt(total) + (v)
//	seen[url] = true __concur.Point(); seen[url] = true
//
// Go allows each of these schedules; the default schedule (seed 0) runs as
// before, without them. A variable may be shared when it is declared at
// package level (a session's variables are), used by a function literal it
// is declared outside of, or has its address taken; what is reached
// through a pointer, a map or a slice may always be.

// racePrelude holds the helper of the rewrites above: it reads v, lets
// another goroutine run, and hands back what it read.
const racePrelude = `
func __concur_pt[__concur_T any](v __concur_T) __concur_T { __concur.Point(); return v }
`

// sharedVars finds the local variables of the input that function
// literals use from outside them, or whose address is taken.
func (r *rewriter) sharedVars() map[types.Object]bool {
	shared := map[types.Object]bool{}
	for _, u := range r.units {
		if u.file == nil {
			continue
		}
		ast.Inspect(u.file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				ast.Inspect(n.Body, func(m ast.Node) bool {
					id, ok := m.(*ast.Ident)
					if !ok {
						return true
					}
					if v, ok := r.info.Uses[id].(*types.Var); ok && !v.IsField() && (v.Pos() < n.Pos() || v.Pos() >= n.End()) {
						shared[v] = true
					}
					return true
				})
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
						if v, ok := r.info.Uses[id].(*types.Var); ok {
							shared[v] = true
						}
					}
				}
			}
			return true
		})
	}
	return shared
}

// sharedPlace reports whether writing e may race with another goroutine.
func (r *rewriter) sharedPlace(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := r.objectOf(e).(*types.Var)
		if !ok || e.Name == "_" {
			return false
		}
		if r.shared == nil {
			r.shared = r.sharedVars()
		}
		return v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || r.shared[v]
	case *ast.SelectorExpr:
		if id, ok := e.X.(*ast.Ident); ok {
			if _, ok := r.objectOf(id).(*types.PkgName); ok {
				return true // a package's variable
			}
		}
		if _, ok := coreType(r.typeOf(e.X)).(*types.Pointer); ok {
			return true
		}
		return r.sharedPlace(e.X)
	case *ast.IndexExpr:
		switch coreType(r.typeOf(e.X)).(type) {
		case *types.Map, *types.Slice, *types.Pointer:
			return true
		}
		return r.sharedPlace(e.X)
	case *ast.StarExpr:
		return true
	}
	return false
}

// simplePlace reports whether e can be written twice without changing what
// the program does: names, fields and indexes by names or constants.
func simplePlace(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return simplePlace(e.X)
	case *ast.IndexExpr:
		if _, ok := e.Index.(*ast.BasicLit); ok {
			return simplePlace(e.X)
		}
		return simplePlace(e.X) && simplePlace(e.Index)
	case *ast.StarExpr:
		return simplePlace(e.X)
	}
	return false
}

// editsWithin reports whether an edit from the first-th on touches [start,
// end): the text there is not the learner's as written any more.
func (r *rewriter) editsWithin(first, start, end int) bool {
	for _, e := range r.edits[first:] {
		if e.start < end && e.end > start || e.start == e.end && e.start > start && e.start < end {
			return true
		}
	}
	return false
}

// racePoint makes the assignment or increment s, whose left side was
// walked from the edit first on, a race point (see above).
func (r *rewriter) racePoint(s ast.Stmt, first int) {
	if !r.env.RacePoints || first < 0 || r.header || r.quiet > 0 {
		return
	}
	var lhs []ast.Expr
	op, opEnd := "", 0
	switch s := s.(type) {
	case *ast.IncDecStmt:
		lhs = []ast.Expr{s.X}
		op, opEnd = "+", r.off(s.TokPos)+2
		if s.Tok == token.DEC {
			op = "-"
		}
	case *ast.AssignStmt:
		if s.Tok == token.DEFINE {
			return
		}
		lhs = s.Lhs
		if s.Tok != token.ASSIGN {
			op, opEnd = strings.TrimSuffix(s.Tok.String(), "="), r.off(s.TokPos)+len(s.Tok.String())
		}
	default:
		return
	}
	shared := false
	for _, l := range lhs {
		shared = shared || r.sharedPlace(l)
	}
	if !shared {
		return
	}
	x := lhs[0]
	if op == "" || !simplePlace(x) || r.editsWithin(first, r.off(x.Pos()), r.off(x.End())) {
		r.insert(r.off(s.Pos()), "__concur.Point(); ")
		return
	}
	text := r.src[r.off(x.Pos()):r.off(x.End())]
	if inc, ok := s.(*ast.IncDecStmt); ok {
		r.replace(r.off(inc.TokPos), opEnd, " = __concur_pt("+text+") "+op+" 1")
		return
	}
	as := s.(*ast.AssignStmt)
	r.replace(r.off(as.TokPos), opEnd, "= __concur_pt("+text+") "+op+" (")
	r.insert(r.off(as.Rhs[0].End()), ")")
}
