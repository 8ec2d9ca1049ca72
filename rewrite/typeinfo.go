package rewrite

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"
)

func itoa(n int) string { return strconv.Itoa(n) }

// Type facts. Rewrite type-checks every input with go/types (package
// typecheck) before it rewrites anything, so each expression of a parsed
// unit has its exact type; these accessors are what a rewrite asks.

// typeOf returns the type of an expression of the input, or nil for
// anything go/types did not see.
func (r *rewriter) typeOf(e ast.Expr) types.Type {
	if e == nil || r.info == nil {
		return nil
	}
	return r.info.TypeOf(e)
}

// objectOf returns the object an identifier declares or denotes, or nil.
func (r *rewriter) objectOf(id *ast.Ident) types.Object {
	if id == nil || r.info == nil {
		return nil
	}
	return r.info.ObjectOf(id)
}

// coreType returns the underlying type of t; for a type parameter, the
// underlying type that every type of its type set shares, or nil when they
// differ (a channel's direction aside: the most restricted one wins).
func coreType(t types.Type) types.Type {
	tp, ok := types.Unalias(t).(*types.TypeParam)
	if !ok {
		if t == nil {
			return nil
		}
		return t.Underlying()
	}
	var core types.Type
	var walk func(iface *types.Interface) bool
	walk = func(iface *types.Interface) bool {
		for i := range iface.NumEmbeddeds() {
			switch e := iface.EmbeddedType(i).(type) {
			case *types.Union:
				for j := range e.Len() {
					if !merge(&core, e.Term(j).Type().Underlying()) {
						return false
					}
				}
			case *types.Interface:
				if !walk(e) {
					return false
				}
			default:
				if u, ok := e.Underlying().(*types.Interface); ok {
					if !walk(u) {
						return false
					}
				} else if !merge(&core, e.Underlying()) {
					return false
				}
			}
		}
		return true
	}
	if iface, ok := tp.Constraint().Underlying().(*types.Interface); ok && walk(iface) {
		return core
	}
	return nil
}

// merge folds u into the core type found so far.
func merge(core *types.Type, u types.Type) bool {
	if *core == nil {
		*core = u
		return true
	}
	if types.Identical(*core, u) {
		return true
	}
	a, ok1 := (*core).(*types.Chan)
	b, ok2 := u.(*types.Chan)
	if ok1 && ok2 && types.Identical(a.Elem(), b.Elem()) {
		if a.Dir() == types.SendRecv {
			*core = b
			return true
		}
		return b.Dir() == types.SendRecv || b.Dir() == a.Dir()
	}
	return false
}

// chanOf reports whether e is a channel, and of what type: its element
// type is ch.Elem(), its direction ch.Dir().
func (r *rewriter) chanOf(e ast.Expr) (ch *types.Chan, ok bool) {
	ch, ok = coreType(r.typeOf(e)).(*types.Chan)
	return ch, ok
}

// isChan reports whether e is a channel.
func (r *rewriter) isChan(e ast.Expr) bool {
	_, ok := r.chanOf(e)
	return ok
}

// rangeKind is what a range clause ranges over.
type rangeKind uint8

const (
	rangeUnknown  rangeKind = iota // not an expression go/types typed
	rangeInt                       // an integer (Go 1.22)
	rangeSlice                     // a slice
	rangeArray                     // an array
	rangeArrayPtr                  // a pointer to an array
	rangeString                    // a string: byte offsets and runes
	rangeMap                       // a map
	rangeChan                      // a channel
	rangeFunc                      // a function iterator (Go 1.23): see yieldParams
)

// rangeOver classifies the operand of a range clause.
func (r *rewriter) rangeOver(x ast.Expr) rangeKind {
	switch t := coreType(r.typeOf(x)).(type) {
	case *types.Basic:
		switch {
		case t.Info()&types.IsInteger != 0:
			return rangeInt
		case t.Info()&types.IsString != 0:
			return rangeString
		}
	case *types.Slice:
		return rangeSlice
	case *types.Array:
		return rangeArray
	case *types.Pointer:
		if _, ok := coreType(t.Elem()).(*types.Array); ok {
			return rangeArrayPtr
		}
	case *types.Map:
		return rangeMap
	case *types.Chan:
		return rangeChan
	case *types.Signature:
		return rangeFunc
	}
	return rangeUnknown
}

// yieldParams returns the parameters of the yield function that a function
// iterator x calls: none, one (iter.Seq) or two (iter.Seq2).
func (r *rewriter) yieldParams(x ast.Expr) []types.Type {
	sig, ok := coreType(r.typeOf(x)).(*types.Signature)
	if !ok || sig.Params().Len() != 1 {
		return nil
	}
	yield, ok := coreType(sig.Params().At(0).Type()).(*types.Signature)
	if !ok {
		return nil
	}
	var out []types.Type
	for i := range yield.Params().Len() {
		out = append(out, yield.Params().At(i).Type())
	}
	return out
}

// callKind is what a call calls.
type callKind uint8

const (
	callUnknown     callKind = iota // go/types did not type it
	callInterpreted                 // a function or method the learner declared, or a function literal
	callLibrary                     // a function or method of a standard package: compiled code, run by the interpreter through reflection
	callDynamic                     // a function value or an interface method: which code runs is known only then
	callBuiltin                     // a builtin (len, append, panic, ...)
	callConversion                  // a conversion T(x)
)

// callOf classifies the function a call calls.
func (r *rewriter) callOf(call *ast.CallExpr) callKind {
	if r.info == nil {
		return callUnknown
	}
	fun := ast.Unparen(call.Fun)
	if tv, ok := r.info.Types[fun]; ok && tv.IsType() {
		return callConversion
	}
	switch f := fun.(type) {
	case *ast.FuncLit:
		return callInterpreted
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	var id *ast.Ident
	switch f := fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
		if sel := r.info.Selections[f]; sel != nil && sel.Kind() == types.MethodVal {
			if types.IsInterface(sel.Recv()) {
				return callDynamic
			}
		}
	default:
		return callDynamic
	}
	switch obj := r.objectOf(id).(type) {
	case *types.Builtin:
		return callBuiltin
	case *types.Func:
		if r.isSessionPkg(obj.Pkg()) {
			return callInterpreted
		}
		if recv := obj.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
			return callDynamic
		}
		return callLibrary
	case nil:
		return callUnknown
	}
	return callDynamic
}

// isSessionPkg reports whether pkg is the learner's package (every input
// is checked as package main), not a standard one.
func (r *rewriter) isSessionPkg(pkg *types.Package) bool {
	return pkg != nil && pkg.Path() == "main"
}

// mainName is what the learner's func main is called in yaegi's source.
// yaegi runs a function called main after compiling any unit of package
// main, so a func main the learner declared would run again with every
// later input; under another name it runs when it is called, and a program
// gets a call of it (see Rewrite). Demangle gives its name back.
const mainName = reservedPrefix + "_0_main"

// isMainFunc reports whether obj is the learner's func main.
func (r *rewriter) isMainFunc(obj types.Object) bool {
	f, ok := obj.(*types.Func)
	return ok && f.Name() == "main" && r.isSessionPkg(f.Pkg()) && f.Parent() == f.Pkg().Scope()
}

// isConst reports whether e is a constant expression.
func (r *rewriter) isConst(e ast.Expr) bool {
	if r.info == nil || e == nil {
		return false
	}
	tv, ok := r.info.Types[e]
	return ok && tv.Value != nil
}

// constValue returns the value of a constant expression, or nil.
func (r *rewriter) constValue(e ast.Expr) constant.Value {
	if r.info == nil || e == nil {
		return nil
	}
	return r.info.Types[e].Value
}

// isInteger reports whether e has an integer type, or is an untyped
// integer or rune constant.
func (r *rewriter) isInteger(e ast.Expr) bool {
	b, ok := coreType(r.typeOf(e)).(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// isBuiltin reports whether id denotes one of Go's predeclared objects.
func (r *rewriter) isBuiltin(id *ast.Ident) bool {
	obj := r.objectOf(id)
	return obj != nil && obj.Parent() == types.Universe
}

// pkgOf returns the import path of the package id denotes, or "".
func (r *rewriter) pkgOf(id *ast.Ident) string {
	if pn, ok := r.objectOf(id).(*types.PkgName); ok {
		return pn.Imported().Path()
	}
	return ""
}

// isPointerLike reports whether copying a value of e's type keeps the
// identity of what it refers to: a pointer or an interface.
func (r *rewriter) isPointerLike(e ast.Expr) bool {
	switch coreType(r.typeOf(e)).(type) {
	case *types.Pointer, *types.Interface:
		return true
	}
	return false
}

// isAddressable reports whether Go lets the program take e's address.
func (r *rewriter) isAddressable(e ast.Expr) bool {
	if r.info == nil {
		return false
	}
	tv, ok := r.info.Types[ast.Unparen(e)]
	return ok && tv.Addressable()
}

// hasValue reports whether an expression statement's expression has a
// single value worth showing (not a call without results, nor a builtin
// that has none).
func (r *rewriter) hasValue(e ast.Expr) bool {
	if r.info == nil {
		return false
	}
	tv, ok := r.info.Types[e]
	if !ok || tv.IsVoid() || tv.IsType() || tv.IsBuiltin() {
		return false
	}
	if tuple, ok := tv.Type.(*types.Tuple); ok {
		return tuple.Len() > 0
	}
	return true
}
