package rewrite

import (
	"go/ast"
	"go/types"
	"sort"
)

// refuseProgramImpls refuses a type assertion to an interface with
// methods (x.(I), and a type switch's case I) when a struct type of the
// program implements I (itself or as a pointer): yaegi v0.16.1 loses such
// a type's methods in the assertion. With value receivers it fails (`var
// x any = user{"ann"}; x.(named)` is false, silently, where Go's
// succeeds); with pointer receivers it succeeds and the value it gives has
// no methods (x.Error() panics: reflect: Method on nil interface value).
// Asserting the concrete type works. t is the asserted type's expression.
func (r *rewriter) refuseProgramImpls(t ast.Expr) {
	if t == nil || r.checked == nil || r.checked.Pkg == nil {
		return
	}
	it := r.typeOf(t)
	if it == nil {
		return
	}
	iface, ok := it.Underlying().(*types.Interface)
	if !ok || iface.Empty() {
		return
	}
	scope := r.checked.Pkg.Scope()
	names := scope.Names()
	sort.Strings(names)
	for _, name := range names {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams().Len() > 0 {
			continue
		}
		if _, isStruct := n.Underlying().(*types.Struct); !isStruct || !types.Implements(types.NewPointer(n), iface) {
			continue
		}
		concrete := "*" + name
		if types.Implements(n, iface) {
			concrete = name
		}
		r.errorf(t.Pos(), "a type assertion to %s is not supported by concur while the program's %s implements it: "+
			"its interpreter loses the methods of the program's struct types in an assertion to an interface; "+
			"assert the concrete type instead (x.(%s)), or call the methods through a variable of the interface type",
			types.TypeString(it, types.RelativeTo(r.checked.Pkg)), concrete, concrete)
		return
	}
}

// refuseNamedBasic refuses a type assertion to a named type of the
// program's that is not a struct or an interface (type celsius float64),
// and a type switch's case of one: yaegi v0.16.1 keeps such a type as its
// underlying type, so the assertion succeeds for any float64 in the
// interface, and for a value of any other type based on float64, silently.
func (r *rewriter) refuseNamedBasic(t ast.Expr) {
	if t == nil {
		return
	}
	n, ok := types.Unalias(r.typeOf(t)).(*types.Named)
	if !ok || !r.isSessionPkg(n.Obj().Pkg()) {
		return
	}
	switch n.Underlying().(type) {
	case *types.Struct, *types.Interface:
		return
	}
	u := types.TypeString(n.Underlying(), types.RelativeTo(r.checked.Pkg))
	r.errorf(t.Pos(), "a type assertion to %s (a type on %s) is not supported by concur: its interpreter keeps %s as %s, so it cannot tell "+
		"a %s in an interface from a %s or from another type on %s; make it a struct type (type %s struct{ v %s }), or keep the value in a variable of type %s",
		n.Obj().Name(), u, n.Obj().Name(), u, n.Obj().Name(), u, u, n.Obj().Name(), u, n.Obj().Name())
}
