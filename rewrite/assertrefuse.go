package rewrite

import (
	"go/ast"
	"go/token"
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
	for _, n := range r.programTypes() {
		name := n.Obj().Name()
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
	if !ok || !r.isSessionPkg(n.Obj().Pkg()) || r.isPooled(n) {
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

// refuseBasicBeside refuses a type assertion to a type without a name
// (int, float64, []string, func(), ...), and a type switch's case of one,
// while the program declares a named type on it that yaegi v0.16.1 keeps
// as that type (type MyInt int with a String method, type IDs []int; not
// those it declares as pool types, named.go): x.(int) also takes a MyInt,
// and a switch's case int comes before its case fmt.Stringer, silently.
func (r *rewriter) refuseBasicBeside(t ast.Expr) {
	if t == nil || r.checked == nil || r.checked.Pkg == nil {
		return
	}
	u := types.Unalias(r.typeOf(t))
	switch u := u.(type) {
	case nil, *types.Named, *types.Interface, *types.TypeParam:
		return
	case *types.Basic:
		if u.Info()&types.IsUntyped != 0 {
			return
		}
	}
	for _, n := range r.sameUnderlying(u) {
		name := n.Obj().Name()
		us := types.TypeString(u, types.RelativeTo(r.checked.Pkg))
		r.errorf(t.Pos(), "a type assertion to %s is not supported by concur while the program declares %s (a type on %s): its interpreter keeps %s as %s, "+
			"so it cannot tell %s values in an interface from %s values; make %s a struct type (type %s struct{ v %s })",
			us, name, us, name, us, us, name, name, name, us)
		return
	}
}

// sameUnderlying returns the program's named types, declared at package
// level or in this input's functions, that yaegi keeps as u: u is their
// underlying type and they are not pool types.
func (r *rewriter) sameUnderlying(u types.Type) []*types.Named {
	var out []*types.Named
	add := func(n *types.Named) {
		switch n.Underlying().(type) {
		case *types.Struct, *types.Interface:
			return
		}
		if n.TypeParams().Len() == 0 && !r.isPooled(n) && types.Identical(n.Underlying(), u) {
			out = append(out, n)
		}
	}
	for _, n := range r.programTypes() {
		add(n)
	}
	for _, n := range r.localTypes() {
		add(n)
	}
	return out
}

// localTypes are the named types this input declares inside functions, in
// source order.
func (r *rewriter) localTypes() []*types.Named {
	var out []*types.Named
	for _, obj := range r.info.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.IsAlias() || tn.Parent() == nil || tn.Parent() == r.checked.Pkg.Scope() || !r.isSessionPkg(tn.Pkg()) {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok {
			out = append(out, n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Obj().Pos() < out[j].Obj().Pos() })
	return out
}

// refuseWrappedCompare refuses == and != between a value of an interface
// with methods (error, fmt.Stringer, one of the program's) and a value of
// a concrete type the program declares, and errors.Is with such a target:
// yaegi v0.16.1 keeps the program's value inside such an interface in a
// wrapper of its own, so the comparison is false where Go's is true
// (`var err error = ErrCode(7); err == ErrCode(7)`), silently.
func (r *rewriter) refuseWrappedCompare(e *ast.BinaryExpr) {
	if e.Op != token.EQL && e.Op != token.NEQ {
		return
	}
	x, y := r.typeOf(e.X), r.typeOf(e.Y)
	if r.methodInterface(y) {
		x, y = y, x
	}
	if !r.methodInterface(x) || !r.programConcrete(y) {
		return
	}
	r.errorf(e.OpPos, "%s between a value of type %s and one of type %s is not supported by concur: its interpreter keeps the program's values "+
		"in such an interface wrapped, so the answer can be the opposite of Go's; compare what it holds through a type switch or assertion to the struct type, "+
		"or compare its Error or String text", e.Op, types.TypeString(x, types.RelativeTo(r.checked.Pkg)), types.TypeString(y, types.RelativeTo(r.checked.Pkg)))
}

// refuseErrorsIs refuses errors.Is(err, target) with a target of a
// concrete type the program declares (see refuseWrappedCompare).
func (r *rewriter) refuseErrorsIs(fn *types.Func, e *ast.CallExpr) {
	if fn.Pkg() == nil || fn.Pkg().Path() != "errors" || fn.Name() != "Is" || len(e.Args) != 2 {
		return
	}
	t := r.typeOf(e.Args[1])
	if !r.programConcrete(t) {
		return
	}
	r.errorf(e.Args[1].Pos(), "errors.Is with a target of the program's type %s is not supported by concur: its interpreter keeps such errors wrapped, "+
		"so errors.Is is false where Go's is true; use a sentinel made by errors.New (var ErrX = errors.New(...)), or compare the Error text",
		types.TypeString(t, types.RelativeTo(r.checked.Pkg)))
}

// methodInterface reports whether t is an interface with methods.
func (r *rewriter) methodInterface(t types.Type) bool {
	if t == nil {
		return false
	}
	i, ok := t.Underlying().(*types.Interface)
	return ok && !i.Empty()
}

// programConcrete reports whether t is a type the program declares that is
// not an interface, or a pointer to one.
func (r *rewriter) programConcrete(t types.Type) bool {
	if t == nil || r.checked == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		if _, named := types.Unalias(t).(*types.Named); !named {
			t = p.Elem()
		}
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !r.isSessionPkg(n.Obj().Pkg()) {
		return false
	}
	return !types.IsInterface(n)
}

// programTypes are the named types the program declares at package level
// (not aliases, not generic), in the order of their names.
func (r *rewriter) programTypes() []*types.Named {
	scope := r.checked.Pkg.Scope()
	names := scope.Names()
	sort.Strings(names)
	var out []*types.Named
	for _, name := range names {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() == 0 {
			out = append(out, n)
		}
	}
	return out
}
