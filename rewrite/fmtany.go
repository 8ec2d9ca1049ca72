package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
)

// printType is a type of the program's whose values fmt prints by a
// method: its source at the operand's place and the function of package
// concur/builtin that hands fmt the value with the method (AsError or
// AsStringer, stdlib/builtin.go).
type printType struct {
	t       types.Type
	local   bool // declared in a function
	src, as string
	pointer bool   // a pointer type: a nil one stays as it is
	other   string // why the value cannot be told from another type's, if it cannot
}

// dynamicCopy returns the opening of a call that gives fmt an operand of
// an interface type t (any, or an interface of the program's) with the
// method of the value inside: yaegi hands fmt a struct of the program's
// that reached it through any by its fields alone (func show(v any) {
// fmt.Println(v) } printed {x} for an error that says "failed: x"). The
// call (askMethods) asks the value, in interpreted code, for its type, and
// hands a value of one of the program's types with a String or Error
// method to fmt through concur/builtin's AsStringer or AsError:
//
//	__concur_askN(v)  where  func __concur_askN(__concur_a any) any { if __concur_a == nil { return nil };
//	    switch __concur_builtin.DynType([]any{__concur_a}) { case "main.failed": ...; }; return __concur_a }
//
// A slice, an array or a map of such interfaces is copied with each
// element (value) asked so, and taken out of the box the interpreter puts
// it in for a []any, which fmt would print. ok is false when the program
// has no such type at pos, or t is not one of those.
func (r *rewriter) dynamicCopy(t types.Type, pos token.Pos) (string, bool) {
	if t == nil {
		return "", false
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		ask, ok := r.askMethods(t, pos)
		if !ok {
			return "", false
		}
		return ask + "(", true
	case *types.Slice, *types.Array:
		elem := listElem(u)
		ask, ok := r.askMethods(elem, pos, "make", "len")
		ts, ok2 := r.typeSource(t)
		if !ok || !ok2 {
			return "", false
		}
		id := reservedPrefix + "_s" + itoa(r.nextID())
		return "func(" + id + " " + ts + ") []any { " + id + "_o := make([]any, len(" + id + ")); " + id + "_f := " + ask + "; " +
			"for " + id + "_i := range " + id + " { " + id + "_o[" + id + "_i] = " + builtinPkg + ".Unbox(" + id + "_f(" + id + "[" + id + "_i])) }; return " + id + "_o }(", true
	case *types.Map:
		ask, ok := r.askMethods(u.Elem(), pos, "make", "len")
		ts, ok2 := r.typeSource(t)
		ks, ok3 := r.typeSource(u.Key())
		if !ok || !ok2 || !ok3 {
			return "", false
		}
		id := reservedPrefix + "_s" + itoa(r.nextID())
		m := "map[" + ks + "]any"
		return "func(" + id + " " + ts + ") " + m + " { if " + id + " == nil { return nil }; " + id + "_o := make(" + m + ", len(" + id + ")); " + id + "_f := " + ask + "; " +
			"for " + id + "_k := range " + id + " { " + id + "_o[" + id + "_k] = " + builtinPkg + ".Unbox(" + id + "_f(" + id + "[" + id + "_k])) }; return " + id + "_o }(", true
	}
	return "", false
}

// askMethods returns the function dynamicCopy calls for a value of
// interface type t (a literal, or the name of one the input declares), and
// whether t needs one; builtins names the builtins the caller's text
// around it uses.
func (r *rewriter) askMethods(t types.Type, pos token.Pos, builtins ...string) (string, bool) {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return "", false
	}
	if n, named := types.Unalias(t).(*types.Named); (!named || !r.isSessionPkg(n.Obj().Pkg())) &&
		(types.Implements(t, errorType) || types.Implements(t, stringerType)) {
		return "", false // error, fmt.Stringer: fmt gets the method through the interface itself
	}
	if _, tp := t.(*types.TypeParam); tp || iface.IsImplicit() {
		return "", false
	}
	if local := r.unnameablePrintType(pos); local != nil {
		method := "String"
		if types.Implements(local.Type(), errorType) || types.Implements(types.NewPointer(local.Type()), errorType) {
			method = "Error"
		}
		r.errorf(pos, "fmt cannot call the %s method of %s, a type declared inside a function, for a value that reaches it here through an interface: "+
			"the interpreter hands fmt such a value without its methods, and its type cannot be named here to ask it; declare %s at package level",
			method, local.Name(), local.Name())
		return "", false
	}
	var pts []printType
	for _, p := range r.printTypes(pos) {
		if types.AssertableTo(iface, p.t) {
			pts = append(pts, p)
		}
	}
	if len(pts) == 0 {
		return "", false
	}
	ts, ok := r.typeSource(t)
	if !ok {
		return "", false
	}
	if msg := r.askRefusal(pts, pos, builtins); msg != "" {
		r.errorf(pos, "%s", msg)
		return "", false
	}
	// The interpreter's type assertion takes a plain int for a type ID int
	// and one struct type for another of the same fields: the value's type
	// is told by the interpreter's name of it (stdlib's dynType), and a
	// pointer outside the interpreter's box by its assertion, which
	// askRefusal made sure cannot be taken for another type's.
	hoist := r.packageLevel(t)
	for _, p := range pts {
		hoist = hoist && !p.local
	}
	id := reservedPrefix + "_s" + itoa(r.nextID())
	if hoist {
		id = reservedPrefix + "_a"
	}
	var b, loose, raw strings.Builder
	// The value comes as its own interface type: the interpreter panics
	// making a nil one of an interface of the program's an any.
	b.WriteString("func(" + id + " " + ts + ") any { if " + id + " == nil { return nil }; switch " + builtinPkg + ".DynType([]any{" + id + "}) { ")
	for _, p := range pts {
		conv := "if " + id + "_v, ok := " + id + ".(" + p.src + "); ok"
		if p.pointer {
			conv += " && " + id + "_v != nil"
		}
		conv += " { return " + builtinPkg + "." + p.as + "(" + id + "_v) }; "
		if p.pointer {
			b.WriteString("case " + strconv.Quote("*main."+strings.TrimPrefix(p.src, "*")) + ": " + conv)
			if r.pointsTo(p.t.(*types.Pointer).Elem()) {
				// Outside the box, only a pointer the code makes can be
				// one (a pointer to a type of the same shape the code
				// makes too is refused: askRefusal).
				loose.WriteString(conv)
			}
			continue
		}
		b.WriteString("case " + strconv.Quote("main."+p.src) + ": " + conv)
		if r.uniqueShape(p.t) {
			// Outside the box (var v any = T{...}): a struct of a shape
			// no other type of the program's has can only be a T.
			raw.WriteString(conv)
		}
	}
	if loose.Len() > 0 {
		b.WriteString("case \"*\": " + loose.String())
	}
	if raw.Len() > 0 {
		b.WriteString("case \"\": " + raw.String())
	}
	b.WriteString("}; ")
	const self = "\x00self\x00"
	if hoist && iface.Empty() && r.builtinsAtPackageLevel("make", "len") {
		// A []any or map[string]any in the value (show([]any{T{2}, 3})):
		// its elements are asked too, and taken out of the interpreter's
		// boxes, which fmt would print with their addresses.
		b.WriteString("if " + id + "_l, ok := " + id + ".([]any); ok { " + id + "_o := make([]any, len(" + id + "_l)); for " + id + "_i := range " + id + "_l { " +
			id + "_o[" + id + "_i] = " + builtinPkg + ".Unbox(" + self + "(" + id + "_l[" + id + "_i])) }; return " + id + "_o }; ")
		b.WriteString("if " + id + "_m, ok := " + id + ".(map[string]any); ok { " + id + "_o := make(map[string]any, len(" + id + "_m)); for " + id + "_k := range " + id + "_m { " +
			id + "_o[" + id + "_k] = " + builtinPkg + ".Unbox(" + self + "(" + id + "_m[" + id + "_k])) }; return " + id + "_o }; ")
	}
	b.WriteString("return " + id + " }")
	if !hoist {
		return b.String(), true
	}
	// Where it names no type declared in a function, a function of the
	// input's declarations: a literal at each call cost a closure a print
	// (0.8 µs of 1.2 µs added to a print through any).
	text := b.String()
	name := reservedPrefix + "_ask" + hash(text)
	text = strings.ReplaceAll(text, self, name)
	if r.askDecls == nil {
		r.askDecls = map[string]string{}
	}
	if _, ok := r.askDecls[name]; !ok {
		r.askDecls[name] = "func " + name + strings.TrimPrefix(text, "func")
		r.askOrder = append(r.askOrder, name)
	}
	return name, true
}

// builtinsAtPackageLevel reports whether the package scope leaves each of
// the builtins names as Go's.
func (r *rewriter) builtinsAtPackageLevel(names ...string) bool {
	if r.checked == nil || r.checked.Pkg == nil {
		return false
	}
	for _, name := range names {
		if r.checked.Pkg.Scope().Lookup(name) != nil {
			return false
		}
	}
	return true
}

// packageLevel reports whether t names no type declared in a function.
func (r *rewriter) packageLevel(t types.Type) bool {
	ok := true
	var walk func(t types.Type, depth int)
	walk = func(t types.Type, depth int) {
		if depth > 8 || !ok {
			return
		}
		switch t := types.Unalias(t).(type) {
		case *types.Named:
			if obj := t.Obj(); obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope() && obj.Parent() != types.Universe {
				ok = false
			}
			for i := range t.TypeArgs().Len() {
				walk(t.TypeArgs().At(i), depth+1)
			}
		case *types.Pointer:
			walk(t.Elem(), depth+1)
		case *types.Slice:
			walk(t.Elem(), depth+1)
		case *types.Map:
			walk(t.Key(), depth+1)
			walk(t.Elem(), depth+1)
		}
	}
	walk(t, 0)
	return ok
}

// askDeclsText is the declarations of the functions askMethods hoisted.
func (r *rewriter) askDeclsText() string {
	var b strings.Builder
	for _, name := range r.askOrder {
		b.WriteString(r.askDecls[name] + "\n")
	}
	return b.String()
}

// askRefusal is why askMethods cannot tell the types of pts apart at pos,
// or "".
func (r *rewriter) askRefusal(pts []printType, pos token.Pos, builtins []string) string {
	for _, name := range append([]string{"any", "nil"}, builtins...) {
		if obj := r.lookupAt(name, pos); obj != nil && obj.Parent() != types.Universe {
			return fmt.Sprintf("concur prints a value that reaches fmt here through an interface by asking it for its type, which needs Go's %s: "+
				"the program's %s hides it here; give that %s another name", name, name, name)
		}
	}
	for _, p := range pts {
		if p.other != "" {
			return p.other
		}
	}
	return ""
}

// lookupAt is what name means at pos in the learner's source, or nil.
func (r *rewriter) lookupAt(name string, pos token.Pos) types.Object {
	_, inner := r.scopesAt(pos)
	if inner == nil {
		return nil
	}
	_, obj := inner.LookupParent(name, pos)
	return obj
}

// scopesAt returns the package's scope and the innermost scope at pos (nil
// without a type check).
func (r *rewriter) scopesAt(pos token.Pos) (pkg, inner *types.Scope) {
	if r.checked == nil || r.checked.Pkg == nil {
		return nil, nil
	}
	pkg = r.checked.Pkg.Scope()
	if inner = pkg.Innermost(pos); inner == nil {
		inner = pkg
	}
	return pkg, inner
}

// printTypes lists the types of the program's, nameable at pos, whose
// values (or pointers) fmt prints by a String or Error method.
func (r *rewriter) printTypes(pos token.Pos) []printType {
	_, inner := r.scopesAt(pos)
	if inner == nil {
		return nil
	}
	var out []printType
	seen := map[string]bool{}
	for s := inner; s != nil && s != types.Universe; s = s.Parent() {
		for _, name := range s.Names() {
			tn, ok := s.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || seen[name] || strings.Contains(name, reservedPrefix) {
				continue
			}
			seen[name] = true
			if _, found := inner.LookupParent(name, pos); found != tn {
				continue // shadowed here, or declared after pos
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 || !r.isSessionPkg(tn.Pkg()) || types.IsInterface(named) {
				continue
			}
			out = r.appendPrintType(out, named)
		}
	}
	// Instances of the program's generic types (package-level, so
	// nameable): this input's, and the session's earlier ones.
	var insts []*types.Named
	for _, inst := range r.info.Instances {
		if n, ok := inst.Type.(*types.Named); ok {
			insts = append(insts, n)
		}
	}
	if r.env.mono != nil {
		for _, inst := range r.env.mono.instances {
			if !inst.generic.isType {
				continue
			}
			if tn := r.genericObject(inst.generic); tn != nil {
				if n, err := types.Instantiate(nil, tn.Type(), inst.args, false); err == nil {
					insts = append(insts, n.(*types.Named))
				}
			}
		}
	}
	slices.SortFunc(insts, func(a, b *types.Named) int { return strings.Compare(a.String(), b.String()) })
	for _, n := range insts {
		name := n.String()
		if seen[name] || hasTypeParam(n) || !r.isSessionPkg(n.Obj().Pkg()) {
			continue
		}
		seen[name] = true
		out = r.appendPrintType(out, n)
	}
	return out
}

// appendPrintType appends named and its pointer to out where fmt prints
// them by a method.
func (r *rewriter) appendPrintType(out []printType, named types.Type) []printType {
	kinds := []types.Type{named}
	if _, ok := named.Underlying().(*types.Struct); ok {
		// Pointers to structs only: the interpreter fails on an assertion
		// to a pointer to a type on a basic type (cannot indirect "C"),
		// and outside the box such a pointer is any *float64.
		kinds = append(kinds, types.NewPointer(named))
	}
	for _, t := range kinds {
		iface, ok := r.printMethod(t, "")
		if !ok {
			continue
		}
		src, ok := r.typeSource(t)
		if !ok {
			continue
		}
		as := "AsStringer"
		if iface == "error" {
			as = "AsError"
		}
		_, ptr := t.(*types.Pointer)
		out = append(out, printType{t: t, local: !r.packageLevel(t), src: src, as: as, pointer: ptr, other: r.confusable(named, ptr)})
	}
	return out
}

// confusable says why a value of type named (a pointer to one, if
// pointer) that reaches fmt through an interface cannot be told from
// another type's, or "". The interpreter keeps a pointer in an interface
// without its type's name, so a pointer is confused with a pointer to
// another type of the same underlying type; a value is named as main.T,
// so it is confused with a type of the same name declared in a function.
// (Pointers are confused only where the code has pointers of both types.)
func (r *rewriter) confusable(named types.Type, pointer bool) string {
	obj := named.(*types.Named).Obj()
	for _, other := range r.shapes() {
		if types.Identical(other, named) || isNamedOf(other, obj) {
			continue
		}
		n, isNamed := types.Unalias(other).(*types.Named)
		switch {
		case pointer && types.Identical(other.Underlying(), named.Underlying()) && r.pointsTo(named) && r.pointsTo(other):
			what := "a value of type " + runtimeTypeString(other)
			if !isNamed {
				what = "a " + runtimeTypeString(other)
			}
			return fmt.Sprintf("fmt cannot tell a *%s from a pointer to %s when it reaches fmt through an interface in concur (its interpreter keeps them as one type there): "+
				"print the *%s where its type is known, or call its method", obj.Name(), what, obj.Name())
		case !pointer && isNamed && n.Obj().Name() == obj.Name():
			return fmt.Sprintf("fmt cannot tell the program's two types named %s apart when a value reaches fmt through an interface in concur: give one of them another name", obj.Name())
		}
	}
	return ""
}

// uniqueShape reports whether t is a struct type whose fields no other
// type of the program's, named or not, has.
func (r *rewriter) uniqueShape(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	for _, other := range r.shapes() {
		if !types.Identical(other, t) && !isNamedOf(other, n.Obj()) && types.Identical(other.Underlying(), t.Underlying()) {
			return false
		}
	}
	return true
}

// isNamedOf reports whether t is obj's type or an instance of it.
func isNamedOf(t types.Type, obj *types.TypeName) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj() == obj
}

// pointsTo reports whether the input's code makes a pointer of type *t
// (&x, &T{...}, new(T)).
func (r *rewriter) pointsTo(t types.Type) bool {
	for e, tv := range r.info.Types {
		p, ok := tv.Type.(*types.Pointer)
		if !ok || !types.Identical(p.Elem(), t) {
			continue
		}
		switch e := e.(type) {
		case *ast.UnaryExpr:
			if e.Op == token.AND {
				return true
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Name == "new" && r.isBuiltin(id) {
				return true
			}
		}
	}
	return false
}

// shapes lists the named types the program declares (the session's
// and this input's, in functions too) and the struct types its code
// writes without a name.
func (r *rewriter) shapes() []types.Type {
	if r.shapeList != nil {
		return *r.shapeList
	}
	var out []types.Type
	seen := map[types.Type]bool{}
	add := func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		out = append(out, t)
	}
	if r.checked != nil && r.checked.Pkg != nil {
		scope := r.checked.Pkg.Scope()
		for _, name := range scope.Names() {
			if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() && !strings.Contains(name, reservedPrefix) {
				add(tn.Type())
			}
		}
	}
	for _, obj := range r.info.Defs {
		if tn, ok := obj.(*types.TypeName); ok && !tn.IsAlias() && r.isSessionPkg(tn.Pkg()) {
			add(tn.Type())
		}
	}
	for e, tv := range r.info.Types {
		// A struct value without a name: a literal of an unnamed struct
		// type (not a named type's own struct type in its declaration).
		if _, lit := e.(*ast.CompositeLit); !lit {
			continue
		}
		if _, ok := tv.Type.(*types.Struct); ok {
			add(tv.Type)
		}
	}
	r.shapeList = &out
	return out
}

// unnameablePrintType returns a type declared inside a function whose
// values fmt prints by a method (promoted from an embedded field: a
// local type has none of its own) and that cannot be named at pos, or nil.
func (r *rewriter) unnameablePrintType(pos token.Pos) *types.TypeName {
	pkg, inner := r.scopesAt(pos)
	if inner == nil {
		return nil
	}
	var found *types.TypeName
	for _, obj := range r.info.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.IsAlias() || tn.Parent() == nil || tn.Parent() == pkg || !r.isSessionPkg(tn.Pkg()) {
			continue
		}
		if _, ok := r.printMethod(tn.Type(), ""); !ok {
			if _, ok := r.printMethod(types.NewPointer(tn.Type()), ""); !ok {
				continue
			}
		}
		if _, at := inner.LookupParent(tn.Name(), pos); at == tn {
			continue
		}
		if found == nil || tn.Pos() < found.Pos() {
			found = tn
		}
	}
	return found
}

// dynNamed wraps each operand of an interface type whose verb calls no
// method (%T, %#v, %d, ...) in concur/builtin.Dyn, which hands fmt the
// value in the interpreter's box with its type's name (as Typed does for
// an operand of a known type): yaegi hands fmt a value of the program's
// with a String method as a wrapper whose value is wrong (%T printed int,
// %#v the last field), and a struct without methods under no name
// (struct { x int; y int } for main.plain). It opens each wrap and
// returns what closes them.
func (r *rewriter) dynNamed(operands []ast.Expr) (closeWraps func()) {
	var closers []int
	for _, a := range operands {
		t := r.typeOf(a)
		if t == nil || !types.IsInterface(t) || r.boxed[a] {
			continue
		}
		if _, tp := t.(*types.TypeParam); tp || len(r.shapes()) == 0 {
			continue
		}
		ts, ok := r.typeSource(t)
		if !ok || r.lookupAt("nil", a.Pos()) != types.Universe.Lookup("nil") || r.lookupAt("any", a.Pos()) != types.Universe.Lookup("any") {
			continue
		}
		id := reservedPrefix + "_s" + itoa(r.nextID())
		r.insert(r.off(a.Pos()), "func("+id+" "+ts+") any { if "+id+" == nil { return nil }; return "+builtinPkg+".Dyn([]any{"+id+"}) }(")
		closers = append(closers, r.off(a.End()))
	}
	return func() {
		for _, at := range closers {
			r.insert(at, ")")
		}
	}
}
