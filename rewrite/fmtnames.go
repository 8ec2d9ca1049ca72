package rewrite

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"
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
	if !ok || e.Ellipsis.IsValid() {
		return
	}
	fn, ok := r.objectOf(sel.Sel).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" {
		return
	}
	first, ok := formatArg[fn.Name()]
	if !ok {
		return
	}
	var closers []int
	var names []string
	for _, a := range e.Args[min(first+1, len(e.Args)):] {
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
		r.insert(r.off(a.Pos()), builtinPkg+".Typed(")
		closers = append(closers, r.off(a.End()))
		names = append(names, name)
	}
	return func() {
		for i, at := range closers {
			if strings.HasPrefix(names[i], "\x00") {
				r.insert(at, names[i])
				continue
			}
			r.insert(at, ", "+strconv.Quote(names[i])+")")
		}
	}
}

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
