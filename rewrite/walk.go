package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// declareTop declares the names of every declarations unit before the walk,
// as Go's package scope does, with what can be known of their types.
func (r *rewriter) declareTop() {
	for _, u := range r.units {
		if u.kind == kindStmts {
			continue
		}
		for _, d := range u.file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name != "_" {
					r.top.objs[d.Name.Name] = r.funcObject(d)
				}
			case *ast.GenDecl:
				r.declareGen(d, false)
			}
		}
	}
}

// funcObject describes a declared function.
func (r *rewriter) funcObject(d *ast.FuncDecl) *object {
	obj := &object{name: d.Name.Name, kind: objFunc}
	if d.Type.TypeParams != nil && r.libraryGeneric(d.Name.Name) {
		obj.rename = r.freshName(d.Name.Name)
		r.setName(d.Name, obj.rename)
		r.renamed[d.Name.Name] = obj.rename
	}
	return obj
}

// walkUnit walks a parsed unit, recording rewrites and refusals.
func (r *rewriter) walkUnit(u *unit) {
	r.sc = r.top
	r.enterFunc(nil)
	if u.kind == kindStmts {
		r.fn, r.region = r.mainFn, true
		gotos := gotoLabels(u.body())
		for _, s := range u.body() {
			if l, ok := s.(*ast.LabeledStmt); ok && gotos[l.Label.Name] {
				r.stmt(s) // a goto outside must still see the label
			} else if wrappable(s) {
				r.wrapInFunc(s)
			} else {
				r.stmt(s)
			}
		}
		r.region = false
		return
	}
	if u.kind == kindImports {
		u.empty = r.dropReimports(u, r.env.Imports) == 0
		return
	}
	if u.kind == kindProgram {
		// A program pasted into a session: yaegi has the session's imports.
		r.dropReimports(u, r.sessionImports)
	}
	for _, d := range u.file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if r.isMainFunc(r.objectOf(d.Name)) {
				r.setName(d.Name, mainName)
			}
			r.funcDecl(d)
		case *ast.GenDecl:
			r.fn = r.globFn
			r.genDeclExprs(d)
		}
	}
}

// wrapInFunc runs a compound statement of a snippet's top level (if, for,
// switch, select, block) in a function literal called at once:
// `func() { for ... { ... } }()`. yaegi compiles the blocks of top-level
// statements in its global scope, where several things break that work in
// a function: `x := ...` in an inner block reuses an outer x instead of
// declaring a new one, `switch v := x.(type)` and `if v, ok := m[k]; ok`
// make its compiler panic, and `case v, ok := <-ch` leaves v undefined.
// Names declared inside a compound statement are local to it anyway, and
// top-level variables it uses stay global, so nothing else changes.
func (r *rewriter) wrapInFunc(s ast.Stmt) {
	r.insert(r.off(s.Pos()), "func() { ")
	savedRegion := r.region
	r.region, r.loops = false, nil
	r.litDepth++
	r.push()
	r.stmt(s)
	r.pop()
	r.litDepth--
	r.region = savedRegion
	r.insert(r.off(s.End()), " }();") // the statement may have ended with its own semicolon
}

// gotoLabels returns the labels that goto statements name.
func gotoLabels(list []ast.Stmt) map[string]bool {
	labels := map[string]bool{}
	for _, s := range list {
		ast.Inspect(s, func(n ast.Node) bool {
			if b, ok := n.(*ast.BranchStmt); ok && b.Tok == token.GOTO && b.Label != nil {
				labels[b.Label.Name] = true
			}
			return true
		})
	}
	return labels
}

// wrappable reports whether a top-level statement is compound and may run
// in a function of its own: nothing in it (outside function literals)
// returns from the snippet, defers to the snippet's end or jumps with goto.
func wrappable(s ast.Stmt) bool {
	switch s.(type) {
	case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt,
		*ast.SelectStmt, *ast.BlockStmt, *ast.LabeledStmt:
	default:
		return false
	}
	ok := true
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.DeferStmt:
			ok = false
		case *ast.BranchStmt:
			if n.Tok == token.GOTO {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// dropReimports removes imports the session already has: yaegi refuses to
// import a package name twice ("fmt/_.go redeclared in this block"), where
// a learner retyping an import expects nothing to happen. It returns how
// many imports are left; an imports unit left without any is not evaluated
// at all.
func (r *rewriter) dropReimports(u *unit, have map[string]string) int {
	kept := 0
	for _, d := range u.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		var fresh []string
		for _, spec := range gd.Specs {
			if !r.reimport(spec.(*ast.ImportSpec), have) {
				fresh = append(fresh, r.directive(r.off(spec.Pos()))+r.text(spec))
			}
		}
		kept += len(fresh)
		switch {
		case len(fresh) == len(gd.Specs):
		case len(fresh) == 0:
			r.replace(r.off(gd.Pos()), r.off(gd.End()), "")
		default:
			r.replace(r.off(gd.Pos()), r.off(gd.End()), "import ("+strings.Join(fresh, "; ")+")")
		}
	}
	return kept
}

// reimport reports whether an import brings a package name the session
// already has for the same path.
func (r *rewriter) reimport(s *ast.ImportSpec, have map[string]string) bool {
	p, err := strconv.Unquote(s.Path.Value)
	if err != nil {
		return false
	}
	name := r.importName(p)
	if s.Name != nil {
		name = s.Name.Name
	}
	return have[name] == p
}

// funcDecl walks a function or method declaration.
func (r *rewriter) funcDecl(d *ast.FuncDecl) {
	r.fn, r.loops = &funcCtx{name: funcDeclName(d), body: d.Body}, nil
	if d.Recv == nil {
		r.fn.frame = "main." + d.Name.Name
	}
	if g := r.mono.in.generics[d.Name.Name]; g != nil && d.Recv == nil && d.Type.TypeParams != nil && !g.isType {
		defer r.enterGeneric(g, d, map[ast.Node]segKind{d.Name: segSelf, d.Type.TypeParams: segEmpty})()
		r.monoMark(d.Name)
		r.markList(d.Type.TypeParams)
	} else if g, recv := r.recvGeneric(d); g != nil {
		defer r.enterGeneric(g, d, map[ast.Node]segKind{recv: segSelf})()
	}
	sig, _ := r.typeOf(d.Name).(*types.Signature)
	savedYield := r.enterFunc(sig)
	defer r.leaveFunc(savedYield)
	r.push()
	if d.Recv != nil {
		for _, f := range d.Recv.List {
			for _, tp := range recvTypeParams(f.Type) {
				r.declare(tp, &object{kind: objType}, true)
			}
		}
		r.params(d.Recv)
	}
	r.quietTypeParams(d.Type.TypeParams)
	r.params(d.Type.Params)
	r.params(d.Type.Results)
	if d.Body != nil {
		r.stmts(d.Body.List)
	}
	r.pop()
}

// funcDeclName names a declared function as Go's stack traces do, without
// the package: worker, T.run, (*T).run.
func funcDeclName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	t := d.Recv.List[0].Type
	star := false
	if s, ok := t.(*ast.StarExpr); ok {
		t, star = s.X, true
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	name := "?"
	if id, ok := t.(*ast.Ident); ok {
		name = id.Name
	}
	if star {
		return "(*" + name + ")." + d.Name.Name
	}
	return name + "." + d.Name.Name
}

// recvTypeParams returns the type parameters named in a receiver type such
// as *List[T].
func recvTypeParams(t ast.Expr) []*ast.Ident {
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	var idx []ast.Expr
	switch x := t.(type) {
	case *ast.IndexExpr:
		idx = []ast.Expr{x.Index}
	case *ast.IndexListExpr:
		idx = x.Indices
	}
	var ids []*ast.Ident
	for _, e := range idx {
		if id, ok := e.(*ast.Ident); ok {
			ids = append(ids, id)
		}
	}
	return ids
}

// quietTypeParams declares type parameters; in a generic declaration
// whose copies leave the list out, without edits.
func (r *rewriter) quietTypeParams(fl *ast.FieldList) {
	if r.mono.generic != nil && fl != nil {
		r.quiet++
		defer func() { r.quiet-- }()
	}
	r.typeParams(fl)
}

// typeParams declares type parameters.
func (r *rewriter) typeParams(fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		for _, n := range f.Names {
			r.declare(n, &object{kind: objType}, true)
		}
	}
	for _, f := range fl.List {
		r.expr(f.Type, 0)
	}
}

// params walks parameter types and declares the parameter names.
func (r *rewriter) params(fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		r.expr(f.Type, 0)
		for _, n := range f.Names {
			r.declare(n, &object{kind: objVar}, true)
		}
	}
}

// funcLit walks a function literal and returns its goroutine name.
func (r *rewriter) funcLit(lit *ast.FuncLit) string {
	name := r.fn.nextLit()
	r.litNames[lit] = name
	savedFn, savedRegion, savedLoops := r.fn, r.region, r.loops
	r.fn, r.region, r.loops = &funcCtx{name: name, lit: true, body: lit.Body}, false, nil
	if savedFn.frame != "" {
		r.fn.frame = savedFn.frame + ".func"
	}
	sig, _ := r.typeOf(lit).(*types.Signature)
	savedYield := r.enterFunc(sig)
	defer r.leaveFunc(savedYield)
	r.litDepth++
	r.push()
	r.params(lit.Type.Params)
	r.params(lit.Type.Results)
	r.stmts(lit.Body.List)
	r.pop()
	r.litDepth--
	r.fn, r.region, r.loops = savedFn, savedRegion, savedLoops
	return name
}

// genDeclExprs walks the types and values of a top-level declaration whose
// names declareTop already declared.
func (r *rewriter) genDeclExprs(d *ast.GenDecl) {
	if r.constGroup(d) {
		return
	}
	for _, spec := range d.Specs {
		switch s := spec.(type) {
		case *ast.ValueSpec:
			r.nameMakes(identExprs(s.Names), s.Values)
			r.genericFuncVar(d, s, false)
			closeLits, closeParens := func() {}, func() {}
			if !r.sessionVarInit(d, s) { // an init function gets the calls right too
				closeLits = r.libraryGenericVar(d, s)
				closeParens = r.parenSpec(s)
			}
			r.expr(s.Type, 0)
			r.exprs(s.Values)
			closeParens()
			closeLits()
		case *ast.TypeSpec:
			if r.poolTypeSpec(s) {
				continue
			}
			if g := r.mono.in.generics[s.Name.Name]; g != nil && g.isType && s.TypeParams != nil {
				leave := r.enterGeneric(g, s, map[ast.Node]segKind{s.Name: segSelf, s.TypeParams: segEmpty})
				r.monoMark(s.Name)
				r.markList(s.TypeParams)
				r.push()
				r.quietTypeParams(s.TypeParams)
				r.expr(s.Type, 0)
				r.pop()
				leave()
				continue
			}
			r.push()
			r.typeParams(s.TypeParams)
			r.expr(s.Type, 0)
			r.pop()
		}
	}
}

// declareGen declares the names of a const, var or type declaration in the
// current block; local says the declaration is a statement, whose values
// and types are walked here and are in scope only after it.
func (r *rewriter) declareGen(d *ast.GenDecl, local bool) {
	written := local && r.constGroup(d)
	for _, spec := range d.Specs {
		switch s := spec.(type) {
		case *ast.ValueSpec:
			if local && !written {
				r.nameMakes(identExprs(s.Names), s.Values)
				r.genericFuncVar(d, s, true)
				r.expr(s.Type, 0)
				closeParens := r.parenSpec(s)
				r.exprs(s.Values)
				closeParens()
			}
			for _, n := range s.Names {
				kind := objVar
				if d.Tok == token.CONST {
					kind = objConst
				}
				obj := &object{kind: kind}
				if local {
					r.declare(n, obj, true)
				} else if n.Name != "_" {
					obj.name = n.Name
					r.top.objs[n.Name] = obj
				}
			}
		case *ast.TypeSpec:
			obj := &object{kind: objType}
			if !local {
				obj.name = s.Name.Name
				r.top.objs[s.Name.Name] = obj
				continue
			}
			r.declare(s.Name, obj, true)
			r.push()
			r.typeParams(s.TypeParams)
			r.expr(s.Type, 0)
			r.pop()
		}
	}
}

// stmts walks a statement list in the current block.
func (r *rewriter) stmts(list []ast.Stmt) {
	for _, s := range list {
		r.stmt(s)
	}
}

// block walks a block statement in a block of its own.
func (r *rewriter) block(b *ast.BlockStmt) {
	if b == nil {
		return
	}
	r.push()
	r.stmts(b.List)
	r.pop()
}

func (r *rewriter) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.BlockStmt:
		r.block(s)
	case *ast.ExprStmt:
		if u, ok := isRecv(s.X); ok && !r.header {
			r.recvStmt(s, u, func() {})
			return
		}
		r.markPanic(s)
		r.printStatement(s)
		r.expr(s.X, 0)
	case *ast.SendStmt:
		r.sendStmt(s)
	case *ast.IncDecStmt:
		first := len(r.edits)
		r.expr(s.X, ctxModify)
		r.racePoint(s, first)
	case *ast.AssignStmt:
		r.assign(s)
	case *ast.GoStmt:
		r.printOperands(s.Call)
		r.goStmt(s)
	case *ast.DeferStmt:
		r.printOperands(s.Call)
		r.deferStmt(s)
	case *ast.ReturnStmt:
		closeParens := r.parenBuiltins(s.Results)
		r.exprs(s.Results)
		closeParens()
		if r.innerYield() != nil {
			r.yieldReturn(s)
		}
	case *ast.BranchStmt:
		if !r.selectBranch(s) && r.innerYield() != nil {
			r.yieldBranch(s)
		}
	case *ast.DeclStmt:
		if d, ok := s.Decl.(*ast.GenDecl); ok {
			r.declareGen(d, true)
		}
	case *ast.LabeledStmt:
		r.yield.labelDepth[s.Label.Name] = len(r.yield.yields)
		r.labelFor = s
		switch inner := s.Stmt.(type) {
		case *ast.RangeStmt:
			r.rangeStmt(inner, s)
			return
		case *ast.TypeSwitchStmt:
			defer r.pushTarget(targetSwitch, inner)()
			defer r.breakable(false)()
			r.typeSwitch(inner, s)
			return
		}
		r.stmt(s.Stmt)
	case *ast.IfStmt:
		r.push()
		if u, ok := commaOKRecv(s.Init); ok {
			r.ifRecvOK(s, u)
			r.block(s.Body)
			r.stmt(s.Else)
			r.pop()
			return
		}
		r.headerStmt(s.Init)
		r.expr(s.Cond, 0)
		r.block(s.Body)
		r.stmt(s.Else)
		r.pop()
	case *ast.SwitchStmt:
		defer r.pushTarget(targetSwitch, s)()
		defer r.breakable(false)()
		r.push()
		r.headerStmt(s.Init)
		r.expr(s.Tag, 0)
		r.clauses(s.Body, nil)
		r.pop()
	case *ast.TypeSwitchStmt:
		defer r.pushTarget(targetSwitch, s)()
		defer r.breakable(false)()
		r.typeSwitch(s, nil)
	case *ast.SelectStmt:
		defer r.pushTarget(targetSelect, s)()
		defer r.breakable(false)()
		r.selectStmt(s)
	case *ast.ForStmt:
		defer r.pushTarget(targetLoop, s)()
		defer r.breakable(true)()
		r.forStmt(s)
	case *ast.RangeStmt:
		r.rangeStmt(s, nil)
	}
}

// breakable counts, for a range-over-func body around the walk, an
// ordinary loop (an unlabeled continue or break is then its own) or a
// switch or select (an unlabeled break is its own); it returns what undoes
// it.
func (r *rewriter) breakable(loop bool) func() {
	y := r.innerYield()
	if y == nil {
		return func() {}
	}
	if loop {
		y.loops++
		return func() { y.loops-- }
	}
	y.switches++
	return func() { y.switches-- }
}

// markPanic tells the engine where a panic call is, with its value: the
// interpreter cannot say where a panic happened, so the engine remembers the
// position per goroutine for the traceback. The value goes through a
// temporary so it is evaluated once, as Go does.
func (r *rewriter) markPanic(s *ast.ExprStmt) {
	call, ok := s.X.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return
	}
	if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "panic" || !r.isBuiltin(id) {
		return
	}
	if id, ok := call.Args[0].(*ast.Ident); ok && id.Name == "nil" {
		r.panicNil(call) // a typed temporary cannot hold an untyped nil
		return
	}
	line, col := r.lineCol(r.off(call.Pos()))
	r.insert(r.off(call.Pos()), "{ __concur_p := ")
	r.replace(r.off(call.Pos()), r.off(call.Args[0].Pos()), "")
	r.replace(r.off(call.Args[0].End()), r.off(call.End()), r.panicTail("__concur_p", call.Args[0], line, col))
}

// clauses walks the case clauses of a switch or select, each in its own
// block; declare, if set, declares a type switch's symbol in each clause.
func (r *rewriter) clauses(body *ast.BlockStmt, declare func()) {
	if body == nil {
		return
	}
	for _, c := range body.List {
		r.push()
		switch c := c.(type) {
		case *ast.CaseClause:
			r.exprs(c.List)
			if declare != nil {
				declare()
			}
			r.stmts(c.Body)
		case *ast.CommClause:
			r.stmt(c.Comm)
			r.stmts(c.Body)
		}
		r.pop()
	}
}

// assign walks an assignment; `:=` declares the names that are new in the
// current block (at the input's top level every name, as yaegi redeclares).
func (r *rewriter) assign(s *ast.AssignStmt) {
	first := len(r.edits)
	defer func() { r.racePoint(s, first) }()
	r.nameMakes(s.Lhs, s.Rhs)
	r.libVarAssign(s)
	defer r.parenValues(s)()
	if len(s.Rhs) == 1 && len(s.Lhs) <= 2 && s.Tok != token.ADD_ASSIGN {
		if u, ok := s.Rhs[0].(*ast.UnaryExpr); ok && u.Op == token.ARROW && (len(s.Lhs) == 1 || s.Tok == token.DEFINE || s.Tok == token.ASSIGN) {
			first = -1 // a receive is a scheduling point already
			r.assignRecv(s, u)
			return
		}
	}
	if s.Tok != token.DEFINE {
		for _, l := range s.Lhs {
			r.expr(l, ctxModify)
		}
		r.exprs(s.Rhs)
		return
	}
	r.exprs(s.Rhs)
	r.assignNames(s)
}

// assignNames walks the left side of an assignment whose right side has
// been walked: `:=` declares the names new in the current block.
func (r *rewriter) assignNames(s *ast.AssignStmt) {
	if s.Tok != token.DEFINE {
		for _, l := range s.Lhs {
			r.expr(l, ctxModify)
		}
		return
	}
	for _, l := range s.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			r.expr(l, ctxModify)
			continue
		}
		if id.Name == "_" {
			continue
		}
		if r.sc != r.top && r.sc.objs[id.Name] != nil {
			r.use(id, ctxModify)
			continue
		}
		r.declare(id, &object{kind: objVar}, true)
	}
}

func (r *rewriter) exprs(list []ast.Expr) {
	for _, e := range list {
		r.expr(e, 0)
	}
}

// expr walks an expression or type; ctx says how an operand that is a
// variable is used.
func (r *rewriter) expr(e ast.Expr, ctx useCtx) {
	switch e := e.(type) {
	case *ast.Ident:
		r.use(e, ctx)
	case *ast.CompositeLit:
		r.compositeLit(e)
	case *ast.KeyValueExpr:
		r.expr(e.Key, 0)
		r.expr(e.Value, 0)
	case *ast.FuncLit:
		r.funcLit(e)
	case *ast.ParenExpr:
		r.expr(e.X, ctx)
	case *ast.SelectorExpr:
		r.selector(e, ctx)
	case *ast.IndexExpr:
		if id, ok := e.X.(*ast.Ident); ok && (r.monoMark(e) || r.monoUse(id, e)) {
			return
		}
		r.expr(e.X, ctx)
		r.expr(e.Index, 0)
	case *ast.IndexListExpr:
		if id, ok := e.X.(*ast.Ident); ok && (r.monoMark(e) || r.monoUse(id, e)) {
			return
		}
		r.expr(e.X, ctx)
		r.exprs(e.Indices)
	case *ast.SliceExpr:
		r.expr(e.X, ctx|ctxCapture) // slicing an array takes its address
		r.expr(e.Low, 0)
		r.expr(e.High, 0)
		r.expr(e.Max, 0)
	case *ast.TypeAssertExpr:
		if e.Type != nil && r.assertCall(e) {
			break
		}
		if !r.refuseValueAssert(e.X, e.Type) {
			r.refuseProgramImpls(e.Type)
		}
		r.refuseNamedBasic(e.Type)
		r.refuseBasicBeside(e.Type)
		r.expr(e.X, 0)
		r.expr(e.Type, 0)
	case *ast.CallExpr:
		r.call(e)
	case *ast.StarExpr:
		r.expr(e.X, 0)
	case *ast.UnaryExpr:
		switch e.Op {
		case token.AND:
			if lit, ok := e.X.(*ast.CompositeLit); ok && r.genericStructLit(lit, e) {
				break
			}
			r.expr(e.X, ctxCapture)
		case token.ARROW:
			r.recvExpr(e)
		default:
			r.expr(e.X, 0)
		}
	case *ast.BinaryExpr:
		if r.errCompare(e) {
			break
		}
		r.refuseWrappedCompare(e)
		r.expr(e.X, 0)
		r.expr(e.Y, 0)
	case *ast.ArrayType:
		r.expr(e.Len, 0)
		r.expr(e.Elt, 0)
	case *ast.StructType:
		r.fieldTypes(e.Fields)
	case *ast.FuncType:
		r.fieldTypes(e.TypeParams)
		r.fieldTypes(e.Params)
		r.fieldTypes(e.Results)
	case *ast.InterfaceType:
		r.fieldTypes(e.Methods)
	case *ast.MapType:
		r.expr(e.Key, 0)
		r.expr(e.Value, 0)
	case *ast.ChanType:
		r.expr(e.Value, 0)
	case *ast.Ellipsis:
		r.expr(e.Elt, 0)
	}
}

// compositeLit walks a composite literal. A key that is a bare identifier
// names a struct field unless the literal is a map, slice or array: it is
// not a use of a variable (renaming it would break the literal).
func (r *rewriter) compositeLit(e *ast.CompositeLit) {
	if r.genericStructLit(e, nil) {
		return
	}
	r.expr(e.Type, 0)
	fieldKeys := true
	switch ast.Unparen(e.Type).(type) {
	case *ast.MapType, *ast.ArrayType:
		fieldKeys = false
	}
	for _, el := range e.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			r.expr(el, 0)
			continue
		}
		if _, ident := kv.Key.(*ast.Ident); !ident || !fieldKeys {
			r.expr(kv.Key, 0)
		}
		r.expr(kv.Value, 0)
	}
}

// fieldTypes walks the types of a field list whose names declare nothing
// in the current block (struct fields, a func type's parameters).
func (r *rewriter) fieldTypes(fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		r.expr(f.Type, 0)
	}
}

// selector walks x.Sel. A receiver may have its address taken by a method
// value or a pointer method. (A standard package used without an import is
// imported on first use: the type checker finds which.)
func (r *rewriter) selector(e *ast.SelectorExpr, ctx useCtx) {
	if ctx&ctxCall == 0 && (r.refuseOnceValue(e) || r.refuseErrorsValue(e)) {
		return
	}
	if r.methodExpr(e) {
		return
	}
	if ctx&ctxCall == 0 && r.isMethodValue(e) {
		r.bindMethodValue(e)
	}
	if r.isPointerLike(e.X) {
		// p.f = v and p.m() go through the pointer: p itself is neither
		// changed nor its address taken.
		r.expr(e.X, 0)
		return
	}
	r.expr(e.X, ctx&^ctxCall|ctxCapture)
}

// bindMethodValue makes a method value x.m (not called at once) take its
// receiver when it is evaluated, as Go does: yaegi v0.16.1 reads the
// receiver's variable when the method value is called, so
// `fs = append(fs, w.run)` in a loop calls run on the last w every time.
// x.m becomes
//
//	func() func(...) ... { __concur_mN := x; return __concur_mN.m }()
//
// with x's address for a pointer method of a variable, and *x copied for a
// value method through a pointer.
func (r *rewriter) bindMethodValue(e *ast.SelectorExpr) {
	sel := r.info.Selections[e]
	fn, ok := sel.Obj().(*types.Func)
	if !ok || r.quiet > 0 {
		return
	}
	text, ok := r.typeSource(r.typeOf(e))
	if !ok {
		return
	}
	_, ptrRecv := fn.Signature().Recv().Type().(*types.Pointer)
	_, xPtr := coreType(r.typeOf(e.X)).(*types.Pointer)
	prefix := ""
	switch {
	case ptrRecv && !xPtr:
		prefix = "&"
	case !ptrRecv && xPtr && !types.IsInterface(fn.Signature().Recv().Type()):
		prefix = "*"
	}
	tmp := fmt.Sprintf("%s_m%d", reservedPrefix, r.nextID())
	r.insert(r.off(e.Pos()), "func() "+text+" { "+tmp+" := "+prefix)
	r.replace(r.off(e.X.End()), r.off(e.End()), "; return "+tmp+"."+e.Sel.Name+" }()")
}

// call walks a call, rewriting the builtins yaegi lacks.
func (r *rewriter) call(e *ast.CallExpr) {
	if id, ok := e.Fun.(*ast.Ident); ok && r.isBuiltin(id) {
		switch id.Name {
		case "min", "max":
			r.minMax(e, id)
			return
		case "clear":
			r.setName(id, "__concur.Clear")
			r.exprs(e.Args)
			return
		case "new":
			r.newValue(e, id)
		case "close":
			r.closeCall(e, id)
			return
		case "print", "println":
			r.printCall(e, id)
			return
		case "recover":
			r.recoverCall(e)
		case "make":
			if r.isMakeChan(e) {
				r.makeChan(e)
				return
			}
		}
	}
	if r.onceValueCall(e) || r.libraryVariadic(e) {
		return
	}
	if r.errorsCall(e) {
		r.bindLiterals(e)
		return
	}
	if sel, ok := e.Fun.(*ast.SelectorExpr); ok {
		if fn, ok := r.objectOf(sel.Sel).(*types.Func); ok {
			r.refuseErrorsIs(fn, e)
			r.pullTypeArgs(fn, e, sel)
		}
	}
	closeBoxes := r.boxWrapped(e)
	r.logPlace(e)
	closeTyped := r.typedOperands(e)
	closeCopies := r.methodOperands(e)
	r.expr(e.Fun, ctxCall)
	r.exprs(e.Args)
	closeCopies()
	closeTyped()
	closeBoxes()
	r.bindLiterals(e)
}

// bindLiterals puts a function literal handed to code the interpreter did
// not compile itself (a standard package's function or method, a function
// value, a conversion) in parentheses. yaegi v0.16.1 wraps a literal given
// there directly in a function whose variables are the calling frame's at
// the time of the call (a loop's wg.Go(func() { worker(i) }) then sees the
// last i in every goroutine), while a parenthesized one is first made a
// closure value, with the variables of its own iteration, as Go does.
func (r *rewriter) bindLiterals(e *ast.CallExpr) {
	switch r.callOf(e) {
	case callInterpreted, callBuiltin:
		return
	}
	for _, a := range e.Args {
		if lit, ok := a.(*ast.FuncLit); ok {
			r.insert(r.off(lit.Pos()), "(")
			r.insert(r.off(lit.End()), ")")
		}
	}
}

// newValue rewrites Go 1.26's new(expr), which yaegi takes for new(T) of
// the expression's type (new(42) gives a pointer to 0), into
//
//	func() *T { __concur_vN := (T)(expr); return &__concur_vN }()
//
// T being the type go/types gives the new variable (yaegi fails on the
// generic __concur_new[T](expr) in its global scope; that is what a type
// concur cannot write down gets).
func (r *rewriter) newValue(e *ast.CallExpr, id *ast.Ident) {
	if len(e.Args) != 1 || r.info.Types[e.Args[0]].IsType() {
		return
	}
	if ptr, ok := r.typeOf(e).(*types.Pointer); ok {
		if t, ok := r.typeSource(ptr.Elem()); ok {
			v := fmt.Sprintf("%s_v%d", reservedPrefix, r.nextID())
			r.replace(r.off(e.Pos()), r.off(e.Args[0].Pos()), "func() *"+t+" { "+v+" := ("+t+")(")
			r.replace(r.off(e.Args[0].End()), r.off(e.End()), "); return &"+v+" }()")
			return
		}
	}
	r.setName(id, reservedPrefix+"_new")
}
