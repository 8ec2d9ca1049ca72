package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// typedNils makes every place where a value of a type the program declares
// (or a pointer to one) becomes a value of a library interface that is not
// empty (error, fmt.Stringer, io.Reader, ...) a conversion yaegi v0.16.1
// gets right: a function's return. Elsewhere it gets two things wrong
// (measured):
//
//   - a value type's methods are lost: var err error = failed{"disk"} (or
//     err = failed{...}) prints as {disk}, not by its Error method, and
//     error(failed{...}) panics in the interpreter;
//   - a nil pointer (map, slice, ...) becomes a nil interface: in Go a nil
//     *myErr returned as an error is an error that is not nil (err != nil
//     is true, the classic typed-nil pitfall); yaegi's is nil, so concur
//     would print the opposite of Go's answer.
//
// So such a conversion is made by a function that returns its argument,
// and for a type whose values can be nil, stops the program with a message
// saying what Go would do and how to write it when the value is nil:
//
//	var err error = f  →  var err error = func(v failed) error { return v }(f)
//	return p           →  return func(v *myErr) error { if v == nil { panic("...") }; return v }(p)
//
// An interface the program declares, and any, keep the methods and a
// typed nil in the interpreter; so do the library's own types. Values that
// cannot be nil (&T{...}, new(T), a function literal) need no check.
func (r *rewriter) typedNils(u *unit) {
	if r.info == nil || u.file == nil {
		return
	}
	var results []*types.Tuple // the enclosing functions' results, innermost last
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				return false
			}
			var res *types.Tuple
			if f, ok := r.info.Defs[n.Name].(*types.Func); ok {
				res = f.Type().(*types.Signature).Results()
			}
			results = append(results, res)
			ast.Inspect(n.Body, visit)
			results = results[:len(results)-1]
			return false
		case *ast.FuncLit:
			var res *types.Tuple
			if sig, ok := r.typeOf(n).(*types.Signature); ok {
				res = sig.Results()
			}
			results = append(results, res)
			ast.Inspect(n.Body, visit)
			results = results[:len(results)-1]
			return false
		case *ast.ReturnStmt:
			if len(results) == 0 || results[len(results)-1] == nil {
				break
			}
			res := results[len(results)-1]
			if len(n.Results) == res.Len() {
				for i, e := range n.Results {
					r.guardNil(e, res.At(i).Type())
				}
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
				for i, e := range n.Rhs {
					r.guardNil(e, r.typeOf(n.Lhs[i]))
				}
			}
		case *ast.ValueSpec:
			if n.Type != nil && len(n.Values) == len(n.Names) {
				for _, e := range n.Values {
					r.guardNil(e, r.typeOf(n.Type))
				}
			}
		case *ast.SendStmt:
			if ch, ok := coreType(r.typeOf(n.Chan)).(*types.Chan); ok {
				r.guardNil(n.Value, ch.Elem())
			}
		case *ast.CallExpr:
			r.guardCallArgs(n)
			r.valueOperands(n)
		case *ast.CompositeLit:
			r.guardElements(n)
		}
		return true
	}
	ast.Inspect(u.file, visit)
}

// guardCallArgs guards a call's arguments against their parameters' types,
// and an explicit conversion's operand (error(p)).
func (r *rewriter) guardCallArgs(call *ast.CallExpr) {
	if tv, ok := r.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			r.guardNil(call.Args[0], tv.Type)
		}
		return
	}
	sig, ok := coreType(r.typeOf(call.Fun)).(*types.Signature)
	if !ok {
		return
	}
	params := sig.Params()
	for i, a := range call.Args {
		var t types.Type
		switch {
		case sig.Variadic() && i >= params.Len()-1:
			if call.Ellipsis.IsValid() {
				continue // a slice handed on as it is
			}
			t = params.At(params.Len() - 1).Type().(*types.Slice).Elem()
		case i < params.Len():
			t = params.At(i).Type()
		default:
			continue // f(g()) with g's several results
		}
		r.guardNil(a, t)
	}
}

// guardElements guards the elements of a composite literal against their
// slice's, array's, map's or struct field's types.
func (r *rewriter) guardElements(lit *ast.CompositeLit) {
	switch t := coreType(r.typeOf(lit)).(type) {
	case *types.Slice:
		r.guardEach(lit.Elts, t.Elem())
	case *types.Array:
		r.guardEach(lit.Elts, t.Elem())
	case *types.Map:
		r.guardEach(lit.Elts, t.Elem())
	case *types.Struct:
		for i, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := r.objectOf(id).(*types.Var); ok {
						r.guardNil(kv.Value, f.Type())
					}
				}
			} else if i < t.NumFields() {
				r.guardNil(e, t.Field(i).Type())
			}
		}
	}
}

func (r *rewriter) guardEach(elts []ast.Expr, t types.Type) {
	for _, e := range elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			e = kv.Value
		}
		r.guardNil(e, t)
	}
}

// guardNil wraps e, whose value becomes one of type target, when that is a
// conversion the interpreter gets wrong (see typedNils).
func (r *rewriter) guardNil(e ast.Expr, target types.Type) {
	if e == nil || target == nil {
		return
	}
	nilable, ok := r.programToLibraryIface(r.typeOf(e), target)
	if !ok {
		return
	}
	from, ok1 := r.typeSource(r.typeOf(e))
	to, ok2 := r.typeSource(target)
	if !ok1 || !ok2 {
		return
	}
	check := ""
	if nilable && !neverNil(e) {
		shown := runtimeTypeString(r.typeOf(e))
		msg := fmt.Sprintf("concur cannot turn a nil %s into a value of interface %s: in Go that value is not nil (== nil is false: the typed-nil pitfall), "+
			"but concur's interpreter would make it nil, and the program would go on with the opposite answer. "+
			"Where there is no value, return or assign nil itself (return nil, not a nil %s)",
			shown, runtimeTypeString(target), shown)
		check = fmt.Sprintf("if %s_v == nil { panic(%s) }; ", reservedPrefix, strconv.Quote(msg))
	}
	r.insert(r.off(e.Pos()), fmt.Sprintf("func(%s_v %s) %s { %sreturn %s_v }(", reservedPrefix, from, to, check, reservedPrefix))
	if i := r.replace(r.off(e.End()), r.off(e.End()), ")"); i >= 0 {
		r.edits[i].early = true
	}
}

// programToLibraryIface reports whether converting a value of type from to
// target is one the interpreter gets wrong: from is a type of the program
// (or a pointer to one), target a library interface with methods; nilable
// says whether from's values can be nil.
func (r *rewriter) programToLibraryIface(from, target types.Type) (nilable, ok bool) {
	if from == nil || types.IsInterface(from) || !types.IsInterface(target) {
		return false, false
	}
	iface, _ := target.Underlying().(*types.Interface)
	if iface == nil || iface.NumMethods() == 0 {
		return false, false
	}
	if n, ok := types.Unalias(target).(*types.Named); ok && n.Obj().Pkg() != nil && r.isSessionPkg(n.Obj().Pkg()) {
		return false, false // the program's own interface
	}
	named := from
	switch u := from.Underlying().(type) {
	case *types.Pointer:
		nilable = true
		if _, ok := types.Unalias(from).(*types.Named); !ok {
			named = u.Elem()
		}
	case *types.Map, *types.Slice, *types.Chan, *types.Signature:
		nilable = true
	}
	n, ok := types.Unalias(named).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !r.isSessionPkg(n.Obj().Pkg()) || n.TypeArgs().Len() > 0 {
		return false, false
	}
	return nilable, true
}

// neverNil reports whether e's value cannot be nil.
func neverNil(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return e.Op == token.AND
	case *ast.FuncLit, *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok && id.Name == "new" {
			return true
		}
	}
	return false
}

// valueOperands hides from fmt the String and Error methods with a pointer
// receiver of a value operand: Go's fmt does not call them for a value
// (the value's method set lacks them) and prints its fields, where yaegi
// v0.16.1 hands fmt an addressable variable with them (measured: v printed
// as ptr(3), %d as {3 5461152}). The operand goes through a function that
// returns it as an any, which the interpreter hands on without methods.
func (r *rewriter) valueOperands(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || call.Ellipsis.IsValid() {
		return
	}
	fn, ok := r.objectOf(sel.Sel).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" {
		return
	}
	first, ok := printArg[fn.Name()]
	if !ok {
		f, isFormat := formatArg[fn.Name()]
		if !isFormat {
			return
		}
		first = f + 1
	}
	for _, a := range call.Args[min(first, len(call.Args)):] {
		t := r.typeOf(a)
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.Obj().Pkg() == nil || !r.isSessionPkg(n.Obj().Pkg()) || types.IsInterface(t) {
			continue
		}
		if printMethod(t) != "" || printMethod(types.NewPointer(t)) == "" {
			continue // the value has the method, or neither has it
		}
		name, ok := r.typeSource(t)
		if !ok {
			continue
		}
		r.insert(r.off(a.Pos()), "func("+reservedPrefix+"_v "+name+") any { return "+reservedPrefix+"_v }(")
		if i := r.replace(r.off(a.End()), r.off(a.End()), ")"); i >= 0 {
			r.edits[i].early = true
		}
	}
}

// printMethod is the method of t that fmt calls for %v: Error, else
// String, if t's method set has it with Go's signature.
func printMethod(t types.Type) string {
	ms := types.NewMethodSet(t)
	for _, name := range []string{"Error", "String"} {
		sel := ms.Lookup(nil, name)
		if sel == nil {
			continue
		}
		sig, ok := sel.Type().(*types.Signature)
		if ok && sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.String]) {
			return name
		}
	}
	return ""
}
