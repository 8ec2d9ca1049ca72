package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// genericFuncVar rewrites a variable declared with a generic function type
// and a value (var seq iter.Seq[int] = slices.Values(s)), which yaegi
// v0.16.1 leaves nil: for one local variable, the value is assigned after
// the declaration (var seq iter.Seq[int]; seq = slices.Values(s)), which
// yaegi gets right (measured: without the type, as var seq = ..., the
// variable was nil too). Not at a snippet's top level, where the name may
// be renamed.
func (r *rewriter) genericFuncVar(d *ast.GenDecl, s *ast.ValueSpec, local bool) {
	if d.Tok != token.VAR || s.Type == nil || len(s.Values) == 0 {
		return
	}
	t := r.typeOf(s.Type)
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.TypeArgs().Len() == 0 {
		return
	}
	if _, isFunc := n.Underlying().(*types.Signature); !isFunc {
		return
	}
	if local && !r.region && len(s.Names) == 1 && len(d.Specs) == 1 && !d.Lparen.IsValid() && s.Names[0].Name != "_" {
		r.replace(r.off(s.Type.End()), r.off(s.Values[0].Pos()), "; "+s.Names[0].Name+" = ")
	}
}
