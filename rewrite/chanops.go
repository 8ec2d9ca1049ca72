package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// The channel rewrites. On the virtual clock the engine's scheduler decides
// which goroutine runs and sees every wait, so every channel operation goes
// through it: the scheduler is asked before the operation, which it lets
// happen only when it can complete at once, and told after it (see package
// sched). The data still goes through the program's own channels, so the
// program's types, values and panics stay Go's.
//
//	v, ok := <-X           __concur.PreRecv(X); v, ok := <-X; __concur.Post()
//	f(<-X)                 f(__concur_ok(<-__concur_rv(X)))
//	X <- V                 { __concur_cN := X; __concur_vN := V; __concur.PreSend(__concur_cN); __concur_cN <- __concur_vN; __concur.Post() }
//	close(X)               __concur.Close(X)
//	make(chan T, n)        __concur.Mk(make(chan T, n), "name", "line:col").(chan T)
//	for v := range X {…}   for __concur_cN := X; ; { __concur.PreRecv(__concur_cN); v, __concur_okN := <-__concur_cN; __concur.Post(); if !__concur_okN { break }; … }
//
// A receive that is a statement's whole right side (or the whole statement)
// is bracketed by statements; a channel X that is not a plain name goes
// through a temporary first. Only a receive inside an expression uses the
// generic helpers, which yaegi cannot use to type a variable of its global
// scope (a snippet's top-level `x := f(<-c)` works, `x := <-c + 1` does not).
//
// A select evaluates its channels and the values it sends (in order, once)
// before asking the scheduler which case to take; the real select then has
// only that case's channel left live (the others are set to nil), so it
// completes at once with it:
//
//	{ __concur_cN_0 := A; __concur_cN_1 := C; __concur_vN_1 := D
//	  __concur_kN := __concur.Select(false, []bool{false, true}, __concur_cN_0, __concur_cN_1)
//	  if __concur_kN != 0 && __concur_kN != -2 { __concur_cN_0 = nil }; if … 1 … { __concur_cN_1 = nil }
//	  select {
//	  case v := <-__concur_cN_0: __concur.Post(); …
//	  case __concur_cN_1 <- __concur_vN_1: __concur.Post(); …
//	  } }
//
// (yaegi must know the type of a case's channel before it compiles it: a
// plain variable, not a call of a generic function.)
//
// On the real clock the hooks only watch, and Select leaves every case live.

// chanPrelude holds the generic helpers the channel rewrites call.
const chanPrelude = `
func __concur_rv[C any](c C) C { __concur.PreRecv(c); return c }

func __concur_ok[T any](v T) T { __concur.Post(); return v }
`

// recvExpr rewrites a receive used as a value.
func (r *rewriter) recvExpr(e *ast.UnaryExpr) {
	r.insert(r.off(e.OpPos), "__concur_ok(")
	r.insert(r.off(e.X.Pos()), "__concur_rv(")
	r.expr(e.X, 0)
	r.insert(r.off(e.End()), "))")
}

// isRecv reports whether e is a receive operation.
func isRecv(e ast.Expr) (*ast.UnaryExpr, bool) {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return u, ok && u.Op == token.ARROW
}

// commaOKRecv returns the receive of `v, ok := <-X` or `v, ok = <-X`.
func commaOKRecv(s ast.Stmt) (*ast.UnaryExpr, bool) {
	as, ok := s.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return nil, false
	}
	return isRecv(as.Rhs[0])
}

// recvOK rewrites the receive of `v, ok := <-X` in an if header: the
// two-value form must stay the assignment's whole right side, so the
// scheduler is told after it, in the condition.
func (r *rewriter) recvOK(u *ast.UnaryExpr) {
	r.insert(r.off(u.X.Pos()), "__concur_rv(")
	r.expr(u.X, 0)
	r.insert(r.off(u.X.End()), ")")
}

// recvStmt rewrites a statement whose whole right side (or which as a
// whole) is the receive u: the scheduler is asked in a statement before and
// told in one after. walk walks the rest of the statement.
func (r *rewriter) recvStmt(s ast.Stmt, u *ast.UnaryExpr, walk func()) {
	start, end := r.off(s.Pos()), r.off(s.End())
	if text, ok := r.simpleText(u.X); ok && r.sideEffectFree(u.X) {
		r.insert(start, "__concur.PreRecv("+text+"); ")
		r.expr(u.X, 0)
	} else {
		c := fmt.Sprintf("%s_c%d", reservedPrefix, r.nextID())
		done := r.moveTo(start, c+" := ", r.off(u.X.Pos()), r.off(u.X.End()), "; __concur.PreRecv("+c+"); ")
		r.expr(u.X, 0)
		done()
		r.insert(r.off(u.X.Pos()), c)
	}
	walk()
	r.insert(end, "; __concur.Post()")
}

// sideEffectFree reports whether evaluating e twice is the same as once:
// names and selectors on them, with no call.
func (r *rewriter) sideEffectFree(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return r.sideEffectFree(e.X)
	case *ast.StarExpr:
		return r.sideEffectFree(e.X)
	}
	return false
}

// assignRecv walks an assignment whose right side is one receive.
func (r *rewriter) assignRecv(s *ast.AssignStmt, u *ast.UnaryExpr) {
	if r.header {
		if len(s.Lhs) == 2 {
			r.errorf(s.Pos(), "a two-value receive (v, ok := <-ch) in a for or switch header: write it on a line of its own before")
			return
		}
		r.expr(s.Rhs[0], 0)
		r.assignNames(s)
		return
	}
	r.recvStmt(s, u, func() { r.assignNames(s) })
}

// ifRecvOK walks `if v, ok := <-X; cond {`: the condition starts with the
// scheduler's post.
func (r *rewriter) ifRecvOK(s *ast.IfStmt, u *ast.UnaryExpr) {
	r.recvOK(u)
	r.assignNames(s.Init.(*ast.AssignStmt))
	r.insert(r.off(s.Cond.Pos()), "__concur.PostOK() && (")
	r.expr(s.Cond, 0)
	r.insert(r.off(s.Cond.End()), ")")
}

// sendStmt rewrites a send statement. The channel and the value are
// evaluated first, in order, as Go does; a constant value stays where it
// is (a temporary would give it its default type, not the channel's).
func (r *rewriter) sendStmt(s *ast.SendStmt) {
	if r.header {
		r.errorf(s.Pos(), "a channel send in an if, for or switch header: write it on a line of its own before")
		return
	}
	id := r.nextID()
	c := fmt.Sprintf("%s_c%d", reservedPrefix, id)
	r.insert(r.off(s.Chan.Pos()), "{ "+c+" := ")
	r.expr(s.Chan, 0)
	if r.inlineValue(s.Value) {
		r.replace(r.off(s.Chan.End()), r.off(s.Value.Pos()), "; __concur.PreSend("+c+"); "+c+" <- ")
		r.expr(s.Value, 0)
		r.insert(r.off(s.Value.End()), "; __concur.Post() }")
		return
	}
	v := fmt.Sprintf("%s_v%d", reservedPrefix, id)
	r.replace(r.off(s.Chan.End()), r.off(s.Value.Pos()), "; "+v+" := ")
	r.expr(s.Value, 0)
	r.insert(r.off(s.Value.End()), "; __concur.PreSend("+c+"); "+c+" <- "+v+"; __concur.Post() }")
}

// inlineValue reports whether a value sent may stay in place rather than go
// through a temporary: a constant, or nil.
func (r *rewriter) inlineValue(e ast.Expr) bool {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && id.Name == "nil" && r.isBuiltin("nil") {
		return true
	}
	return r.isConstExpr(e)
}

// closeCall rewrites close(X).
func (r *rewriter) closeCall(e *ast.CallExpr, fun *ast.Ident) {
	r.setName(fun, "__concur.Close")
	r.exprs(e.Args)
}

// makeChan rewrites a make of a channel so that the scheduler knows the
// channel, the variable it was made for and where. The hook returns the
// channel as an interface; the assertion back to the make's own type
// keeps every use typed (a generic helper could not type a variable of
// yaegi's global scope).
func (r *rewriter) makeChan(e *ast.CallExpr) {
	line, col := r.lineCol(r.off(e.Pos()))
	name := r.madeFor[e]
	typ := strings.Join(strings.Fields(r.text(e.Args[0])), " ")
	r.insert(r.off(e.Pos()), "__concur.Mk(")
	r.exprs(e.Args)
	r.insert(r.off(e.End()), fmt.Sprintf(", %s, \"%d:%d\").(%s)", strconv.Quote(name), line, col, typ))
}

// isMakeChan reports whether e is make(chan ...).
func (r *rewriter) isMakeChan(e *ast.CallExpr) bool {
	id, ok := e.Fun.(*ast.Ident)
	if !ok || id.Name != "make" || !r.isBuiltin("make") || len(e.Args) == 0 {
		return false
	}
	return isChanType(e.Args[0])
}

// nameMakes remembers which variable each make(chan) on the right of an
// assignment or declaration is for, for reports ("jobs").
func (r *rewriter) nameMakes(lhs []ast.Expr, rhs []ast.Expr) {
	if len(lhs) != len(rhs) {
		return
	}
	for i, v := range rhs {
		call, ok := ast.Unparen(v).(*ast.CallExpr)
		if !ok {
			continue
		}
		r.madeFor[call] = strings.Join(strings.Fields(r.text(lhs[i])), "")
	}
}

// rangeChan rewrites a range loop over a channel into receives. The
// channel is evaluated once; each iteration's variable is a new one.
func (r *rewriter) rangeChan(s *ast.RangeStmt) {
	id := r.nextID()
	c := fmt.Sprintf("%s_c%d", reservedPrefix, id)
	ok := fmt.Sprintf("%s_ok%d", reservedPrefix, id)
	v := fmt.Sprintf("%s_v%d", reservedPrefix, id)
	start := r.off(s.For) + len("for")
	body := r.off(s.Body.Lbrace) + 1
	recv := func(into string) string {
		return fmt.Sprintf(" __concur.PreRecv(%s); %s, %s := <-%s; __concur.Post(); if !%s { break };", c, into, ok, c, ok)
	}
	key, isIdent := s.Key.(*ast.Ident)
	switch {
	case s.Key == nil || s.Tok == token.DEFINE && isIdent:
		r.replace(start, r.off(s.X.Pos()), " "+c+" := ")
		r.expr(s.X, 0)
		r.replace(r.off(s.X.End()), body, "; ; {")
		r.push()
		head := recv("_")
		if key != nil && key.Name != "_" {
			obj := &object{kind: objVar}
			r.declare(key, obj, false)
			head = recv(obj.emitted()) + " _ = " + obj.emitted() + ";"
		}
		r.insert(body, head)
	default:
		// `for x = range ch`: receive into a temporary, then assign it.
		r.insert(start, " "+c+" :=")
		done := r.moveTo(body, recv(v)+" ", r.off(s.Key.Pos()), r.off(s.Key.End()), " = "+v+";")
		r.expr(s.Key, ctxModify)
		done()
		r.replace(r.off(s.Key.End()), r.off(s.X.Pos()), " ")
		r.expr(s.X, 0)
		r.replace(r.off(s.X.End()), body, "; ; {")
		r.push()
	}
	r.block(s.Body)
	r.pop()
}

// isChanExpr reports whether an expression is known to be a channel: what
// a range over it receives from.
func (r *rewriter) isChanExpr(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if o := r.lookup(e.Name); o != nil {
			return o.isChan && o.kind == objVar
		}
		return r.env.Chans[e.Name]
	case *ast.CallExpr:
		if r.isMakeChan(e) {
			return true
		}
		switch fun := ast.Unparen(e.Fun).(type) {
		case *ast.Ident:
			if o := r.lookup(fun.Name); o != nil {
				return o.kind == objFunc && o.isChan
			}
			return r.env.Chans[fun.Name]
		case *ast.SelectorExpr:
			if x, ok := fun.X.(*ast.Ident); ok && r.pkgPath(x.Name) == "time" {
				return fun.Sel.Name == "Tick" || fun.Sel.Name == "After"
			}
			return fun.Sel.Name == "Done" && len(e.Args) == 0 // ctx.Done()
		}
	case *ast.UnaryExpr:
		return e.Op == token.ARROW // a channel of channels' value
	case *ast.SelectorExpr:
		return r.isChanField(e)
	}
	return false
}

// isChanType reports whether a type expression is a channel type.
func isChanType(t ast.Expr) bool {
	_, ok := ast.Unparen(t).(*ast.ChanType)
	return ok
}

// isChanField reports whether x.f names a field declared with a channel
// type in a struct type of this session.
func (r *rewriter) isChanField(e *ast.SelectorExpr) bool {
	return r.chanFields[e.Sel.Name] || r.env.ChanFields[e.Sel.Name]
}

// selectStmt rewrites a select statement (see the comment at the top).
func (r *rewriter) selectStmt(s *ast.SelectStmt) {
	id := r.nextID()
	k := fmt.Sprintf("%s_k%d", reservedPrefix, id)
	start := r.off(s.Select)
	var sends, chans []string
	hasDefault := false
	pre := start
	first := true
	intro := func() string {
		if first {
			first = false
			return "{ "
		}
		return ""
	}
	for i, cl := range s.Body.List {
		cc := cl.(*ast.CommClause)
		switch comm := cc.Comm.(type) {
		case nil:
			hasDefault = true
		case *ast.SendStmt:
			c := fmt.Sprintf("%s_c%d_%d", reservedPrefix, id, i)
			done := r.moveTo(pre, intro()+c+" := ", r.off(comm.Chan.Pos()), r.off(comm.Chan.End()), "; ")
			r.expr(comm.Chan, 0)
			done()
			r.insert(r.off(comm.Chan.Pos()), c)
			sends, chans = append(sends, "true"), append(chans, c)
			if !r.inlineValue(comm.Value) {
				v := fmt.Sprintf("%s_v%d_%d", reservedPrefix, id, i)
				done := r.moveTo(pre, v+" := ", r.off(comm.Value.Pos()), r.off(comm.Value.End()), "; ")
				r.expr(comm.Value, 0)
				done()
				r.insert(r.off(comm.Value.Pos()), v)
			} else {
				r.expr(comm.Value, 0)
			}
		default:
			u, ok := selectRecv(comm)
			if !ok {
				r.errorf(comm.Pos(), "select case is not a send or a receive")
				continue
			}
			c := fmt.Sprintf("%s_c%d_%d", reservedPrefix, id, i)
			done := r.moveTo(pre, intro()+c+" := ", r.off(u.X.Pos()), r.off(u.X.End()), "; ")
			r.expr(u.X, 0)
			done()
			r.insert(r.off(u.X.Pos()), c)
			sends, chans = append(sends, "false"), append(chans, c)
		}
	}
	args := ""
	if len(chans) > 0 {
		args = ", " + strings.Join(chans, ", ")
	}
	sel := fmt.Sprintf("%s%s := __concur.Select(%v, []bool{%s}%s); ", intro(), k, hasDefault, strings.Join(sends, ", "), args)
	for i, c := range chans {
		sel += fmt.Sprintf("if %s != %d && %s != -2 { %s = nil }; ", k, i, k, c)
	}
	r.insert(pre, sel)
	for _, cl := range s.Body.List {
		cc := cl.(*ast.CommClause)
		r.push()
		if as, ok := cc.Comm.(*ast.AssignStmt); ok {
			// case v := <-c / case v, ok = <-c: the left side is walked
			// in place (the receive's operand moved out).
			if as.Tok == token.DEFINE {
				r.assignNames(as)
			} else {
				for _, l := range as.Lhs {
					r.expr(l, ctxModify)
				}
			}
		}
		r.insert(r.off(cc.Colon)+1, " __concur.Post();")
		r.stmts(cc.Body)
		r.pop()
	}
	r.insert(r.off(s.End()), " }")
}

// selectRecv returns the receive of a select case's communication.
func selectRecv(s ast.Stmt) (*ast.UnaryExpr, bool) {
	switch s := s.(type) {
	case *ast.ExprStmt:
		return isRecv(s.X)
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			return isRecv(s.Rhs[0])
		}
	}
	return nil, false
}

// headerStmt walks the statement of an if, for or switch header, where a
// rewrite cannot add statements.
func (r *rewriter) headerStmt(s ast.Stmt) {
	saved := r.header
	r.header = true
	r.stmt(s)
	r.header = saved
}

// declRecvOK reports whether a declaration is `var v, ok = <-ch`.
func declRecvOK(d *ast.GenDecl) bool {
	if d.Tok != token.VAR || len(d.Specs) != 1 {
		return false
	}
	vs, ok := d.Specs[0].(*ast.ValueSpec)
	if !ok || len(vs.Names) != 2 || len(vs.Values) != 1 {
		return false
	}
	_, ok = isRecv(vs.Values[0])
	return ok
}

// noteChanFields records the fields of a struct type declared with a
// channel type.
func (r *rewriter) noteChanFields(t ast.Expr) {
	st, ok := ast.Unparen(t).(*ast.StructType)
	if !ok || st.Fields == nil {
		return
	}
	for _, f := range st.Fields.List {
		if isChanType(f.Type) {
			for _, n := range f.Names {
				r.chanFields[n.Name] = true
			}
		}
	}
}

func identExprs(ids []*ast.Ident) []ast.Expr {
	out := make([]ast.Expr, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}
