package rewrite

import (
	"fmt"
	"go/ast"
	"strconv"
	"strings"
	"unicode/utf8"
)

// goStmt makes a go statement observable. `go F(a, b)` becomes, on the
// statement's own line,
//
//	{ __concur_fN, __concur_aN_0 := F, a; __concur_tN := __concur.Spawn("NAME"); go func() { __concur.Enter(__concur_tN); defer func() { __concur.Exit(__concur_tN, recover()) }(); __concur_fN(__concur_aN_0, b) }() }
//
// F and the arguments are evaluated in the calling goroutine, in order, as
// the Go spec says. They keep their place in the text, so every position is
// the learner's; only what cannot go through a temporary moves into the
// final call: a function named by an identifier or pkg.Func (it may be
// generic, and needs no evaluation) and constant arguments (a temporary
// would give an untyped constant its default type, not the parameter's).
// A function literal goes through a temporary too: the learner's code then
// runs in a frame of its own, whose panics yaegi reports with positions.
//
// A method value x.m is not kept whole: yaegi binds a method value's
// receiver when it is called, not when it is evaluated (a loop's
// `go ws[i].run()` would run the last worker every time). The receiver goes
// into the temporary instead, by address when it may be an addressable
// value (`&ws[i]`, then `(*__concur_rN).m(...)`, which serves pointer and
// value methods alike), as a copy when it is known to be a pointer or an
// interface or is not addressable.
func (r *rewriter) goStmt(s *ast.GoStmt) {
	call := s.Call
	id := r.nextID()
	tVar := fmt.Sprintf("%s_t%d", reservedPrefix, id)

	var kept []keptItem       // evaluated into temporaries, in place
	var final strings.Builder // the call the goroutine makes
	final.WriteString(r.directive(r.off(call.Fun.Pos())))
	switch sel, _ := call.Fun.(*ast.SelectorExpr); {
	case r.inlineFunc(call.Fun):
		r.quiet++
		r.expr(call.Fun, 0)
		r.quiet--
		final.WriteString(r.inlineText(call.Fun))
	case sel != nil && r.isMethodValue(sel):
		r.expr(call.Fun, 0)
		recv := keptItem{e: sel.X, temp: fmt.Sprintf("%s_r%d", reservedPrefix, id)}
		if r.receiverByAddress(sel.X) {
			recv.prefix = "&"
			final.WriteString("(*" + recv.temp + ")." + sel.Sel.Name)
		} else {
			final.WriteString(recv.temp + "." + sel.Sel.Name)
		}
		kept = append(kept, recv)
	default:
		r.expr(call.Fun, 0)
		f := keptItem{e: call.Fun, temp: fmt.Sprintf("%s_f%d", reservedPrefix, id)}
		kept = append(kept, f)
		final.WriteString(f.temp)
	}
	final.WriteString("(")
	for i, a := range call.Args {
		if i > 0 {
			final.WriteString(", ")
		}
		if r.isConstExpr(a) {
			r.quiet++
			r.expr(a, 0)
			r.quiet--
			final.WriteString(r.directive(r.off(a.Pos())) + r.constText(a))
			continue
		}
		r.expr(a, 0)
		arg := keptItem{e: a, temp: fmt.Sprintf("%s_a%d_%d", reservedPrefix, id, i)}
		kept = append(kept, arg)
		final.WriteString(arg.temp)
	}
	if call.Ellipsis.IsValid() {
		final.WriteString("...")
	}
	final.WriteString(")")

	spawn := fmt.Sprintf("%s := __concur.Spawn(%s); go func() { __concur.Enter(%s); "+
		"defer func() { __concur.Exit(%s, recover()) }(); %s }() }",
		tVar, strconv.Quote(r.goName(call.Fun)), tVar, tVar, final.String())
	goOff, end := r.off(s.Go), r.off(call.Rparen)+1
	if len(kept) == 0 {
		r.replace(goOff, end, "{ "+spawn)
		return
	}
	temps := make([]string, len(kept))
	for i, k := range kept {
		temps[i] = k.temp
	}
	r.replace(goOff, r.off(kept[0].e.Pos()), "{ "+strings.Join(temps, ", ")+" := "+kept[0].prefix)
	for i := 1; i < len(kept); i++ {
		r.replace(r.off(kept[i-1].e.End()), r.off(kept[i].e.Pos()), ", "+kept[i].prefix)
	}
	r.replace(r.off(kept[len(kept)-1].e.End()), end, "; "+spawn)
}

// keptItem is an operand of a go statement evaluated into a temporary.
type keptItem struct {
	e      ast.Expr
	temp   string
	prefix string // "&" to take the receiver's address
}

// isMethodValue reports whether x.m selects a method of a value (not a
// package's function, nor a method expression T.m).
func (r *rewriter) isMethodValue(sel *ast.SelectorExpr) bool {
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return true
	}
	if o := r.lookup(id.Name); o != nil {
		return o.kind == objVar
	}
	return r.pkgPath(id.Name) == ""
}

// receiverByAddress reports whether a receiver may be an addressable value,
// to be taken by address, rather than a pointer or a value to copy.
func (r *rewriter) receiverByAddress(x ast.Expr) bool {
	if id, ok := ast.Unparen(x).(*ast.Ident); ok {
		o := r.lookup(id.Name)
		return o == nil || o.ref != refPointer
	}
	return r.addressable(x)
}

// addressable reports whether Go lets the program take x's address, as far
// as syntax tells: variables, pointer indirections, slice and array
// elements, fields of those; not map elements, calls or literals.
func (r *rewriter) addressable(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		o := r.lookup(x.Name)
		return o == nil || o.kind == objVar
	case *ast.StarExpr:
		return true
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok && r.lookup(id.Name) == nil && r.pkgPath(id.Name) != "" {
			return true // a package's variable
		}
		return r.addressable(x.X)
	case *ast.IndexExpr:
		if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
			if o := r.lookup(id.Name); o != nil && o.ref == refMap {
				return false
			}
		}
		return true // a slice's element is addressable even when the slice is not
	}
	return false
}

// inlineFunc reports whether the called function can be named in the
// goroutine instead of evaluated before it: a declared or predeclared
// function, or a function of an imported package.
func (r *rewriter) inlineFunc(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.Ident:
		o := r.lookup(f.Name)
		return o == nil || o.kind == objFunc
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		return ok && r.pkgPath(x.Name) != ""
	}
	return false
}

// inlineText is the text of an inline function.
func (r *rewriter) inlineText(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.X.(*ast.Ident).Name + "." + f.Sel.Name
	}
	return ""
}

// goName names the function a goroutine begins in: the identifier, the
// selector text, or a literal's Go-style name (main.func1).
func (r *rewriter) goName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.FuncLit:
		return r.litNames[f]
	case *ast.Ident:
		return f.Name
	}
	name := strings.Join(strings.Fields(r.text(fun)), " ")
	const maxName = 60
	if len(name) > maxName {
		cut := maxName
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = name[:cut] + "…"
	}
	return name
}
