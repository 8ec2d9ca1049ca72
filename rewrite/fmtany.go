package rewrite

import (
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// printType is a type of the program's whose values fmt prints by a
// method: its source at the operand's place and the function of package
// concur/builtin that hands fmt the value with the method (AsError or
// AsStringer, stdlib/builtin.go).
type printType struct {
	src, as string
	pointer bool // a pointer type: a nil one stays as it is
}

// dynamicCopy returns the opening of a call that gives fmt an operand of
// an interface type t (any, or an interface of the program's without
// String or Error) with the method of the value inside: yaegi hands fmt
// a struct of the program's that reached it through any by its fields
// alone (func show(v any) { fmt.Println(v) } printed {x} for an error
// that says "failed: x"). The call asks the value, in interpreted code,
// for each type of the program's nameable at pos that has a String or
// Error method, and converts it to the library interface:
//
//	func(__concur_sN any) any { if v, ok := __concur_sN.(failed); ok { return error(v) }; ...; return __concur_sN }(
//
// A slice, an array or a map of such interfaces is copied with each
// element (value) asked so, and taken out of the box the interpreter
// puts it in for a []any, which fmt would print. ok is false when the program has no such
// type at pos, or t is not one of those.
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
		var elem types.Type
		if s, ok := u.(*types.Slice); ok {
			elem = s.Elem()
		} else {
			elem = u.(*types.Array).Elem()
		}
		ask, ok := r.askMethods(elem, pos)
		ts, ok2 := r.typeSource(t)
		if !ok || !ok2 {
			return "", false
		}
		id := reservedPrefix + "_s" + itoa(r.nextID())
		return "func(" + id + " " + ts + ") []any { " + id + "_o := make([]any, len(" + id + ")); " + id + "_f := " + ask + "; " +
			"for " + id + "_i := range " + id + " { " + id + "_o[" + id + "_i] = " + builtinPkg + ".Unbox(" + id + "_f(" + id + "[" + id + "_i])) }; return " + id + "_o }(", true
	case *types.Map:
		ask, ok := r.askMethods(u.Elem(), pos)
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

// askMethods returns the function literal dynamicCopy calls for a value
// of interface type t, and whether t needs one.
func (r *rewriter) askMethods(t types.Type, pos token.Pos) (string, bool) {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || types.Implements(t, errorType) || types.Implements(t, stringerType) {
		return "", false // fmt gets the method through the interface itself
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
	var b strings.Builder
	id := reservedPrefix + "_s" + itoa(r.nextID())
	n := 0
	for _, p := range r.printTypes(pos) {
		n++
		b.WriteString("if " + id + "_v, ok := " + id + ".(" + p.src + "); ok")
		if p.pointer {
			b.WriteString(" && " + id + "_v != nil")
		}
		b.WriteString(" { return " + builtinPkg + "." + p.as + "(" + id + "_v) }; ")
	}
	if n == 0 {
		return "", false
	}
	return "func(" + id + " any) any { " + b.String() + "return " + id + " }", true
}

// printTypes lists the types of the program's, nameable at pos, whose
// values (or pointers) fmt prints by a String or Error method.
func (r *rewriter) printTypes(pos token.Pos) []printType {
	if r.checked == nil || r.checked.Pkg == nil {
		return nil
	}
	pkg := r.checked.Pkg.Scope()
	inner := pkg.Innermost(pos)
	if inner == nil {
		inner = pkg
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
	for _, t := range []types.Type{named, types.NewPointer(named)} {
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
		out = append(out, printType{src: src, as: as, pointer: ptr})
	}
	return out
}

// unnameablePrintType returns a type declared inside a function whose
// values fmt prints by a method (promoted from an embedded field: a
// local type has none of its own) and that cannot be named at pos, or nil.
func (r *rewriter) unnameablePrintType(pos token.Pos) *types.TypeName {
	if r.checked == nil || r.checked.Pkg == nil {
		return nil
	}
	pkg := r.checked.Pkg.Scope()
	inner := pkg.Innermost(pos)
	if inner == nil {
		inner = pkg
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
