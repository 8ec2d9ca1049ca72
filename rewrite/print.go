package rewrite

import (
	"go/ast"
	"go/types"
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
