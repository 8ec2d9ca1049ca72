package rewrite

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"unicode/utf8"
)

// errorsCall rewrites a call of errors.Is, As, AsType or Unwrap into a
// call of the prelude's (errprelude.go), which sees the methods of the
// program's errors; it reports whether it did. errors.As and AsType need
// the target's type, which the rewrite knows: the call hands the prelude a
// function that assigns an error of that type to the target:
//
//	errors.As(err, &qe)            -> func(__concur_e error, __concur_t **QueryError) bool { return __concur_errorsAs(__concur_e, __concur_t, __concur_t == nil, func(__concur_x error) bool { ... }) }(err, &qe)
//	errors.AsType[timeoutError](e) -> func(__concur_e error) (timeoutError, bool) { var __concur_t timeoutError; ... }(e)
//
// A target of a type it cannot write, or that neither is an interface nor
// implements error (errors.As panics), stays with Go's errors.As.
func (r *rewriter) errorsCall(e *ast.CallExpr) bool {
	if e.Ellipsis.IsValid() {
		return false
	}
	fun := ast.Unparen(e.Fun)
	var typeArg ast.Expr
	if ix, ok := fun.(*ast.IndexExpr); ok {
		fun, typeArg = ix.X, ix.Index
	}
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := r.objectOf(sel.Sel).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "errors" || fn.Signature().Recv() != nil {
		return false
	}
	if r.refuseValueErrors(e, fn.Name(), typeArg) {
		return true
	}
	name := ""
	switch {
	case fn.Name() == "Is" && len(e.Args) == 2 && typeArg == nil:
		if t := r.typeOf(e.Args[1]); r.programConcrete(t) && !r.structPointer(t) {
			return false // refuseErrorsIs
		}
		name = reservedPrefix + "_errorsIs"
	case fn.Name() == "Unwrap" && len(e.Args) == 1 && typeArg == nil:
		name = reservedPrefix + "_errorsUnwrap"
	case fn.Name() == "As" && len(e.Args) == 2 && typeArg == nil:
		pt := r.typeOf(e.Args[1])
		p, ok := types.Unalias(pt).Underlying().(*types.Pointer)
		if !ok {
			return false
		}
		ptText, ok1 := r.typeSource(pt)
		match, ok2 := r.errorsMatch(p.Elem(), "*"+reservedPrefix+"_t", e.Args[1].Pos())
		if !ok1 || !ok2 {
			return false
		}
		r.replace(r.off(e.Pos()), r.off(e.Lparen), "func("+reservedPrefix+"_e error, "+reservedPrefix+"_t "+ptText+") bool { return "+
			reservedPrefix+"_errorsAs("+reservedPrefix+"_e, "+reservedPrefix+"_t, "+reservedPrefix+"_t == nil, "+match+") }")
		r.exprs(e.Args)
		return true
	case fn.Name() == "AsType" && len(e.Args) == 1 && typeArg != nil:
		et := r.typeOf(typeArg)
		etText, ok1 := r.typeSource(et)
		match, ok2 := r.errorsMatch(et, reservedPrefix+"_t", typeArg.Pos())
		if !ok1 || !ok2 {
			return false
		}
		r.replace(r.off(e.Pos()), r.off(e.Lparen), "func("+reservedPrefix+"_e error) ("+etText+", bool) { var "+reservedPrefix+"_t "+etText+
			"; if "+reservedPrefix+"_e == nil { return "+reservedPrefix+"_t, false }; ok := "+reservedPrefix+"_errorsAs("+reservedPrefix+"_e, &"+reservedPrefix+"_t, false, "+
			"func("+reservedPrefix+"_x error) bool { return ("+match+")("+reservedPrefix+"_x) }); return "+reservedPrefix+"_t, ok }")
		r.exprs(e.Args)
		return true
	default:
		return false
	}
	r.replace(r.off(e.Fun.Pos()), r.off(e.Fun.End()), name)
	for _, a := range e.Args {
		r.expr(r.dropIfaceConversion(a), 0)
	}
	return true
}

// refuseValueErrors refuses errors.Is, As, AsType and Unwrap where the
// program's errors of a struct type are values, not pointers: yaegi
// v0.16.1 cannot take such a value back out of an interface with methods
// (`var e error = T{}`; e.(T) is false, or panics in reflect.Set), so the
// prelude's walk could not see its Unwrap, Is or As method, nor match it
// as errors.As's target. It reports whether it refused.
func (r *rewriter) refuseValueErrors(e *ast.CallExpr, fn string, typeArg ast.Expr) bool {
	var target types.Type
	switch {
	case fn == "As" && len(e.Args) == 2:
		if p, ok := types.Unalias(r.typeOf(e.Args[1])).Underlying().(*types.Pointer); ok {
			target = p.Elem()
		}
	case fn == "AsType" && typeArg != nil:
		target = r.typeOf(typeArg)
	}
	if n, ok := types.Unalias(target).(*types.Named); ok && r.structOrPointer(n) && r.isSessionPkg(n.Obj().Pkg()) {
		r.errorf(e.Pos(), "errors.%s with a target of the program's struct type %s is not supported by concur: its interpreter cannot take a %s value "+
			"back out of an error; give %s's methods pointer receivers (func (e *%s) Error() string) and match *%s",
			fn, n.Obj().Name(), n.Obj().Name(), n.Obj().Name(), n.Obj().Name(), n.Obj().Name())
		return true
	}
	if fn != "Is" && fn != "As" && fn != "AsType" && fn != "Unwrap" {
		return false
	}
	errIface := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	for _, n := range r.liveTypes() {
		if _, isStruct := n.Underlying().(*types.Struct); !isStruct || !types.Implements(n, errIface) {
			continue
		}
		ms := types.NewMethodSet(n)
		for _, m := range []string{"Unwrap", "Is", "As"} {
			if ms.Lookup(nil, m) == nil {
				continue
			}
			r.errorf(e.Pos(), "errors.%s is not supported by concur while the program's %s has its %s method on the value (func (e %s) %s): "+
				"its interpreter cannot take a %s value back out of an error, so errors.%s would not see the method; "+
				"give %s's methods pointer receivers (func (e *%s) %s) and use *%s values",
				fn, n.Obj().Name(), m, n.Obj().Name(), m, n.Obj().Name(), fn, n.Obj().Name(), n.Obj().Name(), m, n.Obj().Name())
			return true
		}
	}
	return false
}

// errorsMatch is the function that assigns an error of type t to the
// target tgt (a variable of type t), for errors.As and AsType.
func (r *rewriter) errorsMatch(t types.Type, tgt string, pos token.Pos) (string, bool) {
	if t == nil {
		return "", false
	}
	text, ok := r.typeSource(t)
	if !ok || !r.topLevelType(t) {
		return "", false
	}
	x := reservedPrefix + "_x"
	head := "func(" + x + " error) bool { "
	errType := types.Universe.Lookup("error").Type()
	if iface, ok := t.Underlying().(*types.Interface); ok {
		if types.Identical(iface, errType.Underlying()) {
			return head + tgt + " = " + x + "; return true }", true // error itself
		}
		if n := r.valueInIface(errType, iface); n != nil {
			r.errorf(pos, "errors.As and errors.AsType with a target of interface type %s are not supported by concur while the program's struct type %s implements it as a value: "+
				"its interpreter cannot take a %s value back out of an error; give %s's methods pointer receivers and use *%s values",
				types.TypeString(t, types.RelativeTo(r.checked.Pkg)), n.Obj().Name(), n.Obj().Name(), n.Obj().Name(), n.Obj().Name())
			return "", false
		}
		if h, ok := r.assertHelperFor(errType, t); ok {
			return head + "if v, ok := " + h.name + "(" + x + "); ok { " + tgt + " = v; return true }; return false }", true
		}
		return head + "if v, ok := " + x + ".(" + text + "); ok { " + tgt + " = v; return true }; return false }", true
	}
	if !types.Implements(t, errType.Underlying().(*types.Interface)) {
		return "", false
	}
	if r.programConcrete(t) && !r.structOrPointer(t) {
		return "", false // the interpreter cannot tell it from its underlying type
	}
	return head + "if v, ok := " + x + ".(" + text + "); ok { " + tgt + " = v; return true }; return false }", true
}

// structOrPointer reports whether t is a struct type of the program's or
// a pointer to one.
func (r *rewriter) structOrPointer(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	_, isStruct := n.Underlying().(*types.Struct)
	return isStruct
}

// boxWrapped puts each operand of fmt.Errorf's %w verbs, and each error
// given to errors.Join, of an interface type or a struct type of the
// program's, in the prelude's box (__concur_box, a pointer to a struct of
// the prelude's that holds it). The interpreter hands library code an error
// of the program's in a wrapper of its own, which does not always come
// back as the error (a struct of one field comes back as that field), and
// a box does; the prelude's Unwrap steps take the error out again. It
// returns what closes the boxes, for after the operands are walked.
func (r *rewriter) boxWrapped(e *ast.CallExpr) (closeBoxes func()) {
	closeBoxes = func() {}
	sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	fn, ok := r.objectOf(sel.Sel).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return
	}
	var operands []ast.Expr
	switch {
	case fn.Pkg().Path() == "fmt" && fn.Name() == "Errorf" && len(e.Args) > 1 && !e.Ellipsis.IsValid():
		v := r.constValue(e.Args[0])
		if v == nil || v.Kind() != constant.String {
			return
		}
		idx, ok := wrapOperands(constant.StringVal(v))
		if !ok {
			return
		}
		for _, i := range idx {
			if i+1 < len(e.Args) {
				operands = append(operands, e.Args[i+1])
			}
		}
	case fn.Pkg().Path() == "errors" && fn.Name() == "Join":
		if e.Ellipsis.IsValid() {
			if len(e.Args) == 1 {
				r.insert(r.off(e.Args[0].Pos()), reservedPrefix+"_boxAll(")
				end := r.off(e.Args[0].End())
				return func() { r.insert(end, ")") }
			}
			return
		}
		operands = e.Args
	default:
		return
	}
	errType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	var ends []int
	for _, a := range operands {
		t := r.typeOf(a)
		if t == nil || r.isNil(a) || !types.Implements(t, errType) || !(types.IsInterface(t) || r.structPointer(t)) {
			continue
		}
		if _, lit := a.(*ast.FuncLit); lit {
			continue
		}
		r.boxed[a] = true
		r.insert(r.off(a.Pos()), reservedPrefix+"_box(")
		ends = append(ends, r.off(a.End()))
	}
	return func() {
		for _, at := range ends {
			r.insert(at, ")")
		}
	}
}

// wrapOperands returns the indices of the operands of format's %w verbs;
// ok is false for a format that chooses its operands ([n]).
func wrapOperands(format string) (idx []int, ok bool) {
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '[' {
			return nil, false
		}
		if i < len(format) && format[i] == '*' {
			arg++
			i++
		}
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			i++
		}
		if i < len(format) && format[i] == '.' {
			i++
			if i < len(format) && format[i] == '*' {
				arg++
				i++
			}
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				i++
			}
		}
		if i < len(format) && format[i] == '[' {
			return nil, false
		}
		if i >= len(format) {
			break
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		i += size - 1
		if verb == '%' {
			continue
		}
		if verb == 'w' {
			idx = append(idx, arg)
		}
		arg++
	}
	return idx, true
}

// errCompare rewrites x == y (and x != y) between errors, where one is an
// interface and the other an interface or a pointer to a struct type of
// the program's, into a call of the prelude's __concur_errEqual: the
// interpreter's == compares its own wrappers of the program's values there
// (false where Go's is true, or a panic: comparing uncomparable type
// interp._error). It reports whether it did; the operands are walked.
func (r *rewriter) errCompare(e *ast.BinaryExpr) bool {
	if e.Op != token.EQL && e.Op != token.NEQ || r.isNil(e.X) || r.isNil(e.Y) {
		return false
	}
	tx, ty := r.typeOf(e.X), r.typeOf(e.Y)
	if tx == nil || ty == nil {
		return false
	}
	errIface := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	if !types.Implements(tx, errIface) || !types.Implements(ty, errIface) {
		return false
	}
	side := func(t types.Type) bool { return types.IsInterface(t) || r.structPointer(t) }
	if !(types.IsInterface(tx) || types.IsInterface(ty)) || !side(tx) || !side(ty) {
		return false
	}
	call := reservedPrefix + "_errEqual("
	if e.Op == token.NEQ {
		call = "!" + call
	}
	r.insert(r.off(e.X.Pos()), call)
	r.replace(r.off(e.X.End()), r.off(e.Y.Pos()), ", ")
	r.expr(r.dropIfaceConversion(e.X), 0)
	r.expr(r.dropIfaceConversion(e.Y), 0)
	r.insert(r.off(e.Y.End()), ")")
	return true
}

// dropIfaceConversion takes away the conversion of an argument to an
// interface type (error(qe) passed as an error): yaegi v0.16.1 panics in
// reflect.Set on a conversion of a pointer of the program's handed to an
// interpreted function's parameter of that interface, and the parameter
// converts it alike. It returns the expression to walk.
func (r *rewriter) dropIfaceConversion(x ast.Expr) ast.Expr {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Ellipsis.IsValid() || r.callOf(call) != callConversion || !types.IsInterface(r.typeOf(call)) {
		return x
	}
	r.replace(r.off(x.Pos()), r.off(call.Args[0].Pos()), "")
	r.replace(r.off(call.Args[0].End()), r.off(x.End()), "")
	return call.Args[0]
}

// structPointer reports whether t is a pointer to a struct type of the
// program's: the errors of the program's that the interpreter hands
// library code and takes back intact.
func (r *rewriter) structPointer(t types.Type) bool {
	_, isPtr := types.Unalias(t).(*types.Pointer)
	return isPtr && r.structOrPointer(t) && r.programConcrete(t)
}

// refuseErrorsValue refuses errors.Is, As, AsType or Unwrap used as a
// function value (f := errors.Is): only a call of one becomes the
// prelude's (errorsCall), and Go's own would miss the methods of the
// program's errors. It reports whether it refused.
func (r *rewriter) refuseErrorsValue(e *ast.SelectorExpr) bool {
	fn, ok := r.objectOf(e.Sel).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "errors" || fn.Signature().Recv() != nil {
		return false
	}
	switch fn.Name() {
	case "Is", "As", "AsType", "Unwrap":
	default:
		return false
	}
	r.errorf(e.Pos(), "errors.%s as a function value is not supported by concur: only a call of it sees the methods of the program's errors; "+
		"call errors.%s inside a function literal instead", fn.Name(), fn.Name())
	return true
}
