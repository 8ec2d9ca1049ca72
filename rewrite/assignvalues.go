package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
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
// Among several values, a literal of a type with methods going to an
// interface leaves the statement as it was (see parenListed). (A receive as the one value is
// assignRecv's.) Call the function it returns once the values are walked:
// it closes the parentheses after what their walk wrote.
func (r *rewriter) parenValues(s *ast.AssignStmt) (closeParens func()) {
	if len(s.Rhs) == 1 && s.Tok == token.ASSIGN && r.isStructLit(s.Rhs[0]) {
		return r.paren(s.Rhs)
	}
	if len(s.Rhs) == 1 || len(s.Lhs) != len(s.Rhs) {
		return func() {}
	}
	return r.parenListed(s.Rhs, func(i int) types.Type { return r.typeOf(s.Lhs[i]) }, false)
}

// parenSpec is parenValues for a var declaration's values: among several
// as there (`var p, k = P{1}, 3` left k 0, at a package's level too), and
// a struct literal as the one value (`var a any = T{1}` lost T's methods).
func (r *rewriter) parenSpec(s *ast.ValueSpec) (closeParens func()) {
	if len(s.Values) == 1 && len(s.Names) == 1 && r.isStructLit(s.Values[0]) {
		return r.paren(s.Values)
	}
	if len(s.Values) == 1 || len(s.Names) != len(s.Values) {
		return func() {}
	}
	return r.parenListed(s.Values, nil, true)
}

// parenListed puts in parentheses each call, composite literal (or its
// address) and receive among several values, which yaegi would store
// straight into their destinations. In an assignment (dest gives each
// value's destination), a literal of a type with methods going to an
// interface the program declares, or any, is the exception: yaegi stores
// it so even in parentheses, where it then panicked in reflect.Set, and
// every other value must be stored so too or be lost (as they are without
// parentheses): such a statement is left as it is, and refused, with the
// way out, when a value beside would be lost. A var declaration has no such
// exception (spec).
func (r *rewriter) parenListed(list []ast.Expr, dest func(i int) types.Type, spec bool) (closeParens func()) {
	var wrapped []ast.Expr
	for i, e := range list {
		if storedAsIs(e) {
			continue
		}
		if lit, ok := e.(*ast.CompositeLit); ok && !spec {
			if t := dest(i); t != nil && types.IsInterface(t) && !libraryInterface(t) && r.hasMethods(lit) {
				if slices.ContainsFunc(list, storedAsIs) {
					r.errorf(lit.Pos(), "a struct literal of a type with methods assigned to an interface beside other values: "+
						"concur's interpreter loses the values that are not calls or literals; assign them one at a time")
				}
				return r.parenBuiltins(list)
			}
		}
		wrapped = append(wrapped, e)
	}
	return r.paren(wrapped)
}

// storedAsIs reports whether yaegi assigns the value e as an assignment
// statement's own work, never storing it straight into its destination:
// anything but a call, a composite literal or its address, and a receive.
func storedAsIs(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.CallExpr, *ast.CompositeLit:
		return false
	case *ast.UnaryExpr:
		_, lit := x.X.(*ast.CompositeLit)
		return x.Op != token.ARROW && !(x.Op == token.AND && lit)
	}
	return true
}

// hasMethods reports whether the literal's type, or a pointer to it, has
// methods (or its type is unknown).
func (r *rewriter) hasMethods(lit *ast.CompositeLit) bool {
	t := r.typeOf(lit)
	return t == nil || types.NewMethodSet(types.NewPointer(t)).Len() > 0
}

// libraryInterface reports whether the interface type t is error or a
// library's, which yaegi holds as a compiled type, not one of its own.
func libraryInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false // interface{...}, any
	}
	pkg := n.Obj().Pkg()
	return pkg == nil || pkg.Name() != "main"
}

// paren puts each of list in parentheses: the opening ones now, the
// closing ones when the function it returns is called.
func (r *rewriter) paren(list []ast.Expr) (closeParens func()) {
	var ends []int
	for _, e := range list {
		r.insert(r.off(e.Pos()), "(")
		ends = append(ends, r.off(e.End()))
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
