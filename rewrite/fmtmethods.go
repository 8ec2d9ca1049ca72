package rewrite

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// printArg is, for fmt's functions that print their operands with %v and
// take no format, the index of the first operand.
var printArg = map[string]int{"Print": 0, "Println": 0, "Sprint": 0, "Sprintln": 0, "Fprint": 1, "Fprintln": 1, "Append": 1, "Appendln": 1}

// logPrintArg and logFormatArg are printArg and formatArg for package
// log's functions and *log.Logger's methods, which print with fmt.
var (
	logPrintArg  = map[string]int{"Print": 0, "Println": 0, "Fatal": 0, "Fatalln": 0, "Panic": 0, "Panicln": 0}
	logFormatArg = map[string]int{"Printf": 0, "Fatalf": 0, "Panicf": 0}
)

// methodOperands makes fmt call the String (or Error) method of the
// elements of a slice, an array or a map's values, of a type the program
// declares, and the String method of a generic type's value: yaegi gives
// fmt a []color as a []int, whose elements have no methods, and a
// Pair[string, int] without its methods. Each such operand printed with %v
// or %s (any operand of Print, Println, Sprint, ...) becomes a copy whose
// elements are fmt.Stringer (or error) values, which the interpreter hands
// to fmt with their methods:
//
//	func(__concur_sN []color) []fmt.Stringer { ...copy... }(x)
//
// (each element converted by a function: converted in place in the loop,
// every element became the last one).
//
// It opens the copy before the operands are walked; the function it
// returns closes it after (call it before typedOperands' closer: the copy
// goes inside concur/builtin.Typed).
func (r *rewriter) methodOperands(e *ast.CallExpr) (closeCopies func()) {
	closeCopies = func() {}
	sel, ok := e.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	fn, ok := r.objectOf(sel.Sel).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	// fmtName: what names package fmt in the text the copies add.
	var fmtName string
	printArgs, formatArgs := printArg, formatArg
	switch fn.Pkg().Path() {
	case "fmt":
		pkg, ok := sel.X.(*ast.Ident)
		if !ok || r.pkgOf(pkg) != "fmt" {
			return
		}
		fmtName = pkg.Name
	case "log":
		fmtName = builtinPkg // log's functions and *log.Logger's methods
		printArgs, formatArgs = logPrintArg, logFormatArg
	default:
		return
	}
	var operands []ast.Expr
	if first, ok := printArgs[fn.Name()]; ok {
		operands = e.Args[min(first, len(e.Args)):]
	} else if f, ok := formatArgs[fn.Name()]; ok && f < len(e.Args) {
		verbs, ok := r.plainVerbs(e.Args[f])
		if !ok {
			return
		}
		all := true
		var others []ast.Expr // operands whose verbs print no method
		for i, a := range e.Args[f+1:] {
			if i < len(verbs) && verbs[i] {
				operands = append(operands, a)
			} else {
				all = false
				if i < len(verbs) {
					others = append(others, a)
				}
			}
		}
		if fmtName != builtinPkg && !e.Ellipsis.IsValid() {
			closeNamed := r.dynNamed(others)
			defer func() {
				inner := closeCopies
				closeCopies = func() { inner(); closeNamed() }
			}()
		}
		if e.Ellipsis.IsValid() && (!all || len(verbs) == 0) {
			return // a spread list's operands each have a verb we cannot see
		}
	}
	if e.Ellipsis.IsValid() {
		// fmt.Println(items...): the list's values, each asked for
		// its method (fmtany.go).
		if len(operands) == 0 {
			return
		}
		last := operands[len(operands)-1]
		if open, ok := r.dynamicCopy(r.typeOf(last), last.Pos()); ok {
			r.insert(r.off(last.Pos()), open)
			return func() { r.insert(r.off(last.End()), ")") }
		}
		return
	}
	var closers []int
	var closeTexts []string
	wrap := func(a ast.Expr, open, close string) {
		r.insert(r.off(a.Pos()), open)
		closers = append(closers, r.off(a.End()))
		closeTexts = append(closeTexts, close)
	}
	for _, a := range operands {
		if _, lit := a.(*ast.FuncLit); lit || r.boxed[a] {
			continue
		}
		if open, ok := r.dynamicCopy(r.typeOf(a), a.Pos()); ok {
			wrap(a, open, ")")
			continue
		}
		if t := r.typeOf(a); r.mono.generic != nil && hasTypeParam(t) {
			// In a generic declaration: each copy makes the copy its
			// operand's type needs, if any (mono.go).
			wrap(a, r.newSeg(&monoSeg{kind: segMethodOpen, typ: t, fn: fmtName}), r.newSeg(&monoSeg{kind: segMethodClose, typ: t, fn: fmtName}))
			continue
		}
		if fn.Name() == "Errorf" && r.unwraps(r.typeOf(a)) && !r.structPointer(r.typeOf(a)) {
			r.errorf(a.Pos(), "fmt.Errorf with an error of the program's type %s, which has an Unwrap method, is not supported by concur: "+
				"its interpreter hands library code the error without that method, so errors.Is and errors.As would not look inside it; "+
				"return the %s itself, or wrap a sentinel made by errors.New", runtimeTypeString(r.typeOf(a)), runtimeTypeString(r.typeOf(a)))
			continue
		}
		if open, ok := r.minMaxOperand(a, fmtName); ok {
			wrap(a, open, ")")
			continue
		}
		open, ok := r.methodCopy(r.typeOf(a), fmtName)
		if iface, method := r.printMethod(r.typeOf(a), fmtName); !ok && method && fmtName == builtinPkg && iface != "error" {
			// log hands fmt a value of the program's without its String
			// method, where fmt itself gets it.
			open, ok = builtinPkg+".AsStringer(", true
		}
		if !ok {
			r.refuseHiddenMethod(a)
			continue
		}
		wrap(a, open, ")")
	}
	return func() {
		for i, at := range closers {
			r.insert(at, closeTexts[i])
		}
	}
}

// unwraps reports whether t is a type of the program's with an Unwrap
// method (errors.Is and errors.As look through it).
func (r *rewriter) unwraps(t types.Type) bool {
	if t == nil || types.IsInterface(t) || !r.holdsProgramType(t, 0) {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Unwrap")
	_, isFunc := obj.(*types.Func)
	return isFunc
}

// methodCopy returns the opening of the copy methodOperands makes of an
// operand of type t (fmtName is package fmt's name in the source), and
// whether t needs one.
func (r *rewriter) methodCopy(t types.Type, fmtName string) (string, bool) {
	if t == nil || types.IsInterface(t) || !r.holdsProgramType(t, 0) {
		return "", false
	}
	ts, ok := r.typeSource(t)
	if !ok {
		return "", false
	}
	id := reservedPrefix + "_s" + itoa(r.nextID())
	switch u := t.Underlying().(type) {
	case *types.Slice, *types.Array:
		elem := listElem(u)
		iface, ok := r.printMethod(elem, fmtName)
		if !ok {
			return "", false
		}
		es, ok := r.typeSource(elem)
		if !ok {
			return "", false
		}
		return "func(" + id + " " + ts + ") []" + iface + " { " + id + "_o := make([]" + iface + ", len(" + id + ")); " +
			id + "_f := func(v " + es + ") " + iface + " { return v }; " +
			"for " + id + "_i := range " + id + " { " + id + "_o[" + id + "_i] = " + id + "_f(" + id + "[" + id + "_i]) }; return " + id + "_o }(", true
	case *types.Map:
		if _, keyMethod := r.printMethod(u.Key(), fmtName); keyMethod {
			return "", false // an interface key of the interpreter's is not hashable
		}
		iface, ok := r.printMethod(u.Elem(), fmtName)
		if !ok {
			return "", false
		}
		ks, ok := r.typeSource(u.Key())
		es, ok2 := r.typeSource(u.Elem())
		if !ok || !ok2 {
			return "", false
		}
		m := "map[" + ks + "]" + iface
		return "func(" + id + " " + ts + ") " + m + " { if " + id + " == nil { return nil }; " + id + "_o := make(" + m + ", len(" + id + ")); " +
			id + "_f := func(v " + es + ") " + iface + " { return v }; " +
			"for " + id + "_k := range " + id + " { " + id + "_o[" + id + "_k] = " + id + "_f(" + id + "[" + id + "_k]) }; return " + id + "_o }(", true
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.TypeArgs().Len() > 0 {
		if iface, ok := r.printMethod(t, fmtName); ok {
			return "func(v " + ts + ") " + iface + " { return v }(", true
		}
	}
	if iface, ok := r.printMethod(t, fmtName); ok && iface == "error" {
		// A value of the program's with an Error method, itself: the
		// interpreter hands fmt its String method but not its Error
		// method, so fmt printed &{key} for an error that says "key not
		// found", and %w failed.
		return "func(v " + ts + ") error { return v }(", true
	}
	return "", false
}

// printMethod returns the interface through which fmt prints values of
// type t by a method of the program's (error for an Error method,
// fmt.Stringer for a String method), and whether t has one.
func (r *rewriter) printMethod(t types.Type, fmtName string) (string, bool) {
	if types.IsInterface(t) || !r.holdsProgramType(t, 0) {
		return "", false
	}
	if types.Implements(t, errorType) {
		return "error", true
	}
	if types.Implements(t, stringerType) {
		return fmtName + ".Stringer", true
	}
	return "", false
}

var (
	errorType    = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	stringerType = types.NewInterfaceType([]*types.Func{
		types.NewFunc(token.NoPos, nil, "String", types.NewSignatureType(nil, nil, nil, nil,
			types.NewTuple(types.NewVar(token.NoPos, nil, "", types.Typ[types.String])), false)),
	}, nil).Complete()
)

// plainVerbs reads a constant format and reports, for each operand in
// order, whether its verb is one that calls a String or Error method
// (%v, %s, %q, %x, %X, and Errorf's %w) without the # flag. It fails for a format
// that is not constant or uses argument indexes or * widths.
func (r *rewriter) plainVerbs(format ast.Expr) ([]bool, bool) {
	tv, ok := r.info.Types[format]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return nil, false
	}
	f := constant.StringVal(tv.Value)
	var verbs []bool
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		sharp := false
		for i < len(f) && strings.IndexByte("+-# 0", f[i]) >= 0 {
			sharp = sharp || f[i] == '#'
			i++
		}
		for i < len(f) && (f[i] >= '0' && f[i] <= '9' || f[i] == '.') {
			i++
		}
		if i >= len(f) {
			break
		}
		switch f[i] {
		case '*', '[':
			return nil, false
		case '%':
			continue
		}
		verbs = append(verbs, !sharp && strings.IndexByte("vsqxXw", f[i]) >= 0)
	}
	return verbs, true
}

// refuseHiddenMethod refuses an operand printed with a verb that calls
// methods when fmt would call a String or Error method of the program's
// somewhere inside it that concur cannot make it call (methodOperands
// copies slices', arrays' and maps' elements): a map's key, a struct's
// exported field, the elements of nested slices. The interpreter gives fmt
// those values without their methods, so concur would print the bare value.
func (r *rewriter) refuseHiddenMethod(a ast.Expr) {
	if msg := r.hiddenMethodRefusal(r.typeOf(a)); msg != "" {
		r.errorf(a.Pos(), "%s", msg)
	}
}

// hiddenMethodRefusal is refuseHiddenMethod's message for an operand of
// type t, or "".
func (r *rewriter) hiddenMethodRefusal(t types.Type) string {
	if t == nil || types.IsInterface(t) || !r.holdsProgramType(t, 0) {
		return ""
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem() // fmt prints &{...} of a pointer to a struct at the top
	}
	if _, ok := r.printMethod(t, "fmt"); ok {
		return "" // fmt gets it with its methods
	}
	inner, where := r.hiddenMethod(t, 0)
	if inner == nil {
		return ""
	}
	method := "String"
	if types.Implements(inner, errorType) {
		method = "Error"
	}
	return fmt.Sprintf("fmt cannot call the %s method of %s %s in concur (its interpreter hands fmt such values without their methods); "+
		"print them one by one, or call %s yourself", method, runtimeTypeString(inner), where, method)
}

// hiddenMethod finds, inside a value of type t that fmt prints, a type of
// the program's with a String or Error method below the top (depth 0), and
// says where it is.
func (r *rewriter) hiddenMethod(t types.Type, depth int) (types.Type, string) {
	if depth > 8 || types.IsInterface(t) {
		return nil, ""
	}
	if depth > 0 {
		if _, ok := r.printMethod(t, "fmt"); ok {
			return t, ""
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		if in, _ := r.hiddenMethod(u.Elem(), depth+1); in != nil {
			return in, "inside a " + runtimeTypeString(t)
		}
	case *types.Array:
		if in, _ := r.hiddenMethod(u.Elem(), depth+1); in != nil {
			return in, "inside a " + runtimeTypeString(t)
		}
	case *types.Map:
		if in, _ := r.hiddenMethod(u.Key(), depth+1); in != nil {
			return in, "as a key of a " + runtimeTypeString(t)
		}
		if in, _ := r.hiddenMethod(u.Elem(), depth+1); in != nil {
			return in, "inside a " + runtimeTypeString(t)
		}
	case *types.Struct:
		for i := range u.NumFields() {
			f := u.Field(i)
			if !f.Exported() {
				continue // fmt calls no method below an unexported field
			}
			if in, _ := r.hiddenMethod(f.Type(), depth+1); in != nil {
				return in, "in field " + f.Name() + " of a " + runtimeTypeString(t)
			}
		}
	}
	return nil, ""
}

// listElem is the element type of a slice or array type u.
func listElem(u types.Type) types.Type {
	if s, ok := u.(*types.Slice); ok {
		return s.Elem()
	}
	return u.(*types.Array).Elem()
}

// minMaxOperand returns the opening of a conversion that hands fmt the
// result of the builtin min or max of values of the program's type with a
// String or Error method with that method: the prelude's generic min
// hands it over as its underlying value (min(T(7), T(6)) printed 6).
func (r *rewriter) minMaxOperand(a ast.Expr, fmtName string) (string, bool) {
	call, ok := ast.Unparen(a).(*ast.CallExpr)
	if !ok {
		return "", false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || id.Name != "min" && id.Name != "max" || !r.isBuiltin(id) {
		return "", false
	}
	t := r.typeOf(a)
	iface, ok := r.printMethod(t, fmtName)
	if !ok {
		return "", false
	}
	ts, ok := r.typeSource(t)
	if !ok {
		return "", false
	}
	return "func(v " + ts + ") " + iface + " { return v }(", true
}
