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

// goStmt makes a go statement observable: the goroutine is started by the
// engine (__concur.Go), which numbers it, runs it when the scheduler says
// and sees it end or panic. What runs in it costs what the go statement
// costs in yaegi, or little more: a goroutine's stack stays within the
// runtime's 8 KB when the learner's own function is the one the engine
// calls, and a million goroutines are the learner's to start (bench:
// BenchmarkManyGoroutines).
//
// A function literal becomes the goroutine itself, its parameters locals
// set from the arguments: `go func(i int) { BODY }(a)` becomes, on the
// statement's own line,
//
//	{ var __concur_pN_0 int; __concur_fN := func() { defer __concur.Done(); i := __concur_pN_0; BODY }; __concur_pN_0 = a; __concur.Go("main.func1", __concur_fN) }
//
// (each execution of the block has variables of its own, as in Go). Any
// other call goes through a closure, the function value, receiver and
// arguments evaluated first in the calling goroutine as the Go spec says
// (see hoistCall):
//
//	{ __concur_aN_0 := a; __concur.GoCall("worker", (func() { defer __concur.Done(); worker(__concur_aN_0) })) }
//
// The closure's own frame is taken out of a panic's traceback (GoCall).
//
// Done, deferred first, runs last: the goroutine ends there, inside the
// interpreted function. After it returns, yaegi locks the frame the
// function was made in, which the goroutine that made it may hold while it
// runs its own deferred calls, parked: the goroutine must not be holding
// the baton then. Done leaves a goroutine that is panicking as it is (the
// engine reports the panic when it comes out of the interpreter), so a
// literal that may recover from its panic itself, in a deferred call, goes
// through the closure too: its own Done then sees it return.
func (r *rewriter) goStmt(s *ast.GoStmt) {
	call := s.Call
	id := r.nextID()
	if lit, ok := call.Fun.(*ast.FuncLit); ok {
		walked := len(r.edits)
		r.expr(lit, 0)
		name := strconv.Quote(r.goName(lit))
		if r.goLiteral(s, lit, id, name, walked) {
			return
		}
		kept, final := r.hoistArgs(call, id, []keptItem{{e: lit, temp: fmt.Sprintf("%s_f%d", reservedPrefix, id)}},
			r.directive(r.off(lit.Pos()))+fmt.Sprintf("%s_f%d", reservedPrefix, id))
		r.replaceCall(r.off(s.Go), call, kept, goCall(name, final))
		return
	}
	kept, final := r.hoistCall(call, id)
	r.replaceCall(r.off(s.Go), call, kept, goCall(strconv.Quote(r.goName(call.Fun)), final))
}

// goCall starts a goroutine that makes the call final. The literal is in
// parentheses so that yaegi makes it a closure of this block's variables
// (see bindLiterals).
func goCall(name, final string) string {
	return "__concur.GoCall(" + name + ", (func() { defer __concur.Done(); " + final + " })) }"
}

// goLiteral rewrites `go func(params) { ... }(args)`, whose literal is
// walked (its edits from index walked on), into the literal started as the
// goroutine (see goStmt). It reports false, changing nothing, where that
// cannot be written: results, a variadic literal, a parameter type yaegi's
// source cannot name, arguments that are not one per parameter, or edits
// inside the parameter list.
func (r *rewriter) goLiteral(s *ast.GoStmt, lit *ast.FuncLit, id int, name string, walked int) bool {
	call := s.Call
	sig, ok := r.typeOf(lit).(*types.Signature)
	if !ok || sig.Results().Len() > 0 || sig.Variadic() || call.Ellipsis.IsValid() || sig.Params().Len() != len(call.Args) || r.mayRecover(lit.Body) {
		return false
	}
	from, to := r.off(lit.Type.Params.Opening), r.off(lit.Type.Params.Closing)+1
	for _, e := range r.edits[walked:] {
		if e.end > from && e.start < to {
			return false
		}
	}
	var vars strings.Builder
	copies := strings.Builder{}
	if i, ok := r.prologues[lit.Body]; ok {
		// Done must be deferred before the literal's End, to run after it.
		r.edits[i].text = " defer __concur.Done();" + r.edits[i].text
	} else {
		copies.WriteString(" defer __concur.Done();")
	}
	params := make([]string, sig.Params().Len())
	for i := range params {
		p := sig.Params().At(i)
		t, ok := r.typeSource(p.Type())
		if !ok {
			return false
		}
		params[i] = fmt.Sprintf("%s_p%d_%d", reservedPrefix, id, i)
		fmt.Fprintf(&vars, "var %s %s; ", params[i], t)
		if p.Name() != "" && p.Name() != "_" {
			fmt.Fprintf(&copies, " %s := %s;", p.Name(), params[i])
		}
	}
	f := fmt.Sprintf("%s_f%d", reservedPrefix, id)
	r.replace(r.off(s.Go), r.off(lit.Type.Func), "{ "+vars.String()+f+" := ")
	r.replace(from, to, "()")
	r.insert(r.off(lit.Body.Lbrace)+1, copies.String())
	r.exprs(call.Args)
	start := r.off(lit.Body.Rbrace) + 1
	closeParen := "" // after an argument that is a struct literal (parenValues)
	for i, a := range call.Args {
		text := closeParen + "; " + params[i] + " = "
		closeParen = ""
		if r.isStructLit(a) {
			text += "("
			closeParen = ")"
		}
		r.replace(start, r.off(a.Pos()), text)
		start = r.off(a.End())
	}
	r.replace(start, r.off(call.Rparen)+1, closeParen+"; __concur.Go("+name+", "+f+") }")
	return true
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
	if r.deferMethod(s.Defer, call) {
		return
	}
	constant := true
	for _, a := range call.Args {
		constant = constant && r.isConst(a)
	}
	lit, isLit := call.Fun.(*ast.FuncLit)
	d := ""
	if !r.onlyFatal(call) {
		d = r.defersVar()
	}
	closeLit := func() {}
	ownDefers := isLit && defersIn(lit.Body)
	if isLit && !(ownDefers && constant) {
		closeLit = r.runLiteral(d, lit)
	}
	switch {
	case constant && isLit && ownDefers:
		// The literal's own End goes on panicking after its deferred
		// calls: it runs inside Run, which recovers that.
		closeRun := r.runCall(d, call)
		r.deferLit(s.Defer, call, lit)
		r.exprs(call.Args)
		closeRun()
	case constant && isLit:
		r.deferLit(s.Defer, call, lit)
		closeLit()
		r.exprs(call.Args)
	case constant:
		closeRun := r.runCall(d, call)
		r.expr(call, 0)
		closeRun()
	case r.inlineFunc(call.Fun):
		// Some argument is not constant, so something is kept.
		kept, final := r.hoistCall(call, r.nextID())
		if len(kept) == 0 {
			break
		}
		r.replaceCall(r.off(s.Defer), call, kept, r.runKept(d, kept, final)+" }")
	case isLit:
		if !r.hoistLiteralArgs(s, lit, closeLit) {
			r.deferLit(s.Defer, call, lit)
			closeLit()
			r.exprs(call.Args)
		}
	default:
		closeRun := r.runCall(d, call)
		r.expr(call, 0)
		closeRun()
	}
}

// Deferred calls go through a *Defers of their function (see
// stdlib/defers.go): yaegi v0.16.1 stops running a function's deferred
// calls at the first that panics and keeps only the last panic, where Go
// runs them all and reports the chain of panics. A function that defers
// begins with
//
//	__concur_dN := Defers("main.f"); defer __concur_dN.End();
//
// and each deferred call runs inside Run (RunBody for a literal, whose body
// it wraps), which recovers what the call panics with and keeps the chain.
// A snippet's top level has no function of its own: its defer statements
// stay as they are.

// defersVar returns the name of the current function's *Defers, making
// it at the function's start the first time; "" at a snippet's top level.
func (r *rewriter) defersVar() string {
	if r.fn.body == nil {
		return ""
	}
	if r.fn.defers == "" {
		r.fn.defers = fmt.Sprintf("%s_d%d", reservedPrefix, r.nextID())
		// The function's frame in a traceback, which the interpreter no
		// longer prints once Run took its panic over (End tells it).
		r.insert(r.off(r.fn.body.Lbrace)+1, " "+r.fn.defers+" := "+builtinPkg+".Defers("+strconv.Quote(r.fn.frame)+"); defer "+r.fn.defers+".End();")
		r.prologues[r.fn.body] = len(r.edits) - 1
	}
	return r.fn.defers
}

// runLiteral makes a deferred literal's body run inside d's RunBody:
// func(n int) { BODY } becomes func(n int) { d.RunBody(recover(), (func() { BODY })) },
// the literal's parameters still evaluated by the defer statement. A
// literal with results stays as it is (its return statements would not
// fit the closure). The returned function closes the closure: call it
// once the body is walked, so that what the walk inserts at its end stays
// inside.
func (r *rewriter) runLiteral(d string, lit *ast.FuncLit) (closeLit func()) {
	if d == "" || lit.Type.Results != nil && len(lit.Type.Results.List) > 0 {
		return func() {}
	}
	r.insert(r.off(lit.Body.Lbrace)+1, " "+d+".RunBody(recover(), (func() {")
	return func() { r.insert(r.off(lit.Body.Rbrace), "})) ") }
}

// runCall makes a deferred call that stays in its place run inside d's
// Run: defer f() becomes defer func() { d.Run(recover(), (func() { f() })) }().
// The returned function closes it: call it once the call is walked.
func (r *rewriter) runCall(d string, call *ast.CallExpr) (closeRun func()) {
	if d == "" {
		return func() {}
	}
	r.passed = [2]string{}
	open := r.replace(r.off(call.Pos()), r.off(call.Pos()), "func() { "+d+".Run(recover(), (func() { ")
	return func() {
		args := ""
		if r.passed[0] != "" && open >= 0 {
			// The literal reads its loops' variables through pointers
			// (passPointers): the wrapper takes them at the defer as
			// parameters, as the interpreter reads what a deferred
			// literal captures only when it runs.
			r.edits[open].text = "func(" + r.passed[0] + ") { " + d + ".Run(recover(), (func() { "
			args = r.passed[1]
		}
		r.insert(r.off(call.End()), " })) }("+args+")")
	}
}

// wrappedAsAny reports whether the rewrite passes the operand e through
// one of concur/builtin's functions that return it as any (Iface for
// print, Typed for fmt), so that its temporary is an any.
func (r *rewriter) wrappedAsAny(e ast.Expr) bool {
	at := r.off(e.Pos())
	for _, x := range r.edits {
		if x.start == at && x.end == at && (strings.HasPrefix(x.text, builtinPkg+".Iface(") || strings.HasPrefix(x.text, builtinPkg+".Typed(")) {
			return true
		}
	}
	return false
}

// runKept is the defer statement that makes the call final, whose
// operands are in the temporaries kept, inside d's Run. The temporaries
// are the deferred literal's parameters, so it sees each its own (yaegi
// makes a deferred literal when the function returns). Where a
// temporary's type cannot be written, the call is deferred as it is.
func (r *rewriter) runKept(d string, kept []keptItem, final string) string {
	if d == "" {
		return "defer " + final
	}
	var params, args []string
	for _, k := range kept {
		t := r.typeOf(k.e)
		if k.prefix == "&" {
			t = types.NewPointer(t)
		}
		text, ok := r.typeSource(t)
		if !ok || t == nil {
			return "defer " + final
		}
		if r.wrappedAsAny(k.e) {
			text = "any"
		}
		if s, isSig := t.Underlying().(*types.Signature); isSig && s.TypeParams().Len() > 0 {
			return "defer " + final
		}
		params = append(params, k.temp+" "+text)
		args = append(args, k.temp)
	}
	return "defer func(" + strings.Join(params, ", ") + ") { " + d + ".Run(recover(), (func() { " + final + " })) }(" + strings.Join(args, ", ") + ")"
}

// defersIn reports whether a function body defers calls itself (not in
// the literals in it).
func defersIn(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			found = true
		}
		return !found
	})
	return found
}

// onlyFatal reports whether a deferred call can only fail with a fatal
// error, which runs no more deferred calls in Go either: unlocking a
// sync.Mutex or RWMutex. It is deferred as it is, without the cost of Run
// (a function that only defers such calls gets no *Defers at all).
func (r *rewriter) onlyFatal(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := r.objectOf(sel.Sel).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" || fn.Name() != "Unlock" && fn.Name() != "RUnlock" {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if p, isPtr := t.(*types.Pointer); isPtr {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && (n.Obj().Name() == "Mutex" || n.Obj().Name() == "RWMutex")
}

// mayRecover reports whether a function body (not the literals in it)
// defers a call that may recover from a panic: a literal that calls recover,
// or a function of the learner's or a function value, whose code is not
// known here.
func (r *rewriter) mayRecover(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			if _, lit := ast.Unparen(n.Call.Fun).(*ast.FuncLit); lit {
				found = found || r.recovers(n.Call)
				return !found
			}
			switch r.callOf(n.Call) {
			case callLibrary, callBuiltin, callConversion:
				found = found || r.recovers(n.Call)
			default:
				found = true
			}
		}
		return !found
	})
	return found
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
func (r *rewriter) hoistLiteralArgs(s *ast.DeferStmt, lit *ast.FuncLit, closeLit func()) bool {
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
	r.deferLit(s.Defer, s.Call, lit)
	closeLit()
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
	return r.hoistArgs(call, id, kept, final.String())
}

// hoistArgs is hoistCall's part for the arguments, given what it decided
// for the function (kept so far, and the final call's function text).
func (r *rewriter) hoistArgs(call *ast.CallExpr, id int, kept []keptItem, fun string) ([]keptItem, string) {
	var final strings.Builder
	final.WriteString(fun)
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
	name := strings.Join(strings.Fields(r.src[r.off(fun.Pos()):r.off(fun.End())]), " ") // the learner's text, copies of generics as written
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
