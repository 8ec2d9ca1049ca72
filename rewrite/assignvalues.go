package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// parenValues puts in parentheses the values of an assignment that yaegi
// v0.16.1 would assign wrongly, silently, and assigns right once they are
// in parentheses (its compiler then keeps the assignment it otherwise
// drops, as it stores such a value straight into its destination):
//
//   - among several values, each call, composite literal and receive: one
//     of them left every other value of the statement unassigned
//     (measured: `a, b = 1, f()` left a 0, `s, n = g(), 7` left n 0, `q, r
//     := P{1, 2}, 3` left r 0, `x, y = y, P{9}` left x as it was);
//   - a struct literal as the one value: assigned to a variable a function
//     literal had captured, it went where the function does not look
//     (`var a P; f := func() { println(a.X) }; a = P{9, 10}; f()` printed
//     0, and so did a goroutine given P{9, 10}, which the rewrite of go
//     statements assigns so).
//
// (A receive as the one value is assignRecv's.) Call the function it
// returns once the values are walked: it closes the parentheses after what
// their walk wrote.
func (r *rewriter) parenValues(s *ast.AssignStmt) (closeParens func()) {
	if len(s.Rhs) == 1 && s.Tok == token.ASSIGN && r.isStructLit(s.Rhs[0]) {
		e := s.Rhs[0]
		r.insert(r.off(e.Pos()), "(")
		end := r.off(e.End())
		return func() { r.insert(end, ")") }
	}
	if len(s.Rhs) == 1 {
		return func() {}
	}
	return r.parenListed(s.Rhs)
}

// parenListed puts in parentheses each call, composite literal and
// receive among the several values of an assignment or a var declaration
// (`var p, k = P{1}, 3` left k 0, at a package's level too), and a var
// declaration's one value that is a struct literal (`var a any = T{1}`
// lost T's methods); see parenValues.
func (r *rewriter) parenListed(list []ast.Expr) (closeParens func()) {
	var ends []int
	if len(list) == 1 && r.isStructLit(list[0]) {
		r.insert(r.off(list[0].Pos()), "(")
		ends = append(ends, r.off(list[0].End()))
	} else if len(list) > 1 {
		for _, e := range list {
			switch x := e.(type) {
			case *ast.UnaryExpr:
				if x.Op != token.ARROW {
					continue
				}
			case *ast.CallExpr, *ast.CompositeLit:
			default:
				continue
			}
			r.insert(r.off(e.Pos()), "(")
			ends = append(ends, r.off(e.End()))
		}
	}
	return func() {
		for _, end := range ends {
			r.insert(end, ")")
		}
	}
}

// isStructLit reports whether e is a composite literal of a struct type.
func (r *rewriter) isStructLit(e ast.Expr) bool {
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	t := r.typeOf(lit)
	if t == nil {
		return false
	}
	_, ok = coreType(t).(*types.Struct)
	return ok
}
