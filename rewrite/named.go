package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"

	"github.com/concur-dev/concur/stdlib"
)

// yaegi v0.16.1 keeps a named type of the program on a basic type (type
// celsius float64) as its underlying type, so in an interface it cannot
// tell a celsius from a float64: x.(float64) takes it, %T prints float64,
// panic prints 7 for main.code(7). A compiled named type keeps its
// identity there. So such a type, when it has no methods (an alias cannot
// have them), is declared for yaegi as an alias of a type of a pool
// package concur/builtin holds on the same basic type (stdlib/named.go):
//
//	type celsius float64  →  type celsius = __concur_builtin.Named_float64_0
//
// a different one for each type the session declares. go/types still
// sees the learner's declaration; library code sees what it would see in
// Go, a value of a named type of that kind without methods; fmt and panics
// name it main.celsius (stdlib.NameSlot).

// namedPool is the pool slots a session has given its types: shared by all
// its inputs, and by a program run in it, so that no slot serves two types
// of one interpreter.
type namedPool struct {
	next  map[reflect.Kind]int // the next free slot of each kind
	types map[string]string    // the pool type (in concur/builtin) of each type name earlier inputs declared
}

func newNamedPool() *namedPool {
	return &namedPool{next: map[reflect.Kind]int{}, types: map[string]string{}}
}

// basicKinds maps the basic types the pool has types on to their kinds.
var basicKinds = map[types.BasicKind]reflect.Kind{
	types.Int: reflect.Int, types.Int8: reflect.Int8, types.Int16: reflect.Int16, types.Int32: reflect.Int32, types.Int64: reflect.Int64,
	types.Uint: reflect.Uint, types.Uint8: reflect.Uint8, types.Uint16: reflect.Uint16, types.Uint32: reflect.Uint32, types.Uint64: reflect.Uint64,
	types.Uintptr: reflect.Uintptr, types.Float32: reflect.Float32, types.Float64: reflect.Float64,
	types.Complex64: reflect.Complex64, types.Complex128: reflect.Complex128, types.String: reflect.String,
}

// planNamed decides, before the walk, which of the program's types are
// pool types: those a whole program declares at package level on a basic
// type without methods (each gets a slot, named for fmt at once), and
// those of earlier inputs that got one. Only a whole program knows every
// method its types will have: a snippet's type may get one in a later
// input, which yaegi cannot add to an alias of a compiled type, so a
// snippet's types stay as yaegi keeps them (and what that gets wrong is
// refused). A method declared in a snippet on a program's pool type is
// refused.
func (r *rewriter) planNamed() {
	r.pooled = map[*types.TypeName]string{}
	r.newPooled = map[string]string{}
	if r.checked == nil || r.checked.Pkg == nil {
		return
	}
	pool := r.env.named
	constrained := r.namedConstraintArgs()
	for _, n := range r.programTypes() {
		tn := n.Obj()
		if r.fileUnit[r.fset.File(tn.Pos())] == nil {
			// Declared by an earlier input.
			if slot, ok := pool.types[tn.Name()]; ok {
				r.pooled[tn] = slot
				for _, at := range constrained[tn] {
					r.errorf(at.pos, "%s as the type argument of %s is not supported by concur: an earlier program declared %s, which its interpreter then holds "+
						"as a type that does not satisfy a constraint declared since (%s); declare %s again, or spell the constraint out in the type parameter's list",
						tn.Name(), at.generic, tn.Name(), at.constraint, tn.Name())
				}
			}
			continue
		}
		b, ok := n.Underlying().(*types.Basic)
		if !r.program || !ok || types.NewMethodSet(types.NewPointer(n)).Len() > 0 || len(constrained[tn]) > 0 {
			continue
		}
		kind, ok := basicKinds[b.Kind()]
		if !ok {
			continue
		}
		slot, ok := stdlib.NamedSlot(kind, pool.next[kind])
		if !ok {
			continue // the pool is used up: the type stays as yaegi keeps it
		}
		stdlib.NameSlot(kind, pool.next[kind], "main."+tn.Name())
		pool.next[kind]++
		r.pooled[tn] = slot
		r.newPooled[tn.Name()] = slot
	}
	for _, u := range r.units {
		if u.kind == kindStmts {
			continue
		}
		for _, d := range u.file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || len(fd.Recv.List) == 0 {
				continue
			}
			base := receiverBase(fd.Recv.List[0].Type)
			tn, ok := r.objectOf(base).(*types.TypeName)
			if !ok {
				continue
			}
			if _, pooled := r.pooled[tn]; pooled && r.fileUnit[r.fset.File(tn.Pos())] == nil {
				r.errorf(fd.Name.Pos(), "a method on %s, which an earlier program declared without methods, is not supported by concur: "+
					"its interpreter was given %s as a type that cannot take methods later; declare %s again together with its methods",
					tn.Name(), tn.Name(), tn.Name())
			}
		}
	}
}

// A constrainedUse is a type argument given to a type parameter whose
// constraint is an interface type the program declares.
type constrainedUse struct {
	pos                 token.Pos
	generic, constraint string
}

// namedConstraintArgs returns the program's named types this input gives
// as type arguments to type parameters whose constraint is an interface
// type of package main (type Number interface{ ~int | ~float64 }): yaegi
// v0.16.1 finds that a pool type does not satisfy such a constraint (it
// does one spelled out in the list, [T ~int | ~float64], and a library's).
func (r *rewriter) namedConstraintArgs() map[*types.TypeName][]constrainedUse {
	out := map[*types.TypeName][]constrainedUse{}
	for id, inst := range r.info.Instances {
		var params *types.TypeParamList
		switch obj := r.info.Uses[id].(type) {
		case *types.Func:
			if sig, ok := obj.Type().(*types.Signature); ok {
				params = sig.TypeParams()
			}
		case *types.TypeName:
			if n, ok := types.Unalias(obj.Type()).(*types.Named); ok {
				params = n.TypeParams()
			}
		}
		if params == nil {
			continue
		}
		for i := range min(params.Len(), inst.TypeArgs.Len()) {
			c, ok := types.Unalias(params.At(i).Constraint()).(*types.Named)
			if !ok || !r.isSessionPkg(c.Obj().Pkg()) {
				continue
			}
			if n, ok := types.Unalias(inst.TypeArgs.At(i)).(*types.Named); ok && r.isSessionPkg(n.Obj().Pkg()) {
				out[n.Obj()] = append(out[n.Obj()], constrainedUse{id.Pos(), id.Name, c.Obj().Name()})
			}
		}
	}
	for _, uses := range out {
		sort.Slice(uses, func(i, j int) bool { return uses[i].pos < uses[j].pos })
	}
	return out
}

// receiverBase is the type name of a method's receiver type expression.
func receiverBase(t ast.Expr) *ast.Ident {
	for {
		switch x := t.(type) {
		case *ast.ParenExpr:
			t = x.X
		case *ast.StarExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x
		default:
			return nil
		}
	}
}

// poolTypeSpec declares a pool type for yaegi as the alias of its slot,
// and reports whether s is one.
func (r *rewriter) poolTypeSpec(s *ast.TypeSpec) bool {
	tn, ok := r.objectOf(s.Name).(*types.TypeName)
	if !ok || s.Assign.IsValid() || s.TypeParams != nil {
		return false
	}
	slot, ok := r.pooled[tn]
	if !ok {
		return false
	}
	r.replace(r.off(s.Type.Pos()), r.off(s.Type.End()), "= "+builtinPkg+"."+slot)
	return true
}

// isPooled reports whether t is one of the program's types yaegi knows as a
// pool type: it keeps its identity in an interface.
func (r *rewriter) isPooled(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	_, ok = r.pooled[n.Obj()]
	return ok
}

// refuseHiddenPanic refuses a panic with a value of an interface type that
// has neither an Error nor a String method (any), whose dynamic type is the
// only one that could say how Go prints it, while the program declares a
// type that could be in it and that concur would print otherwise: a named
// type yaegi keeps as its underlying type (hiddenNamed: panic: [1] for Go's
// (main.IDs) 0xc000012345), or a type with an Error or String method,
// which yaegi loses on the way (panic: {1} for Go's panic: tee). t is the
// operand's type.
func (r *rewriter) refuseHiddenPanic(arg ast.Expr, t types.Type) {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || types.Implements(t, errorInterface) || types.Implements(t, stringerInterface) || r.checked == nil || r.checked.Pkg == nil {
		return
	}
	hidden := map[*types.TypeName]bool{}
	for _, n := range r.hiddenNamed() {
		hidden[n.Obj()] = true
	}
	for _, n := range append(r.programTypes(), r.localTypes()...) {
		if types.IsInterface(n) || n.TypeParams().Len() > 0 {
			continue
		}
		p := types.NewPointer(n)
		if !types.Implements(n, iface) && !types.Implements(p, iface) {
			continue
		}
		method := types.Implements(p, errorInterface) || types.Implements(p, stringerInterface)
		if !hidden[n.Obj()] && !method {
			continue
		}
		why := "keeps " + n.Obj().Name() + " as its underlying type there"
		if method {
			why = "loses the methods of " + n.Obj().Name() + " there"
		}
		r.errorf(arg.Pos(), "a panic with a value of type %s is not supported by concur while the program declares %s, which it may hold: its interpreter %s, "+
			"so the panic would not print as Go's; panic with a value of the type itself, or with its text (panic(fmt.Sprint(v)))",
			types.TypeString(t, types.RelativeTo(r.checked.Pkg)), n.Obj().Name(), why)
		return
	}
}
