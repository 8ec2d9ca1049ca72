package rewrite

import (
	"go/ast"
	"go/token"
	"strconv"
)

func itoa(n int) string { return strconv.Itoa(n) }

// intTypes are the predeclared integer types.
var intTypes = map[string]bool{
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"uintptr": true, "byte": true, "rune": true,
}

// isIntType reports whether a type expression is a predeclared integer type
// that the learner has not redeclared.
func (r *rewriter) isIntType(t ast.Expr) bool {
	id, ok := ast.Unparen(t).(*ast.Ident)
	return ok && intTypes[id.Name] && r.isBuiltin(id.Name)
}

// isIntExpr decides from syntax alone whether an expression has an integer
// type (or is an untyped integer constant). false means "not known".
func (r *rewriter) isIntExpr(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return e.Kind == token.INT || e.Kind == token.CHAR
	case *ast.Ident:
		if o := r.lookup(e.Name); o != nil {
			return o.isInt && (o.kind == objVar || o.kind == objConst)
		}
		if e.Name == "iota" && r.isBuiltin("iota") {
			return true
		}
		return r.env.Ints[e.Name]
	case *ast.UnaryExpr:
		switch e.Op {
		case token.ADD, token.SUB, token.XOR:
			return r.isIntExpr(e.X)
		}
	case *ast.BinaryExpr:
		return r.isIntBinary(e)
	case *ast.CallExpr:
		return r.isIntCall(e)
	}
	return false
}

// isIntBinary: integer operands give an integer; so does an integer variable
// with any numeric constant, which Go converts to the variable's type.
func (r *rewriter) isIntBinary(e *ast.BinaryExpr) bool {
	switch e.Op {
	case token.SHL, token.SHR:
		return r.isIntExpr(e.X)
	case token.ADD, token.SUB, token.MUL, token.QUO, token.REM,
		token.AND, token.OR, token.XOR, token.AND_NOT:
		x, y := r.isIntExpr(e.X), r.isIntExpr(e.Y)
		if x && y {
			return true
		}
		return (x && !r.isConstExpr(e.X) && r.isConstExpr(e.Y)) ||
			(y && !r.isConstExpr(e.Y) && r.isConstExpr(e.X))
	}
	return false
}

// intOperands reports whether min or max of args is an integer: all are
// integers, or integer variables with constants converted to their type.
// Each argument is classified once: arguments nest.
func (r *rewriter) intOperands(args []ast.Expr) bool {
	typed, allInt := false, len(args) > 0
	for _, a := range args {
		isInt, isConst := r.isIntExpr(a), r.isConstExpr(a)
		switch {
		case isInt && !isConst:
			typed = true
		case !isConst:
			return false
		}
		allInt = allInt && isInt
	}
	return typed || allInt
}

// isIntCall: len, cap, min and max of integers, integer conversions and functions of this input whose
// only result is an integer.
func (r *rewriter) isIntCall(e *ast.CallExpr) bool {
	id, ok := ast.Unparen(e.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	if o := r.lookup(id.Name); o != nil {
		return o.kind == objFunc && o.isInt
	}
	switch {
	case id.Name == "len" || id.Name == "cap":
		return r.isBuiltin(id.Name)
	case id.Name == "min" || id.Name == "max":
		return r.isBuiltin(id.Name) && r.intOperands(e.Args)
	case intTypes[id.Name]:
		return r.isBuiltin(id.Name) && len(e.Args) == 1
	}
	return false
}

// isConstExpr reports whether an expression is a constant: literals,
// constants of this input or session, true/false/nil, and operators on them.
func (r *rewriter) isConstExpr(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		if o := r.lookup(e.Name); o != nil {
			return o.kind == objConst
		}
		switch e.Name {
		case "true", "false", "nil":
			return r.isBuiltin(e.Name)
		}
		return r.env.Consts[e.Name]
	case *ast.UnaryExpr:
		switch e.Op {
		case token.ADD, token.SUB, token.XOR, token.NOT:
			return r.isConstExpr(e.X)
		}
	case *ast.BinaryExpr:
		return r.isConstExpr(e.X) && r.isConstExpr(e.Y)
	case *ast.CallExpr:
		_, ok := r.foldCall(e)
		return ok
	}
	return false
}

// iterFuncs are standard functions returning range-over-func iterators.
var iterFuncs = map[string]bool{
	"slices.All": true, "slices.Values": true, "slices.Backward": true, "slices.Chunk": true,
	"maps.All": true, "maps.Keys": true, "maps.Values": true,
	"strings.Lines": true, "strings.SplitSeq": true, "strings.SplitAfterSeq": true,
	"strings.FieldsSeq": true, "strings.FieldsFuncSeq": true,
	"bytes.Lines": true, "bytes.SplitSeq": true, "bytes.SplitAfterSeq": true,
	"bytes.FieldsSeq": true, "bytes.FieldsFuncSeq": true,
}

// isIterExpr reports whether an expression is known to be a function value,
// which a range statement could only iterate as a Go 1.23 iterator.
func (r *rewriter) isIterExpr(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return true
	case *ast.Ident:
		o := r.lookup(e.Name)
		return o != nil && o.kind == objVar && o.isIter
	case *ast.CallExpr:
		switch fun := ast.Unparen(e.Fun).(type) {
		case *ast.Ident:
			o := r.lookup(fun.Name)
			return o != nil && o.kind == objFunc && o.isIter
		case *ast.SelectorExpr:
			x, ok := fun.X.(*ast.Ident)
			return ok && iterFuncs[r.pkgPath(x.Name)+"."+fun.Sel.Name]
		}
	}
	return false
}

// isIterType reports whether a type expression is a function type or one of
// package iter's sequence types.
func isIterType(t ast.Expr) bool {
	switch t := ast.Unparen(t).(type) {
	case *ast.FuncType:
		return true
	case *ast.IndexExpr:
		return isIterType(t.X)
	case *ast.IndexListExpr:
		return isIterType(t.X)
	case *ast.SelectorExpr:
		x, ok := t.X.(*ast.Ident)
		return ok && x.Name == "iter" && (t.Sel.Name == "Seq" || t.Sel.Name == "Seq2")
	}
	return false
}

// refKind is what is known of a variable's type, for method receivers.
type refKind uint8

const (
	refUnknown refKind = iota
	refPointer         // a pointer or an interface: copying it keeps its identity
	refMap             // a map or a string: its elements are not addressable
)

// refOfType classifies a variable by its declared type.
func (r *rewriter) refOfType(t ast.Expr) refKind {
	switch t := ast.Unparen(t).(type) {
	case *ast.StarExpr, *ast.InterfaceType:
		return refPointer
	case *ast.MapType:
		return refMap
	case *ast.Ident:
		if t.Name == "string" && r.isBuiltin(t.Name) {
			return refMap
		}
	}
	return refUnknown
}

// refOfValue classifies a variable by the value it is declared with.
func (r *rewriter) refOfValue(e ast.Expr) refKind {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return refPointer
		}
	case *ast.CompositeLit:
		return r.refOfType(e.Type)
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			return refMap
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && len(e.Args) > 0 {
			switch {
			case id.Name == "new" && r.isBuiltin("new"):
				return refPointer
			case id.Name == "make" && r.isBuiltin("make"):
				return r.refOfType(e.Args[0])
			}
		}
	}
	return refUnknown
}

// typedObject describes a variable or constant declared with a type.
func (r *rewriter) typedObject(kind objKind, t ast.Expr) *object {
	return &object{kind: kind, isInt: r.isIntType(t), isIter: isIterType(t), ref: r.refOfType(t), seq: r.isSeqType(t), isChan: isChanType(t)}
}

// valueObject describes a variable or constant declared with a value.
func (r *rewriter) valueObject(kind objKind, e ast.Expr) *object {
	return &object{kind: kind, isInt: r.isIntExpr(e), isIter: r.isIterExpr(e), ref: r.refOfValue(e), seq: r.isSeqExpr(e), isChan: r.isChanExpr(e)}
}

// isSeqType reports whether a type is a slice, an array or string: ranging
// over it gives integer keys.
func (r *rewriter) isSeqType(t ast.Expr) bool {
	switch t := ast.Unparen(t).(type) {
	case *ast.ArrayType:
		return true
	case *ast.Ident:
		return t.Name == "string" && r.isBuiltin(t.Name)
	}
	return false
}

// isSeqExpr reports whether an expression is known to be a slice, an array
// or a string.
func (r *rewriter) isSeqExpr(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return e.Kind == token.STRING
	case *ast.CompositeLit:
		return r.isSeqType(e.Type)
	case *ast.SliceExpr:
		return true
	case *ast.Ident:
		if o := r.lookup(e.Name); o != nil {
			return o.seq && (o.kind == objVar || o.kind == objConst)
		}
		return r.env.Seqs[e.Name]
	case *ast.CallExpr:
		if r.isSeqType(e.Fun) { // a conversion such as []byte(s)
			return true
		}
		id, ok := ast.Unparen(e.Fun).(*ast.Ident)
		if !ok || len(e.Args) == 0 {
			return false
		}
		switch {
		case id.Name == "make" && r.isBuiltin("make"):
			return r.isSeqType(e.Args[0])
		case id.Name == "append" && r.isBuiltin("append"):
			return true
		}
	}
	return false
}
