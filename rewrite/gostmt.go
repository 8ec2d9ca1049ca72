package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"unicode/utf8"
)

// goStmt makes a go statement observable. `go F(a, b)` becomes, on the
// statement's own line,
//
//	{ __concur_fN := F; __concur_aN_0 := a; __concur_tN := __concur.Spawn("NAME"); go func() { __concur.Enter(__concur_tN); defer func() { __concur.Exit(__concur_tN, recover()) }(); __concur_fN(__concur_aN_0, b) }() }
//
// The function value and arguments are evaluated in the calling goroutine,
// in order, as the Go spec says (see hoistCall).
func (r *rewriter) goStmt(s *ast.GoStmt) {
	call := s.Call
	id := r.nextID()
	kept, final := r.hoistCall(call, id)
	t := fmt.Sprintf("%s_t%d", reservedPrefix, id)
	spawn := fmt.Sprintf("%s := __concur.Spawn(%s); go func() { __concur.Enter(%s); "+
		"defer func() { __concur.Exit(%s, recover()) }(); %s }() }",
		t, strconv.Quote(r.goName(call.Fun)), t, t, final)
	r.replaceCall(r.off(s.Go), call, kept, spawn)
}

// deferStmt evaluates a deferred call's arguments where the defer
// statement is, as Go does; yaegi evaluates them when the deferred call
// runs (x := 1; defer println(x); x = 2 prints 2; in a loop, every
// deferred call sees the last iteration). A value copied into a variable of
// a block first is kept, so `defer F(a)` becomes
// `{ __concur_aN_0 := a; defer F(__concur_aN_0) }`, F still being the
// function deferred (recover in it works as before).
//
// What yaegi cannot be given stays as it is, measured on v0.16.1: a method
// call's receiver is read late whatever holds it, and deferring a call of
// a function value held in a variable deadlocks yaegi.
func (r *rewriter) deferStmt(s *ast.DeferStmt) {
	call := s.Call
	if r.innerYield() != nil {
		// In a range-over-func body: the call joins the enclosing
		// function's list, its operands evaluated now. A function called
		// from that list is not the deferred one Go's recover needs.
		if r.recovers(call) {
			r.errorf(s.Pos(), "recover in a call deferred in a range-over-function loop body: concur runs such calls "+
				"from a list, where recover cannot stop the panic; defer it before the loop")
			return
		}
		kept, final := r.hoistCall(call, r.nextID())
		before, after := r.yieldDefer()
		r.replaceCall(r.off(s.Defer), call, kept, before+final+after+" }")
		return
	}
	constant := true
	for _, a := range call.Args {
		constant = constant && r.isConst(a)
	}
	lit, isLit := call.Fun.(*ast.FuncLit)
	switch {
	case constant && isLit:
		r.deferLit(lit)
		r.exprs(call.Args)
	case constant:
		r.expr(call, 0)
	case r.inlineFunc(call.Fun):
		kept, final := r.hoistCall(call, r.nextID())
		if len(kept) > 0 {
			r.replaceCall(r.off(s.Defer), call, kept, "defer "+final+" }")
		}
	case isLit:
		if !r.hoistLiteralArgs(s, lit) {
			r.deferLit(lit)
			r.exprs(call.Args)
		}
	default:
		r.expr(call, 0)
	}
}

// recovers reports whether a deferred call calls the builtin recover
// itself: directly, or in the function literal it calls (not in literals
// nested in that one).
func (r *rewriter) recovers(call *ast.CallExpr) bool {
	isRecover := func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := ast.Unparen(c.Fun).(*ast.Ident)
		return ok && id.Name == "recover" && r.isBuiltin(id)
	}
	if isRecover(call) {
		return true
	}
	lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
	if !ok {
		return false
	}
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if _, nested := n.(*ast.FuncLit); nested {
			return false
		}
		found = found || isRecover(n)
		return !found
	})
	return found
}

// hoistLiteralArgs evaluates the arguments of a deferred function literal
// early: `defer func(n int) {...}(i)` becomes
// `{ __concur_aN_0 := i; defer func(n int) {...}(__concur_aN_0) }`. The
// literal keeps its place, so the arguments move before it; only simple
// ones can (names, selectors, indexes, operators on them), each with a
// /*line*/ comment at its own position.
func (r *rewriter) hoistLiteralArgs(s *ast.DeferStmt, lit *ast.FuncLit) bool {
	call := s.Call
	if call.Ellipsis.IsValid() {
		return false
	}
	id := r.nextID()
	var decls []string
	temp := map[ast.Expr]string{} // the arguments that move, and their temporaries
	for i, a := range call.Args {
		if r.isConst(a) {
			continue
		}
		text, ok := r.simpleText(a)
		if !ok {
			return false
		}
		temp[a] = fmt.Sprintf("%s_a%d_%d", reservedPrefix, id, i)
		decls = append(decls, temp[a]+" := "+r.directive(r.off(a.Pos()))+text+"; ")
	}
	r.deferLit(lit)
	r.insert(r.off(s.Defer), "{ "+strings.Join(decls, ""))
	for _, a := range call.Args {
		t, moves := temp[a]
		if !moves {
			r.expr(a, 0)
			continue
		}
		r.quiet++
		r.expr(a, 0)
		r.quiet--
		r.replace(r.off(a.Pos()), r.off(a.End()), t)
	}
	r.insert(r.off(call.Rparen)+1, " }")
	return true
}

// simpleText writes a side-effect-free expression of names, selectors,
// indexes and operators on one line, with the names yaegi's source uses.
func (r *rewriter) simpleText(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.Ident:
		if o := r.lookup(e.Name); o != nil {
			return o.emitted(), true
		}
		return e.Name, true
	case *ast.BasicLit:
		return e.Value, true
	case *ast.ParenExpr:
		x, ok := r.simpleText(e.X)
		return "(" + x + ")", ok
	case *ast.SelectorExpr:
		x, ok := r.simpleText(e.X)
		return x + "." + e.Sel.Name, ok
	case *ast.StarExpr:
		x, ok := r.simpleText(e.X)
		return "*" + x, ok
	case *ast.UnaryExpr:
		x, ok := r.simpleText(e.X)
		return e.Op.String() + x, ok && e.Op != token.ARROW
	case *ast.IndexExpr:
		x, ok1 := r.simpleText(e.X)
		i, ok2 := r.simpleText(e.Index)
		return x + "[" + i + "]", ok1 && ok2
	case *ast.BinaryExpr:
		x, ok1 := r.simpleText(e.X)
		y, ok2 := r.simpleText(e.Y)
		return x + " " + e.Op.String() + " " + y, ok1 && ok2
	}
	return "", false
}

// hoistCall decides how the operands of a go or defer statement's call are
// evaluated before the statement runs: which go into temporaries (kept,
// in place in the text, so every position stays the learner's) and the call
// to make later (final). Only what cannot go through a temporary moves into
// the final call: a function named by an identifier or pkg.Func (it may be
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
func (r *rewriter) hoistCall(call *ast.CallExpr, id int) ([]keptItem, string) {
	var kept []keptItem
	var final strings.Builder
	final.WriteString(r.directive(r.off(call.Fun.Pos())))
	switch sel, _ := call.Fun.(*ast.SelectorExpr); {
	case r.inlineFunc(call.Fun):
		r.quiet++
		r.expr(call.Fun, 0)
		r.quiet--
		final.WriteString(r.inlineText(call.Fun))
	case sel != nil && r.isMethodValue(sel):
		r.expr(call.Fun, ctxCall)
		recv := keptItem{e: sel.X, temp: fmt.Sprintf("%s_r%d", reservedPrefix, id), recv: true}
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
		if r.isConst(a) {
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
	return kept, final.String()
}

// replaceCall rewrites a go or defer statement, from its keyword at start
// to the end of its call, into a block that evaluates the kept operands
// into temporaries, left to right, and then runs tail (which closes the
// block). Each temporary gets a statement of its own: yaegi mis-assigns
// `a, b := T{}, x` (b is left zero when a composite literal is among the
// values).
func (r *rewriter) replaceCall(start int, call *ast.CallExpr, kept []keptItem, tail string) {
	end := r.off(call.Rparen) + 1
	if len(kept) == 0 {
		r.replace(start, end, "{ "+tail)
		return
	}
	r.replace(start, r.off(kept[0].e.Pos()), "{ "+kept[0].temp+" := "+kept[0].prefix)
	for i := 1; i < len(kept); i++ {
		r.replace(r.off(kept[i-1].e.End()), r.off(kept[i].e.Pos()), "; "+kept[i].temp+" := "+kept[i].prefix)
	}
	r.replace(r.off(kept[len(kept)-1].e.End()), end, "; "+tail)
}

// keptItem is an operand of a go or defer statement evaluated into a temporary.
type keptItem struct {
	e      ast.Expr
	temp   string
	prefix string // "&" to take the receiver's address
	recv   bool   // the receiver of a method value
}

// isMethodValue reports whether x.m selects a method of a value (not a
// package's function, nor a method expression T.m).
func (r *rewriter) isMethodValue(sel *ast.SelectorExpr) bool {
	s := r.info.Selections[sel]
	return s != nil && s.Kind() == types.MethodVal
}

// receiverByAddress reports whether a receiver is an addressable value, to
// be taken by address, rather than a pointer or an interface, or a value
// that can only be copied.
func (r *rewriter) receiverByAddress(x ast.Expr) bool {
	return !r.isPointerLike(x) && r.isAddressable(x)
}

// inlineFunc reports whether the called function can be named in the
// goroutine instead of evaluated before it: a declared or predeclared
// function, or a function of an imported package.
func (r *rewriter) inlineFunc(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.Ident:
		switch r.objectOf(f).(type) {
		case *types.Func, *types.Builtin:
			return true
		}
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		_, fn := r.objectOf(f.Sel).(*types.Func)
		return ok && fn && r.pkgOf(x) != ""
	}
	return false
}

// inlineText is the text of an inline function.
func (r *rewriter) inlineText(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		if f.Name == "clear" && r.isBuiltin(f) {
			return "__concur.Clear"
		}
		if f.Name == "close" && r.isBuiltin(f) {
			return "__concur.Close"
		}
		if name, ok := r.printName(f); ok {
			return name
		}
		if r.isMainFunc(r.objectOf(f)) {
			return mainName
		}
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
