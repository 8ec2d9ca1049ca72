package rewrite

import (
	"go/ast"
	"go/printer"
	"go/types"
	"strings"
)

// typeSwitch walks a type switch. Its symbol is a new variable in each
// clause, all with one emitted name.
func (r *rewriter) typeSwitch(s *ast.TypeSwitchStmt, label *ast.LabeledStmt) {
	r.push()
	r.stmt(s.Init)
	var sym *ast.Ident
	var x ast.Expr
	switch a := s.Assign.(type) {
	case *ast.AssignStmt:
		if len(a.Lhs) == 1 && len(a.Rhs) == 1 {
			sym, _ = a.Lhs[0].(*ast.Ident)
			if ta, ok := a.Rhs[0].(*ast.TypeAssertExpr); ok {
				x = ta.X
			}
		}
	case *ast.ExprStmt:
		if ta, ok := a.X.(*ast.TypeAssertExpr); ok {
			x = ta.X
		}
	}
	r.expr(x, 0)
	for _, c := range s.Body.List {
		if cc, ok := c.(*ast.CaseClause); ok {
			for _, t := range cc.List {
				if _, ok := r.caseHelper(x, t); !ok && !r.refuseValueAssert(x, t) {
					r.refuseProgramImpls(t)
				}
				r.refuseNamedBasic(t)
				r.refuseBasicBeside(t)
			}
		}
	}
	if x != nil && r.ifaceCase(s) {
		r.assertSwitch(s, label, sym, x)
		if sym != nil && sym.Name != "_" {
			r.clauses(s.Body, func() { r.sc.objs[sym.Name] = &object{name: sym.Name, kind: objVar} })
		} else {
			r.clauses(s.Body, nil)
		}
		r.pop()
		return
	}
	if sym == nil || sym.Name == "_" || x == nil {
		r.clauses(s.Body, nil)
		r.pop()
		return
	}
	rename := ""
	if r.region && r.visible(sym.Name) { // the clause blocks are yaegi-global
		rename = r.freshName(sym.Name)
	}
	declare := func() {
		r.sc.objs[sym.Name] = &object{name: sym.Name, kind: objVar, rename: rename}
	}
	if r.region {
		r.splitTypeSwitch(s, label, sym, x, rename)
	} else if rename != "" {
		r.setName(sym, rename)
	}
	r.clauses(s.Body, declare)
	r.pop()
}

// splitTypeSwitch rewrites `switch v := x.(type)` in top-level statements,
// where yaegi's compiler panics on it (index out of range), into
//
//	switch __concur_xN := x; __concur_xN.(type) { case T: v := __concur_xN.(T); _ = v; ... }
//
// which declares v in each clause with the type Go gives it: the case's
// type when the case names one, else x's type. With an init statement of
// its own, the switch goes into a block that holds the init.
func (r *rewriter) splitTypeSwitch(s *ast.TypeSwitchStmt, label *ast.LabeledStmt, sym *ast.Ident, x ast.Expr, rename string) {
	xv := reservedPrefix + "_x" + itoa(r.nextID())
	name := sym.Name
	if rename != "" {
		name = rename
	}
	if s.Init == nil {
		r.replace(r.off(s.Assign.Pos()), r.off(x.Pos()), xv+" := ")
	} else {
		start, labelText := r.off(s.Switch), ""
		if label != nil {
			start = r.off(label.Pos())
			labelText = r.directive(r.off(label.Label.Pos())) + label.Label.Name + ": "
		}
		r.replace(start, r.off(s.Init.Pos()), "{ ")
		r.replace(r.off(s.Init.End()), r.off(x.Pos()), "; "+labelText+"switch "+xv+" := ")
		r.insert(r.off(s.Body.Rbrace)+1, " }")
	}
	r.replace(r.off(x.End()), r.off(s.Assign.End()), "; "+xv+".(type)")
	for _, c := range s.Body.List {
		cc, ok := c.(*ast.CaseClause)
		if !ok {
			continue
		}
		value := xv
		if len(cc.List) == 1 && !r.isNil(cc.List[0]) {
			value = xv + ".(" + r.directive(r.off(cc.List[0].Pos())) + r.typeText(cc.List[0]) + ")"
		}
		r.insert(r.off(cc.Colon)+1, " "+name+" := "+value+"; _ = "+name+";")
	}
}

// ifaceCase reports whether a case of a type switch names an interface
// type with methods (error, fmt.Stringer, the program's), or a struct type
// of the program or a pointer to one: yaegi v0.16.1's type switch misses
// those too (measured: case plain missed a plain{1} handed to a parameter
// of type any, case *user a &user{}, case failed a failed in an error),
// where its comma-ok assertions get them right.
func (r *rewriter) ifaceCase(s *ast.TypeSwitchStmt) bool {
	for _, c := range s.Body.List {
		cc, ok := c.(*ast.CaseClause)
		if !ok {
			continue
		}
		for _, t := range cc.List {
			tt := r.typeOf(t)
			if tt == nil {
				continue
			}
			if iface, ok := tt.Underlying().(*types.Interface); ok && !iface.Empty() {
				return true
			}
			if r.programStruct(tt) {
				return true
			}
		}
	}
	return false
}

// programStruct reports whether t is a struct type the program declares,
// or a pointer to one.
func (r *rewriter) programStruct(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !r.isSessionPkg(n.Obj().Pkg()) {
		return false
	}
	_, isStruct := n.Underlying().(*types.Struct)
	return isStruct
}

// assertSwitch rewrites a type switch with a case that names an interface
// type with methods, which yaegi v0.16.1 gets wrong (a case error missed
// errors.New's errors and the program's own error types, a case
// fmt.Stringer a *strings.Builder), into an expression switch on type
// assertions, which it gets right:
//
//	switch __concur_xN := x; { case func(__concur_xN_a any) bool { _, ok := __concur_xN_a.(T); return ok }(__concur_xN) || __concur_xN == nil: v := __concur_xN; _ = v; ... }
//
// (the value a parameter of each literal: with the literals capturing it,
// a value of the program's pointer type made yaegi panic in reflect.Set).
//
// in source order, as Go tries the cases; v is declared in each clause
// with the type Go gives it (the case's type when the case names one, else
// x's type). With an init statement of its own, the switch goes into a
// block that holds the init.
func (r *rewriter) assertSwitch(s *ast.TypeSwitchStmt, label *ast.LabeledStmt, sym *ast.Ident, x ast.Expr) {
	xv := reservedPrefix + "_x" + itoa(r.nextID())
	if s.Init == nil {
		r.replace(r.off(s.Assign.Pos()), r.off(x.Pos()), xv+" := ")
	} else {
		start, labelText := r.off(s.Switch), ""
		if label != nil {
			start = r.off(label.Pos())
			labelText = r.directive(r.off(label.Label.Pos())) + label.Label.Name + ": "
		}
		r.replace(start, r.off(s.Init.Pos()), "{ ")
		r.replace(r.off(s.Init.End()), r.off(x.Pos()), "; "+labelText+"switch "+xv+" := ")
		r.insert(r.off(s.Body.Rbrace)+1, " }")
	}
	r.replace(r.off(x.End()), r.off(s.Assign.End()), "; ")
	for _, c := range s.Body.List {
		cc, ok := c.(*ast.CaseClause)
		if !ok {
			continue
		}
		for i, t := range cc.List {
			if i > 0 {
				// One condition: yaegi tries only the first of a case's
				// expressions in a switch without a tag.
				r.replace(r.off(cc.List[i-1].End()), r.off(t.Pos()), " || ")
			}
			if r.isNil(t) {
				r.insert(r.off(t.Pos()), xv+" == ")
				continue
			}
			if h, ok := r.caseHelper(x, t); ok {
				// The interface's helper (ifaceassert.go), with x's type.
				r.replace(r.off(t.Pos()), r.off(t.End()), "func("+xv+"_a "+h.sText+") bool { _, ok := "+h.name+"("+xv+"_a); return ok }("+xv+")")
				continue
			}
			r.insert(r.off(t.Pos()), "func("+xv+"_a any) bool { _, ok := "+xv+"_a.(")
			r.insert(r.off(t.End()), "); return ok }("+xv+")")
		}
		if sym == nil || sym.Name == "_" {
			continue
		}
		value := xv
		if len(cc.List) == 1 && !r.isNil(cc.List[0]) {
			value = xv + ".(" + r.directive(r.off(cc.List[0].Pos())) + r.typeText(cc.List[0]) + ")"
			if h, ok := r.caseHelper(x, cc.List[0]); ok {
				value = h.name + "_1(" + xv + ")"
			}
		}
		r.insert(r.off(cc.Colon)+1, " "+sym.Name+" := "+value+"; _ = "+sym.Name+";")
	}
}

// isNil reports whether e is the predeclared nil.
func (r *rewriter) isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "nil" && r.isBuiltin(id)
}

// typeText prints a type on one line, for a copy of it.
func (r *rewriter) typeText(t ast.Expr) string {
	var b strings.Builder
	if err := printer.Fprint(&b, r.fset, t); err != nil {
		return r.text(t)
	}
	return b.String()
}

// caseHelper returns the assertion helper of a type switch's case t
// naming an interface with methods, for the switch's operand x.
func (r *rewriter) caseHelper(x, t ast.Expr) (*assertHelper, bool) {
	if x == nil || t == nil || r.isNil(t) {
		return nil, false
	}
	return r.assertHelperFor(r.typeOf(x), r.typeOf(t))
}
