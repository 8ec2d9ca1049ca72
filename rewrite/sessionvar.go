package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// sessionVarInit rewrites a snippet's top-level variable whose value uses
// a variable that an earlier input declared (x := 40, then var y = x + 2).
// yaegi v0.16.1 refuses such a value in a later Eval ("variable definition
// loop", also inside a function literal or behind &x) and leaves y declared
// as 0; a call of an earlier function that uses x, or an init function,
// it runs right (measured). So the variable is declared with its type and
// gets its value in an init function of the same unit, which yaegi runs
// when the unit is evaluated:
//
//	var y = x + 2         →  var y int; func init() { y = x + 2 }
//	var p, q = pair{}, &x →  var p pair; var q *int; func init() { p = pair{}; q = &x }
//
// A value that calls a generic function of the packages yaegi compiles
// from source goes the same way (see libraryGenericVar: in a snippet, the
// function literal failed for two results). A program is one Eval and
// keeps its declarations as written; so does a group in parentheses, where
// no function can be declared. It reports
// whether it rewrote the variable.
func (r *rewriter) sessionVarInit(d *ast.GenDecl, s *ast.ValueSpec) bool {
	if r.program || d.Tok != token.VAR || d.Lparen.IsValid() || len(s.Values) == 0 ||
		!r.usesEarlierVar(s.Values) && !slices.ContainsFunc(s.Values, r.callsLibraryGeneric) {
		return false
	}
	names := make([]string, len(s.Names))
	typeTexts := make([]string, len(s.Names))
	for i, n := range s.Names {
		if _, renamed := r.identEdits[n]; renamed {
			return false
		}
		names[i] = n.Name
		if s.Type != nil {
			continue
		}
		v, _ := r.info.Defs[n].(*types.Var)
		if v == nil {
			return false
		}
		t, ok := r.typeSource(v.Type())
		if !ok {
			return false // yaegi fails on it as before, and says so
		}
		typeTexts[i] = t
	}
	// One assignment per variable where each has its value: yaegi
	// v0.16.1 gets `p, q = pair{x, 2}, &x` wrong (q is a zero Value) and
	// one after the other right; none of the values can use another of
	// these variables but as Go's initialisation order has it.
	lhs := strings.Join(names, ", ")
	if len(s.Values) == len(s.Names) {
		lhs = names[0]
		for i, v := range s.Values[:len(s.Values)-1] {
			r.replace(r.off(v.End()), r.off(s.Values[i+1].Pos()), "; "+names[i+1]+" = ")
		}
	}
	assign := "; func init() { " + lhs + " "
	if s.Type != nil {
		r.insert(r.off(s.Type.End()), assign)
	} else {
		for i, n := range s.Names[:len(s.Names)-1] {
			r.replace(r.off(n.End()), r.off(s.Names[i+1].Pos()), " "+typeTexts[i]+"; var ")
		}
		r.insert(r.off(s.Names[len(s.Names)-1].End()), " "+typeTexts[len(s.Names)-1]+assign)
	}
	r.insert(r.off(s.Values[len(s.Values)-1].End()), " }")
	return true
}

// usesEarlierVar reports whether exprs use a variable that an earlier input
// of the session declared (at its top level: nothing else is in scope).
func (r *rewriter) usesEarlierVar(exprs []ast.Expr) bool {
	found := false
	for _, e := range exprs {
		ast.Inspect(e, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || found {
				return !found
			}
			v, ok := r.info.Uses[id].(*types.Var)
			if ok && !v.IsField() && r.isSessionPkg(v.Pkg()) && r.fileUnit[r.fset.File(v.Pos())] == nil {
				found = true
			}
			return !found
		})
	}
	return found
}
