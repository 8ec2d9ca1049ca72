package rewrite

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/concur-dev/concur/internal/lazyregexp"
)

// formatArg is, for fmt's functions that take a format, the index of the
// format among the arguments.
var formatArg = map[string]int{"Printf": 0, "Sprintf": 0, "Errorf": 0, "Fprintf": 1, "Appendf": 1}

// typedOperands wraps each operand of a call of fmt.Printf and the other
// functions that take a format whose static type is or holds one of the
// program's types, as concur/builtin.Typed(x, "main.ID"): yaegi keeps a
// named type that is not a struct (type ID int) as its underlying type, and
// two struct types with the same fields as one, so %T and %#v could not
// name it (stdlib/fmtprint.go prints the name). It opens each wrap before
// the operands are walked and returns what closes them after, so that the
// operands' own rewrites nest inside.
func (r *rewriter) typedOperands(e *ast.CallExpr) (closeWraps func()) {
	closeWraps = func() {}
	sel, ok := e.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	fn, ok := r.objectOf(sel.Sel).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" {
		return
	}
	first, ok := formatArg[fn.Name()]
	if !ok || first >= len(e.Args) {
		return
	}
	r.refuseHiddenNames(e, first)
	if e.Ellipsis.IsValid() {
		return
	}
	var closers []int
	var names []string
	verbs, known := r.plainVerbs(e.Args[first])
	for i, a := range e.Args[min(first+1, len(e.Args)):] {
		if _, lit := a.(*ast.FuncLit); lit {
			continue // bindLiterals puts it in parentheses of its own
		}
		if r.boxed[a] {
			continue // an error in the prelude's box (boxWrapped)
		}
		t := r.typeOf(a)
		if _, tp := t.(*types.TypeParam); t == nil || types.IsInterface(t) && !tp {
			continue
		}
		t = types.Default(t)
		if r.mono.generic != nil && hasTypeParam(t) {
			// In a generic declaration: each copy has the instance's type.
			r.insert(r.off(a.Pos()), r.newSeg(&monoSeg{kind: segTypedOpen, typ: t}))
			closers = append(closers, r.off(a.End()))
			names = append(names, r.newSeg(&monoSeg{kind: segTypedClose, typ: t}))
			continue
		}
		if !r.holdsProgramType(t, 0) {
			continue
		}
		name := runtimeTypeString(t)
		if strings.Contains(name, reservedPrefix) {
			continue // a type declared again since: its name is hidden
		}
		if open, ok := r.typedStruct(t, name, a.Pos(), known && i < len(verbs) && verbs[i]); ok {
			r.insert(r.off(a.Pos()), open)
			closers = append(closers, r.off(a.End()))
			names = append(names, "\x00)")
			continue
		}
		r.insert(r.off(a.Pos()), builtinPkg+".Typed(")
		closers = append(closers, r.off(a.End()))
		names = append(names, name)
	}
	return func() {
		for i, at := range closers {
			if names[i] == "\x00)" { // typedStruct's literal's call
				r.insert(at, ")")
				continue
			}
			if strings.HasPrefix(names[i], "\x00") {
				r.insert(at, names[i])
				continue
			}
			r.insert(at, ", "+strconv.Quote(names[i])+")")
		}
	}
}

// typedStruct opens the wrap of an operand of the program's struct type t
// (named name) with a String method, which the interpreter hands
// fmt in a method wrapper that holds one of the value's fields in place of
// the value (%d of S{n: 1} printed 1, %#v of it 1): the operand goes
// through a function literal that hands it over with the same value
// converted to t's struct type without the name, and so without methods,
// for the verbs that call none. (A type with an Error method is left out:
// its wrapper holds the value, and the interpreter fails on the conversion.)
//
//	func(v S) interface{} { return __concur_builtin.TypedStruct(v, struct{ n int }(v), "main.S") }(x)
//
// (interface{}, not any, which the program may have declared).
func (r *rewriter) typedStruct(t types.Type, name string, pos token.Pos, methodVerb bool) (open string, ok bool) {
	named, ok := t.(*types.Named)
	if !ok || named.TypeParams().Len() > 0 || named.TypeArgs().Len() > 0 || !hasMethod(t, "String") || hasMethod(t, "Error") {
		return "", false
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return "", false
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Embedded() && (types.NewMethodSet(f.Type()).Len() > 0 || types.NewMethodSet(types.NewPointer(f.Type())).Len() > 0) {
			return "", false // the interpreter fails on the conversion of one that promotes methods
		}
	}
	typeText, ok := r.typeSource(t)
	if !ok {
		return "", false
	}
	structText, ok := r.typeSource(st)
	if !ok {
		return "", false
	}
	if hidden := r.hiddenName(pos, named.Obj(), typeText, structText); hidden != "" {
		if !methodVerb {
			r.errorf(pos, "printing the fields of a value of type %s is not supported by concur here: the program's %s hides a name concur needs to print them "+
				"(its interpreter hands fmt the value without them); give that %s another name", types.TypeString(t, types.RelativeTo(r.checked.Pkg)), hidden, hidden)
		}
		return "", false
	}
	v := reservedPrefix + "_sv"
	return fmt.Sprintf("func(%s %s) interface{} { return %s.TypedStruct(%s, %s(%s), %s) }(",
		v, typeText, builtinPkg, v, structText, v, strconv.Quote(name)), true
}

// hiddenName returns a name in the type texts that is, at pos, a name the
// program declares inside a function (x := S{1}; S := "s" hides S from
// the text written there), other than own, the operand's type itself; ""
// if there is none. A name that means nothing there is a field's.
func (r *rewriter) hiddenName(pos token.Pos, own types.Object, texts ...string) string {
	pkg, _ := r.scopesAt(pos)
	for _, text := range texts {
		for _, name := range identWord.FindAllString(text, -1) {
			obj := r.lookupAt(name, pos)
			if obj == nil || obj == own || obj.Parent() == pkg || obj.Parent() == types.Universe {
				continue
			}
			if _, ok := obj.(*types.PkgName); ok {
				continue
			}
			return name
		}
	}
	return ""
}

var identWord = lazyregexp.New(`[\pL_][\pL\pN_]*`)

// holdsProgramType reports whether t is, or is made of, a named type the
// program declares.
func (r *rewriter) holdsProgramType(t types.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	switch t := t.(type) {
	case *types.Named:
		if r.isSessionPkg(t.Obj().Pkg()) {
			return true
		}
		for i := range t.TypeArgs().Len() {
			if r.holdsProgramType(t.TypeArgs().At(i), depth+1) {
				return true
			}
		}
	case *types.Alias:
		return r.holdsProgramType(types.Unalias(t), depth)
	case *types.Pointer:
		return r.holdsProgramType(t.Elem(), depth+1)
	case *types.Slice:
		return r.holdsProgramType(t.Elem(), depth+1)
	case *types.Array:
		return r.holdsProgramType(t.Elem(), depth+1)
	case *types.Chan:
		return r.holdsProgramType(t.Elem(), depth+1)
	case *types.Map:
		return r.holdsProgramType(t.Key(), depth+1) || r.holdsProgramType(t.Elem(), depth+1)
	case *types.Signature:
		for _, tuple := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tuple.Len() {
				if r.holdsProgramType(tuple.At(i).Type(), depth+1) {
					return true
				}
			}
		}
	}
	return false
}

// runtimeTypeString writes t as Go's runtime and reflect do (what %T
// prints): packages by name, and the type arguments of an instance without
// spaces (main.Pair[string,int]), where go/types puts ", ".
func runtimeTypeString(t types.Type) string {
	s := types.TypeString(t, func(p *types.Package) string { return p.Name() })
	var b strings.Builder
	var open []bool // for each open bracket or parenthesis: does it hold type arguments
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '[':
			args := i > 0 && (isIdentByte(s[i-1]) || s[i-1] == ']')
			open = append(open, args)
		case '(', '{':
			open = append(open, false)
		case ']', ')', '}':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		case ',':
			if len(open) > 0 && open[len(open)-1] && i+1 < len(s) && s[i+1] == ' ' {
				b.WriteByte(',')
				i++
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// refuseHiddenNames refuses %T and %#v of an operand of a function of fmt
// that takes a format where fmt would print, for a named type of the
// program yaegi keeps as its underlying type (a type on a basic type with
// methods, type IDs []int: not a pool type, named.go), that underlying
// type where Go prints the name, silently: an operand of an interface type
// the named type implements (its dynamic type says the name, which yaegi
// loses), and, for %#v, a composite value below the operand's top whose
// type is or holds such a type (the operand's own type the rewrite names,
// typedOperands). A format that is not a constant may hold either.
func (r *rewriter) refuseHiddenNames(e *ast.CallExpr, first int) {
	hidden := r.hiddenNamed()
	if len(hidden) == 0 {
		return
	}
	wantT, wantSharp := true, true
	if tv, ok := r.info.Types[e.Args[first]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		wantT, wantSharp = typeVerbs(constant.StringVal(tv.Value))
	}
	if !wantT && !wantSharp {
		return
	}
	for i, a := range e.Args[first+1:] {
		t := r.typeOf(a)
		if t == nil {
			continue
		}
		if e.Ellipsis.IsValid() && first+1+i == len(e.Args)-1 {
			if sl, ok := t.Underlying().(*types.Slice); ok {
				t = sl.Elem()
			}
		}
		n, verb := r.hiddenIn(t, hidden, wantT, wantSharp, 0)
		if n == nil {
			continue
		}
		name, u := n.Obj().Name(), types.TypeString(n.Underlying(), types.RelativeTo(r.checked.Pkg))
		r.errorf(a.Pos(), "%s of a value of type %s is not supported by concur while the program declares %s (a type on %s): its interpreter keeps %s as %s, "+
			"so fmt would print %s where Go prints main.%s; print the name yourself, or make %s a struct type (type %s struct{ v %s })",
			verb, types.TypeString(t, types.RelativeTo(r.checked.Pkg)), name, u, name, u, u, name, name, name, u)
		return
	}
}

// typeVerbs reports whether a format has a %T directive, and a %#v one.
func typeVerbs(format string) (verbT, sharpV bool) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		sharp := false
		j := i + 1
		for ; j < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[j]) >= 0; j++ {
			sharp = sharp || format[j] == '#'
		}
		if j >= len(format) {
			break
		}
		switch format[j] {
		case 'T':
			verbT = true
		case 'v':
			sharpV = sharpV || sharp
		}
		i = j
	}
	return verbT, sharpV
}

// hiddenNamed returns the program's named types yaegi keeps as their
// underlying types: neither structs nor interfaces, nor pool types.
func (r *rewriter) hiddenNamed() []*types.Named {
	if r.checked == nil || r.checked.Pkg == nil {
		return nil
	}
	var out []*types.Named
	for _, n := range append(r.programTypes(), r.localTypes()...) {
		switch n.Underlying().(type) {
		case *types.Struct, *types.Interface:
			continue
		}
		if n.TypeParams().Len() == 0 && !r.isPooled(n) {
			out = append(out, n)
		}
	}
	return out
}

// hiddenIn returns a type of hidden that fmt would print under its
// underlying type's name for a value of type t at depth (0: the operand),
// and the verb that would print it.
func (r *rewriter) hiddenIn(t types.Type, hidden []*types.Named, wantT, wantSharp bool, depth int) (*types.Named, string) {
	if depth > 8 {
		return nil, ""
	}
	if iface, ok := t.Underlying().(*types.Interface); ok {
		for _, h := range hidden {
			if !types.Implements(h, iface) && !types.Implements(types.NewPointer(h), iface) {
				continue
			}
			if wantT && depth == 0 {
				return h, "%T"
			}
			if _, basic := h.Underlying().(*types.Basic); wantSharp && !basic {
				return h, "%#v"
			}
		}
		return nil, ""
	}
	if !wantSharp {
		return nil, ""
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		for _, h := range hidden {
			if h.Obj() == n.Obj() && depth > 0 {
				if _, basic := h.Underlying().(*types.Basic); !basic {
					return h, "%#v"
				}
			}
		}
		if !r.isSessionPkg(n.Obj().Pkg()) {
			return nil, ""
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i := range u.NumFields() {
			if h, verb := r.hiddenIn(u.Field(i).Type(), hidden, wantT, wantSharp, depth+1); h != nil {
				return h, verb
			}
		}
	case *types.Pointer:
		if depth == 0 {
			return r.hiddenIn(u.Elem(), hidden, wantT, wantSharp, depth)
		}
	case *types.Slice, *types.Array, *types.Map:
		if depth > 0 {
			for _, h := range hidden {
				if mentions(t, h, 0) {
					return h, "%#v"
				}
			}
		}
		var elems []types.Type
		switch u := u.(type) {
		case *types.Slice:
			elems = []types.Type{u.Elem()}
		case *types.Array:
			elems = []types.Type{u.Elem()}
		case *types.Map:
			elems = []types.Type{u.Key(), u.Elem()}
		}
		for _, el := range elems {
			if h, verb := r.hiddenIn(el, hidden, wantT, wantSharp, depth+1); h != nil {
				return h, verb
			}
		}
	}
	return nil, ""
}

// mentions reports whether the type string of t names h.
func mentions(t types.Type, h *types.Named, depth int) bool {
	if depth > 8 {
		return false
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		return t.Obj() == h.Obj()
	case *types.Pointer:
		return mentions(t.Elem(), h, depth+1)
	case *types.Slice:
		return mentions(t.Elem(), h, depth+1)
	case *types.Array:
		return mentions(t.Elem(), h, depth+1)
	case *types.Chan:
		return mentions(t.Elem(), h, depth+1)
	case *types.Map:
		return mentions(t.Key(), h, depth+1) || mentions(t.Elem(), h, depth+1)
	}
	return false
}
