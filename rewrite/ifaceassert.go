package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
)

// Assertions to an interface. yaegi v0.16.1 loses the methods of the
// program's struct types in an assertion to an interface: `var x any =
// user{"ann"}; x.(named)` is false where Go's is true, and on a value that
// does not implement it, it panics in reflect.Set. An assertion to the
// concrete type works, and so does handing the value it gives on as the
// interface (a conversion in a return statement). So x.(I) becomes the
// call of a helper that tries each struct type of the program, and only
// then asserts I, which is right for the other values:
//
//	func __concur_aHASH_cHASH(x S) (I, bool) {
//		if v, ok := x.(user); ok { return v, true }     // implements I
//		if _, ok := x.(robot); ok { return nil, false } // does not
//		v, ok := x.(I); return v, ok
//	}
//	var __concur_aHASH = __concur_aHASH_cHASH
//
// and the single-valued x.(I) a function __concur_aHASH_1 that panics in
// Go's words (interface conversion: main.robot is not main.named: missing
// method name). S is x's static type: an error holding a *user converted to
// any is not a *user to the interpreter any more. The helper is a
// variable: an input that declares types gives every helper the session
// knows its cases again (a function of input 2 asserting x.(named) sees the
// type of input 5), while a function declared again would not reach the
// callers compiled before it. errors.Is, As, AsType and Unwrap go through
// helpers of the same kind, declared by the prelude (errprelude.go).

// assertHelper is one helper: a variable of type func(x S) (I, bool).
type assertHelper struct {
	name         string
	s, i         types.Type // as the input that made it saw them (nil: eval iText)
	sText, iText string
	fallback     string // the body's last statement
	single       bool   // also a function name_1(x S) I for the single-valued x.(I)
	cases        string // the cases the interpreter's variable has now
	panics       string // the single-valued function's, for the values x.(I) does not take
}

// preludeHelpers are the helpers errPrelude declares, with no cases.
func preludeHelpers() map[string]*assertHelper {
	out := map[string]*assertHelper{}
	for _, h := range []*assertHelper{
		{name: "__concur_eu1", iText: "__concur_eUnwrap1", fallback: "return nil, false"},
		{name: "__concur_euN", iText: "__concur_eUnwrapN", fallback: "return nil, false"},
		{name: "__concur_eIs", iText: "__concur_eIsM", fallback: "return nil, false"},
		{name: "__concur_eAs", iText: "__concur_eAsM", fallback: "return nil, false"},
	} {
		h.sText = "error"
		out[h.name] = h
	}
	return out
}

// preludeIfaces are the method sets of the prelude's interfaces, for
// types.Implements.
var preludeIfaces = map[string]string{
	"__concur_eUnwrap1": "interface{ Unwrap() error }",
	"__concur_eUnwrapN": "interface{ Unwrap() []error }",
	"__concur_eIsM":     "interface{ Is(error) bool }",
	"__concur_eAsM":     "interface{ As(any) bool }",
}

// assertCall rewrites x.(I), I an interface with methods, into a call of
// its helper; ok is false when it does not (I and x's type must be
// written at the top of the package, and a value of a struct type of the
// program's must fit in x's type, or the session be a REPL's, whose later
// inputs may declare one).
func (r *rewriter) assertCall(e *ast.TypeAssertExpr) bool {
	h, ok := r.assertHelperFor(r.typeOf(e.X), r.typeOf(e.Type))
	if !ok {
		return false
	}
	name := h.name
	if !r.commaOK[e] {
		name += "_1"
	}
	r.insert(r.off(e.X.Pos()), name+"(")
	r.replace(r.off(e.X.End()), r.off(e.End()), ")")
	r.expr(r.dropIfaceConversion(e.X), 0)
	return true
}

// assertHelperFor returns the helper that asserts a value of static type s
// to the interface i, making it for this input if the session has none.
func (r *rewriter) assertHelperFor(s, i types.Type) (*assertHelper, bool) {
	if s == nil || i == nil || r.checked == nil || r.checked.Pkg == nil {
		return nil, false
	}
	iface, ok := i.Underlying().(*types.Interface)
	if !ok || iface.Empty() {
		return nil, false
	}
	if _, isParam := types.Unalias(s).(*types.TypeParam); isParam {
		return nil, false
	}
	if !types.IsInterface(s) {
		return nil, false
	}
	sText, ok1 := r.typeSource(s)
	iText, ok2 := r.typeSource(i)
	if !ok1 || !ok2 || !r.topLevelType(s) || !r.topLevelType(i) {
		return nil, false
	}
	if r.program && !r.someStructHeld(s) {
		return nil, false
	}
	if r.valueInIface(s, iface) != nil {
		return nil, false // refuseProgramImpls says why
	}
	key := sText + "|" + iText
	if h := r.helpers[key]; h != nil {
		return h, true
	}
	sum := fnv.New64a()
	sum.Write([]byte(key))
	h := &assertHelper{name: reservedPrefix + "_a" + strconv.FormatUint(sum.Sum64(), 36), s: s, i: i, sText: sText, iText: iText,
		fallback: "v, ok := x.(" + iText + "); return v, ok", single: true}
	if old := r.env.helpers[h.name]; old != nil {
		// An earlier input made it: its cases are given again when they change.
		r.helpers[key] = old
		return old, true
	}
	r.helpers[key] = h
	r.newHelpers = append(r.newHelpers, h)
	return h, true
}

// topLevelType reports whether t can be written at the package's top: it
// names no type declared inside a function.
func (r *rewriter) topLevelType(t types.Type) bool {
	ok := true
	var walk func(t types.Type, depth int)
	walk = func(t types.Type, depth int) {
		if !ok || depth > 8 {
			return
		}
		switch t := types.Unalias(t).(type) {
		case *types.Named:
			if r.isSessionPkg(t.Obj().Pkg()) && t.Obj().Parent() != t.Obj().Pkg().Scope() {
				ok = false
			}
			if t.TypeArgs().Len() > 0 {
				ok = false
			}
		case *types.Pointer:
			walk(t.Elem(), depth+1)
		case *types.Slice:
			walk(t.Elem(), depth+1)
		case *types.Interface:
			for m := range t.Methods() {
				sig := m.Signature()
				for v := range sig.Params().Variables() {
					walk(v.Type(), depth+1)
				}
				for v := range sig.Results().Variables() {
					walk(v.Type(), depth+1)
				}
			}
		case *types.TypeParam:
			ok = false
		}
	}
	walk(t, 0)
	return ok
}

// someStructHeld reports whether a value of a struct type of the program,
// or a pointer to one, can be in an interface of type s: the helper then
// tries it (and says in Go's words why x.(I) fails on one).
func (r *rewriter) someStructHeld(s types.Type) bool {
	sIface, _ := s.Underlying().(*types.Interface)
	for _, t := range r.programStructs() {
		if sIface == nil || types.Implements(t.t, sIface) {
			return true
		}
	}
	return false
}

// caseType is a struct type of the program, or a pointer to one, with its
// text in the interpreter's source.
type caseType struct {
	t    types.Type
	text string
}

// programStructs are the program's struct types (at package level, not
// generic) and pointers to them, in the order of their names.
func (r *rewriter) programStructs() []caseType {
	var out []caseType
	for _, n := range r.liveTypes() {
		if _, ok := n.Underlying().(*types.Struct); !ok {
			continue
		}
		out = append(out, caseType{n, n.Obj().Name()}, caseType{types.NewPointer(n), "*" + n.Obj().Name()})
	}
	return out
}

// resolve gives a type of an earlier input as this input's type check
// knows it (each check declares the session's types anew).
func (r *rewriter) resolve(t types.Type, text string) types.Type {
	if t == nil {
		if m, ok := preludeIfaces[text]; ok {
			text = m
		}
		tv, err := types.Eval(r.fset, r.checked.Pkg, token.NoPos, text)
		if err != nil {
			return nil
		}
		return tv.Type
	}
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		if r.isSessionPkg(u.Obj().Pkg()) {
			if tn, ok := r.checked.Pkg.Scope().Lookup(u.Obj().Name()).(*types.TypeName); ok {
				return tn.Type()
			}
			return nil
		}
	case *types.Pointer:
		if e := r.resolve(u.Elem(), ""); e != nil {
			return types.NewPointer(e)
		}
		return nil
	}
	return t
}

// helperCases are h's cases for the program's types as this input sees
// them.
func (r *rewriter) helperCases(h *assertHelper) string {
	cases, _ := r.helperBodies(h)
	return cases
}

// helperBodies are h's cases, and the panics of its single-valued
// function in Go's words (interface conversion: main.T is not main.I:
// missing method M) for the program's struct types that do not implement
// I.
func (r *rewriter) helperBodies(h *assertHelper) (cases, panics string) {
	s := r.resolve(h.s, h.sText)
	if s == nil {
		return h.cases, h.panics
	}
	sIface, _ := s.Underlying().(*types.Interface)
	i := r.resolve(h.i, h.iText)
	if i == nil {
		return h.cases, h.panics
	}
	iface, _ := i.Underlying().(*types.Interface)
	if iface == nil {
		return h.cases, h.panics
	}
	var b, pb strings.Builder
	q := func(p *types.Package) string { return p.Name() }
	_, namedI := types.Unalias(i).(*types.Named)
	namedI = namedI || types.Identical(i, types.Universe.Lookup("error").Type())
	if namedI {
		pb.WriteString("if x == nil { " + builtinPkg + ".AssertPanic(" + strconv.Quote("interface conversion: interface is nil, not "+types.TypeString(i, q)) + ") }; ")
		defer func() {
			// Any other value that lacks a method: a library's.
			var names []string
			for m := range iface.Methods() {
				names = append(names, strconv.Quote(m.Name()))
			}
			panics += "if v, ok := x.(" + h.iText + "); ok { return v }; " + builtinPkg + ".AssertFail(x, " + strconv.Quote(types.TypeString(i, q)) +
				", []string{" + strings.Join(names, ", ") + "}); "
		}()
	}
	for _, c := range r.programStructs() {
		if sIface != nil && !types.Implements(c.t, sIface) {
			continue // an impossible assertion
		}
		if _, isPtr := c.t.(*types.Pointer); !isPtr && libraryIface(s) {
			continue // valueInIface: refused where it matters
		}
		if types.Implements(c.t, iface) {
			b.WriteString("if v, ok := x.(" + c.text + "); ok { return v, true }; ")
		} else {
			// The interpreter's x.(I) panics in reflect.Set on a value of
			// the program's that does not implement I.
			b.WriteString("if _, ok := x.(" + c.text + "); ok { return nil, false }; ")
			if m, _ := types.MissingMethod(c.t, iface, true); m != nil && namedI {
				msg := "interface conversion: " + types.TypeString(c.t, q) + " is not " + types.TypeString(i, q) + ": missing method " + m.Name()
				pb.WriteString("if _, ok := x.(" + c.text + "); ok { " + builtinPkg + ".AssertPanic(" + strconv.Quote(msg) + ") }; ")
			}
		}
	}
	return b.String(), pb.String()
}

// helperFuncs declares the functions a helper's variables get for the
// given cases and panics, under names of their own (the hash of their
// text), and returns what assigns them: named functions, so that a panic's
// traceback can leave their frames out (HelperFrame).
func (h *assertHelper) helperFuncs(b *strings.Builder, cases, panics string) (assign string) {
	tail := "(x " + h.sText + ") (" + h.iText + ", bool) { " + cases + h.fallback + " }"
	name := h.name + "_c" + hash(tail)
	b.WriteString("\nfunc " + name + tail + "\n")
	assign = h.name + " = " + name
	if h.single {
		tail1 := "(x " + h.sText + ") " + h.iText + " { if v, ok := " + h.name + "(x); ok { return v }; " + panics + "return x.(" + h.iText + ") }"
		name1 := h.name + "_1c" + hash(tail1)
		b.WriteString("func " + name1 + tail1 + "\n")
		assign += "; " + h.name + "_1 = " + name1
	}
	return assign
}

func hash(text string) string {
	sum := fnv.New64a()
	sum.Write([]byte(text))
	return strconv.FormatUint(sum.Sum64(), 36)
}

// HelperFrame reports whether a function the interpreter names in a
// panic's traceback is one of the rewrite's helpers (an assertion's, the
// prelude's errors functions), which Go's traceback would not show.
func HelperFrame(fn string) bool {
	return strings.HasPrefix(fn, "main."+reservedPrefix+"_a") || strings.HasPrefix(fn, "main."+reservedPrefix+"_err")
}

// helperDecls declares the helpers this input made and gives the ones of
// earlier inputs (and the prelude's) their cases again where the
// program's types changed. The updated helpers go to in, for Env.Add.
func (r *rewriter) helperDecls(in *Input) string {
	var b strings.Builder
	for _, h := range r.newHelpers {
		cases, panics := r.helperBodies(h)
		assign := h.helperFuncs(&b, cases, panics)
		b.WriteString("var " + strings.ReplaceAll(assign, "; ", "\nvar ") + "\n")
		nh := *h
		nh.cases, nh.panics = cases, panics
		in.helpers = append(in.helpers, &nh)
	}
	names := make([]string, 0, len(r.env.helpers))
	for name := range r.env.helpers {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		h := r.env.helpers[name]
		cases, panics := r.helperBodies(h)
		if cases == h.cases && panics == h.panics {
			continue
		}
		assign := h.helperFuncs(&b, cases, panics)
		// A function, not a literal: yaegi calls a literal assigning a
		// variable of an earlier input in a variable's initializer a
		// definition loop.
		set := h.name + "_u" + hash(assign)
		b.WriteString("func " + set + "() int { " + assign + "; return 0 }\nvar " + set + "_v = " + set + "()\n")
		nh := *h
		nh.cases, nh.panics = cases, panics
		in.helpers = append(in.helpers, &nh)
	}
	return b.String()
}

// collectCommaOK finds the assertions whose two values the input uses (v,
// ok := x.(T)).
func (r *rewriter) collectCommaOK(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		var rhs []ast.Expr
		lhs := 0
		switch n := n.(type) {
		case *ast.AssignStmt:
			rhs, lhs = n.Rhs, len(n.Lhs)
		case *ast.ValueSpec:
			rhs, lhs = n.Values, len(n.Names)
		default:
			return true
		}
		if len(rhs) == 1 && lhs == 2 {
			if ta, ok := ast.Unparen(rhs[0]).(*ast.TypeAssertExpr); ok {
				r.commaOK[ta] = true
			}
		}
		return true
	})
}

// valueInIface returns a struct type of the program (not a pointer) that
// implements both s, an interface of a library's (error, fmt.Stringer),
// and iface, or nil. yaegi v0.16.1 cannot assert such a value back out of
// a library's interface (`var e error = T{}` passed on: e.(T) is false, or
// panics in reflect.Set), so no helper can find it there; in an any, or
// in an interface the program declares, it can.
func (r *rewriter) valueInIface(s types.Type, iface *types.Interface) *types.Named {
	if !libraryIface(s) {
		return nil
	}
	sIface := s.Underlying().(*types.Interface)
	for _, n := range r.liveTypes() {
		if _, isStruct := n.Underlying().(*types.Struct); isStruct && types.Implements(n, sIface) && types.Implements(n, iface) {
			return n
		}
	}
	return nil
}

// refuseValueAssert refuses an assertion of x to the interface t (x.(I),
// a type switch's case I) where x's static type is an interface with
// methods that a struct type of the program implements as a value, as I
// does (see valueInIface); it reports whether it refused.
func (r *rewriter) refuseValueAssert(x, t ast.Expr) bool {
	if x == nil || t == nil || r.checked == nil || r.checked.Pkg == nil {
		return false
	}
	s, i := r.typeOf(x), r.typeOf(t)
	if s == nil || i == nil {
		return false
	}
	iface, ok := i.Underlying().(*types.Interface)
	if !ok || iface.Empty() {
		return false
	}
	n := r.valueInIface(s, iface)
	if n == nil {
		return false
	}
	q := types.RelativeTo(r.checked.Pkg)
	name := n.Obj().Name()
	r.errorf(t.Pos(), "a type assertion to %s of a value of type %s is not supported by concur while the program's struct type %s implements both: "+
		"its interpreter cannot take a %s value back out of a library's interface; give %s's methods pointer receivers and use *%s values, or keep the value in a variable of type any",
		types.TypeString(i, q), types.TypeString(s, q), name, name, name, name)
	return true
}

// libraryIface reports whether t is an interface with methods that a
// library declares, or the predeclared error: the interpreter holds a
// value of the program's in one in a wrapper of its own.
func libraryIface(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || iface.Empty() {
		return false
	}
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		return true
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() != "main"
}

// liveTypes are programTypes without the ones a later input declared
// again: the type check keeps those under a hidden name the interpreter
// does not know.
func (r *rewriter) liveTypes() []*types.Named {
	var out []*types.Named
	for _, n := range r.programTypes() {
		if !strings.HasPrefix(n.Obj().Name(), reservedPrefix) {
			out = append(out, n)
		}
	}
	return out
}
