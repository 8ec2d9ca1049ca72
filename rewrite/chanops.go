package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// The channel rewrites. On the virtual clock the engine's scheduler decides
// which goroutine runs and sees every wait, so every channel operation goes
// through it (see package sched): the operation's channel goes into a
// variable, the scheduler gets a pointer to it and points it at a channel
// on which the operation completes at once (after waiting, if it must). The
// data still goes through channels typed as the program typed them, so the
// program's types, values and panics stay Go's.
//
//	v, ok := <-X           __concur_cN := X; __concur.PreRecv(&__concur_cN); v, ok := <-__concur_cN
//	f(<-X)                 f((<-__concur_rv(X)))
//	X <- V                 { __concur_cN := X; __concur_vN := V; __concur_wN := __concur.PreSend(&__concur_cN); __concur_cN <- __concur_vN; if __concur_wN { __concur.PostSend() } }
//	close(X)               __concur.Close(X)
//	make(chan T, n)        __concur.Mk(make(chan T, n), "name", "line:col").(chan T)
//	for v := range X {…}   for __concur_cN := X; true; { __concur_mN := __concur_cN; __concur.PreRecv(&__concur_mN); v, __concur_okN := <-__concur_mN; if !__concur_okN { break }; … }
//
// A receive that is a statement's whole right side (or the whole statement)
// gets statements of its own; only a receive inside an expression uses the
// generic helper, which yaegi cannot use to type a variable of its global
// scope (a snippet's top-level `x := f(<-c)` works, `x := <-c + 1` does not).
//
// A select evaluates its channels and the values it sends (in order, once)
// into variables, and the scheduler points every case's channel but the one
// to take at nil, so the real select does what the scheduler chose:
//
//	{ __concur_cN_0 := A; __concur_cN_1 := C; __concur_vN_1 := D
//	  __concur.Select(false, []bool{false, true}, &__concur_cN_0, &__concur_cN_1)
//	  select {
//	  case v := <-__concur_cN_0: __concur.Post(); …
//	  case __concur_cN_1 <- __concur_vN_1: __concur.Post(); …
//	  } }
//
// On the real clock the hooks only watch, and the Go runtime does the rest.

// chanPrelude holds the generic helper the channel rewrites call.
const chanPrelude = `
func __concur_rv[__concur_C any](c __concur_C) __concur_C { __concur.PreRecv(&c); return c }
`

// recvExpr rewrites a receive used as a value. The parentheses are for
// yaegi, which fails on `return <-f(c)` but not on `return (<-f(c))`.
func (r *rewriter) recvExpr(e *ast.UnaryExpr) {
	r.insert(r.off(e.OpPos), "(")
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

// recvStmt rewrites a statement whose whole right side (or which as a
// whole) is the receive u: the channel goes into a variable that the
// scheduler points where the value is. walk walks the rest of the statement.
func (r *rewriter) recvStmt(s ast.Stmt, u *ast.UnaryExpr, walk func()) {
	c := fmt.Sprintf("%s_c%d", reservedPrefix, r.nextID())
	done := r.moveTo(r.off(s.Pos()), c+" := ", r.off(u.X.Pos()), r.off(u.X.End()), "; __concur.PreRecv(&"+c+"); ")
	r.expr(u.X, 0)
	done()
	r.insert(r.off(u.X.Pos()), c)
	walk()
}

// assignRecv walks an assignment whose right side is one receive.
func (r *rewriter) assignRecv(s *ast.AssignStmt, u *ast.UnaryExpr) {
	if r.header {
		r.expr(s.Rhs[0], 0) // the helper, where no statement can go
		r.assignNames(s)
		return
	}
	if len(s.Lhs) == 2 && s.Tok == token.DEFINE && r.region {
		r.recvOKGlobal(s, u)
		return
	}
	if len(s.Lhs) == 1 && s.Tok == token.ASSIGN {
		// yaegi stores a received value straight into a variable a function
		// literal has captured, where the function does not look (r = <-ch
		// left the r it saw 0), and assigns it right in parentheses.
		r.insert(r.off(u.Pos()), "(")
		defer r.insert(r.off(u.End()), ")")
	}
	r.recvStmt(s, u, func() { r.assignNames(s) })
}

// recvOKGlobal rewrites `v, ok := <-X` at a snippet's top level, where
// yaegi cannot declare two variables from a receive:
//
//	__concur_cN := X; __concur_okN := __concur.PreRecvOK(&__concur_cN); v := <-__concur_cN; ok := __concur_okN
func (r *rewriter) recvOKGlobal(s *ast.AssignStmt, u *ast.UnaryExpr) {
	id := r.nextID()
	c := fmt.Sprintf("%s_c%d", reservedPrefix, id)
	ok := fmt.Sprintf("%s_ok%d", reservedPrefix, id)
	done := r.moveTo(r.off(s.Pos()), c+" := ", r.off(u.X.Pos()), r.off(u.X.End()),
		fmt.Sprintf("; %s := __concur.PreRecvOK(&%s); ", ok, c))
	r.expr(u.X, 0)
	done()
	// `v, ok := <-X` becomes `v := <-c; ok := okN`: the second name moves.
	second := s.Lhs[1]
	r.replace(r.off(s.Lhs[0].End()), r.off(second.End()), "")
	r.insert(r.off(u.X.Pos()), c)
	r.assignNames(s)
	r.insert(r.off(s.End()), "; "+r.text(second)+" := "+ok)
}

// ifRecvOK walks `if v, ok := <-X; cond {`: the condition starts with the
// scheduler's post.
func (r *rewriter) ifRecvOK(s *ast.IfStmt, u *ast.UnaryExpr) {
	r.insert(r.off(u.X.Pos()), "__concur_rv(")
	r.expr(u.X, 0)
	r.insert(r.off(u.X.End()), ")")
	r.assignNames(s.Init.(*ast.AssignStmt))
	r.expr(s.Cond, 0)
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
	w := fmt.Sprintf("%s_w%d", reservedPrefix, id) // the send waits: PostSend
	r.insert(r.off(s.Chan.Pos()), "{ "+c+" := ")
	r.expr(s.Chan, 0)
	if r.inlineValue(s.Value) {
		r.replace(r.off(s.Chan.End()), r.off(s.Value.Pos()), "; "+w+" := __concur.PreSend(&"+c+"); "+c+" <- ")
		r.expr(s.Value, 0)
		r.insert(r.off(s.Value.End()), "; if "+w+" { __concur.PostSend() } }")
		return
	}
	v := fmt.Sprintf("%s_v%d", reservedPrefix, id)
	r.replace(r.off(s.Chan.End()), r.off(s.Value.Pos()), "; "+v+" := ")
	r.expr(s.Value, 0)
	r.insert(r.off(s.Value.End()), "; "+w+" := __concur.PreSend(&"+c+"); "+c+" <- "+v+"; if "+w+" { __concur.PostSend() } }")
}

// inlineValue reports whether a value sent may stay in place rather than go
// through a temporary: a constant, or nil.
func (r *rewriter) inlineValue(e ast.Expr) bool {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && id.Name == "nil" && r.isBuiltin(id) {
		return true
	}
	return r.isConst(e)
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
	if ct, ok := e.Args[0].(*ast.ChanType); ok && ct.Dir != ast.SEND|ast.RECV {
		r.makeDirectional(e, ct, typ, name, line, col)
		return
	}
	r.insert(r.off(e.Pos()), "__concur.Mk(")
	r.exprs(e.Args)
	r.insert(r.off(e.End()), fmt.Sprintf(", %s, %s).(%s)", strconv.Quote(name), r.madeAt(line, col), typ))
}

// madeAt is where reports say a channel was made, quoted: its line and
// column, after the input's name in a REPL snippet (#2:1:7), whose lines
// begin again with every input; a program's are its file's.
func (r *rewriter) madeAt(line, col int) string {
	at := fmt.Sprintf("%d:%d", line, col)
	if !r.program && strings.HasPrefix(r.filename, "#") {
		at = r.filename + ":" + at
	}
	return strconv.Quote(at)
}

// makeDirectional rewrites make(<-chan T) and make(chan<- T, n), on which
// yaegi panics (reflect.MakeChan: unidirectional channel type), into a
// channel of both directions converted to the one asked for:
// (<-chan T)(__concur.Mk(make(chan T), ...).(chan T)).
func (r *rewriter) makeDirectional(e *ast.CallExpr, ct *ast.ChanType, typ, name string, line, col int) {
	both := "chan " + strings.Join(strings.Fields(r.text(ct.Value)), " ")
	r.insert(r.off(e.Pos()), "("+typ+")(__concur.Mk(")
	r.replace(r.off(ct.Begin), r.off(ct.Value.Pos()), "chan ")
	r.expr(ct.Value, 0)
	r.exprs(e.Args[1:])
	r.insert(r.off(e.End()), fmt.Sprintf(", %s, %s).(%s))", strconv.Quote(name), r.madeAt(line, col), both))
}

// isMakeChan reports whether e is make(chan ...).
func (r *rewriter) isMakeChan(e *ast.CallExpr) bool {
	id, ok := e.Fun.(*ast.Ident)
	if !ok || id.Name != "make" || !r.isBuiltin(id) || len(e.Args) == 0 {
		return false
	}
	_, isChan := coreType(r.typeOf(e.Args[0])).(*types.Chan)
	return isChan
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
// channel is evaluated once; each iteration's variable is a new one. (The
// condition `true` is there because yaegi runs the init statement of a loop
// without a condition again on every iteration.)
func (r *rewriter) rangeChan(s *ast.RangeStmt) {
	id := r.nextID()
	c := fmt.Sprintf("%s_c%d", reservedPrefix, id)
	ok := fmt.Sprintf("%s_ok%d", reservedPrefix, id)
	v := fmt.Sprintf("%s_v%d", reservedPrefix, id)
	start := r.off(s.For) + len("for")
	body := r.off(s.Body.Lbrace) + 1
	m := fmt.Sprintf("%s_m%d", reservedPrefix, id)
	recv := func(into string) string {
		return fmt.Sprintf(" %s := %s; __concur.PreRecv(&%s); %s, %s := <-%s; if !%s { break };", m, c, m, into, ok, m, ok)
	}
	key, isIdent := s.Key.(*ast.Ident)
	switch {
	case s.Key == nil || s.Tok == token.DEFINE && isIdent:
		r.replace(start, r.off(s.X.Pos()), " "+c+" := ")
		r.expr(s.X, 0)
		r.replace(r.off(s.X.End()), body, "; true; {")
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
		r.replace(r.off(s.X.End()), body, "; true; {")
		r.push()
	}
	r.block(s.Body)
	r.pop()
}

// isChanExpr reports whether an expression is a channel: what a range
// over it receives from (go/types knows, see typeinfo.go).
func (r *rewriter) isChanExpr(e ast.Expr) bool {
	return r.isChan(e)
}

// selectStmt rewrites a select statement (see the comment at the top).
func (r *rewriter) selectStmt(s *ast.SelectStmt) {
	id := r.nextID()
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
	for _, c := range chans {
		args += ", &" + c
	}
	r.insert(pre, fmt.Sprintf("%s__concur.Select(%v, []bool{%s}%s); ", intro(), hasDefault, strings.Join(sends, ", "), args))
	for _, cl := range s.Body.List {
		cc := cl.(*ast.CommClause)
		r.push()
		post := " __concur.Post();"
		if as, ok := cc.Comm.(*ast.AssignStmt); ok {
			// case v := <-c: the left side is walked in place (the
			// receive's operand moved out).
			if as.Tok == token.DEFINE {
				r.assignNames(as)
			} else {
				// case x, ok = <-c: yaegi's select cannot assign; receive
				// into new variables and assign them in the case's body.
				vars := make([]string, len(as.Lhs))
				for i := range vars {
					vars[i] = fmt.Sprintf("%s_r%d_%d", reservedPrefix, id, i)
				}
				at := r.off(as.Lhs[0].Pos())
				done := r.moveTo(r.off(cc.Colon)+1, " __concur.Post(); ", at, r.off(as.Lhs[len(as.Lhs)-1].End()), " = "+strings.Join(vars, ", ")+";")
				for _, l := range as.Lhs {
					r.expr(l, ctxModify)
				}
				done()
				r.insert(at, strings.Join(vars, ", "))
				r.replace(r.off(as.TokPos), r.off(as.TokPos)+1, ":=")
				post = ""
			}
		}
		if post != "" {
			r.insert(r.off(cc.Colon)+1, post)
		}
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

func identExprs(ids []*ast.Ident) []ast.Expr {
	out := make([]ast.Expr, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// chanElems reports whether a range loop declares a value variable over a
// slice or array of channels, which yaegi cannot run (reflect: Len of an
// int): rangeChanElems takes the value by index instead.
func (r *rewriter) chanElems(s *ast.RangeStmt, kind rangeKind) bool {
	if s.Value == nil || s.Tok != token.DEFINE {
		return false
	}
	if _, ok := s.Value.(*ast.Ident); !ok {
		return false
	}
	var elem types.Type
	switch t := coreType(r.typeOf(s.X)).(type) {
	case *types.Slice:
		elem = t.Elem()
	case *types.Array:
		elem = t.Elem()
	case *types.Pointer:
		if a, ok := coreType(t.Elem()).(*types.Array); ok {
			elem = a.Elem()
		}
	}
	_, isChan := coreType(elem).(*types.Chan)
	return isChan && (kind == rangeSlice || kind == rangeArray || kind == rangeArrayPtr)
}

// rangeChanElems rewrites `for i, c := range X {` into
// `{ __concur_sN := X; for i := range __concur_sN { c := __concur_sN[i]; … } }`
// (X evaluated once, c a new variable each iteration, as in Go).
func (r *rewriter) rangeChanElems(s *ast.RangeStmt, label *ast.LabeledStmt) {
	id := r.nextID()
	sv := fmt.Sprintf("%s_s%d", reservedPrefix, id)
	start := r.off(s.For)
	if label != nil {
		start = r.off(label.Pos())
	}
	done := r.moveTo(start, "{ "+sv+" := ", r.off(s.X.Pos()), r.off(s.X.End()), "; ")
	r.expr(s.X, 0)
	done()
	r.insert(r.off(s.X.Pos()), sv)
	key, _ := s.Key.(*ast.Ident)
	index := ""
	if key == nil || key.Name == "_" {
		index = fmt.Sprintf("%s_i%d", reservedPrefix, id)
		r.replace(r.off(s.Key.Pos()), r.off(s.Value.End()), index)
	} else {
		r.replace(r.off(s.Key.End()), r.off(s.Value.End()), "")
	}
	r.enterLoop()
	defer r.leaveLoop()
	r.push()
	var vars []*object
	if key != nil && key.Name != "_" {
		obj := &object{kind: objVar}
		r.declare(key, obj, true)
		vars = append(vars, obj)
		index = obj.emitted()
	}
	val := s.Value.(*ast.Ident)
	name := val.Name
	if name != "_" {
		obj := &object{kind: objVar}
		r.declare(val, obj, false) // its text is gone from the header
		name = obj.emitted()
	}
	r.insert(r.off(s.Body.Lbrace)+1, " "+name+" := "+sv+"["+index+"]; _ = "+name+";")
	r.loopBody(s.Body, vars, false)
	r.pop()
	r.insert(r.off(s.End()), " }")
}
