package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// builtinPkg is the name the Prelude imports package "concur/builtin"
// under (stdlib/builtin.go).
const builtinPkg = reservedPrefix + "_builtin"

// builtinImport is the Prelude's import of it.
const builtinImport = "import " + builtinPkg + ` "concur/builtin"` + "\n"

// printCall rewrites a call of the builtin print or println into a call of
// concur's own: yaegi writes them to standard output with fmt's %v (and a
// space between print's operands), Go's runtime to standard error, each
// operand by its type, an interface as its two words.
func (r *rewriter) printCall(e *ast.CallExpr, id *ast.Ident) {
	name, _ := r.printName(id)
	r.setName(id, name)
	r.printOperands(e)
	r.exprs(e.Args)
}

// printName is what a call of the builtin print or println (id) calls in
// yaegi's source; ok is false for any other function.
func (r *rewriter) printName(id *ast.Ident) (name string, ok bool) {
	if id.Name != "print" && id.Name != "println" || !r.isBuiltin(id) {
		return "", false
	}
	if id.Name == "println" {
		return builtinPkg + ".Println", true
	}
	return builtinPkg + ".Print", true
}

// printStatement makes a statement that calls fmt.Print, Println or Printf
// and reads no result call concur/builtin's FmtPrint, FmtPrintln or
// FmtPrintf, which print the same and return nothing: the interpreter's
// call of a function with results stores them, which costs a print about a
// third of its time (stdlib.printStatements).
func (r *rewriter) printStatement(s *ast.ExprStmt) {
	call, ok := s.X.(*ast.CallExpr)
	if !ok {
		return
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || r.pkgOf(pkg) != "fmt" {
		return
	}
	switch sel.Sel.Name {
	case "Print", "Println", "Printf":
		r.setName(pkg, builtinPkg)
		r.setName(sel.Sel, "Fmt"+sel.Sel.Name)
	}
}

// printOperands wraps each operand of an interface type of a call of print
// or println, so that the compiled function, which sees only the value
// inside, prints it as Go does: as the interface's two words. It walks
// nothing: the caller walks the operands (go and defer statements, which
// evaluate them first, too).
func (r *rewriter) printOperands(e *ast.CallExpr) {
	id, ok := e.Fun.(*ast.Ident)
	if !ok {
		return
	}
	if _, ok := r.printName(id); !ok {
		return
	}
	for _, a := range e.Args {
		if types.IsInterface(r.typeOf(a)) {
			r.insert(r.off(a.Pos()), builtinPkg+".Iface(")
			r.insert(r.off(a.End()), ")")
		}
	}
}

// panicTail ends the rewritten panic statement whose operand arg is in the
// temporary v: the note for the report (panicNote), the position for the
// engine, the panic. A nil interface value panics, as in Go 1.21, with a
// *runtime.PanicNilError (which recover returns), not with nil.
func (r *rewriter) panicTail(v string, arg ast.Expr, line, col int) string {
	value := v
	if t := r.typeOf(arg); t != nil && types.IsInterface(t) {
		value = builtinPkg + ".NilPanic(" + v + ")"
	}
	// The input's name goes with the place: a function an earlier input
	// declared panics in that input, not in the one running.
	return fmt.Sprintf("; %s__concur.At(%d, %d, %s, %s); panic(%s) }", r.panicNote(v, arg), line, col, value, strconv.Quote(r.filename), value)
}

// panicNil rewrites panic(nil) into a panic with Go 1.21's
// *runtime.PanicNilError.
func (r *rewriter) panicNil(call *ast.CallExpr) {
	r.insert(r.off(call.Args[0].Pos()), builtinPkg+".NilPanic(")
	r.insert(r.off(call.Args[0].End()), ")")
}

// panicNote is the call that tells concur, at a panic statement, what the
// value's static type says, for the report when nothing recovers it (Go
// prints an error by its Error method, a value of a named type as
// main.code(7)): the interpreter hides both from compiled code. v is the
// temporary holding the value, arg the learner's operand. It is empty when
// go/types gave no type.
func (r *rewriter) panicNote(v string, arg ast.Expr) string {
	t := r.typeOf(arg)
	if t == nil {
		return ""
	}
	t = types.Default(t)
	if !hasTypeParam(t) {
		r.refuseHiddenPanic(arg, t) // a generic's copies have their own types
	}
	if r.mono.generic != nil && hasTypeParam(t) {
		// In a generic declaration: each copy says what its type says.
		return r.newSeg(&monoSeg{kind: segPanicNote, typ: t, fn: v})
	}
	return panicNoteFor(v, t)
}

// panicNoteFor is panicNote for a value v of type t.
func panicNoteFor(v string, t types.Type) string {
	name := ""
	switch t.(type) {
	case *types.Interface, *types.TypeParam:
	default:
		if !types.IsInterface(t) {
			name = runtimeTypeString(t)
		}
	}
	method := "nil"
	switch {
	case types.Implements(t, errorInterface):
		method = "(func() string { return " + v + ".Error() })"
	case types.Implements(t, stringerInterface):
		method = "(func() string { return " + v + ".String() })"
	}
	return builtinPkg + ".Panicking(" + v + ", " + strconv.Quote(name) + ", " + method + "); "
}

var (
	errorInterface    = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	stringerInterface = types.NewInterfaceType([]*types.Func{
		types.NewFunc(token.NoPos, nil, "String", types.NewSignatureType(nil, nil, nil, nil,
			types.NewTuple(types.NewParam(token.NoPos, nil, "", types.Typ[types.String])), false)),
	}, nil).Complete()
)

// recoverCall passes what recover returns through concur's Recovered: the
// panic value itself, not the reflect.Value yaegi sometimes wraps it in,
// and Go's run-time error where yaegi panicked in its own words ("reflect:
// slice index out of range"). recover is still called by the deferred
// function itself, as Go requires.
func (r *rewriter) recoverCall(e *ast.CallExpr) {
	r.insert(r.off(e.Pos()), builtinPkg+".Recovered(")
	r.insert(r.off(e.End()), ")")
}
