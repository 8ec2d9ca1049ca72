package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// loopVar is what the walk of a loop body found about one loop variable.
type loopVar struct {
	litDepth int          // function-literal depth of the loop
	captured bool         // used where its address may outlive the iteration
	modified token.Pos    // first assignment in the body, if any
	refs     []*ast.Ident // uses in the body, renamed when the copy is renamed
}

// forStmt walks a three-clause loop and gives its variables Go 1.22
// per-iteration semantics where the body can tell the difference.
func (r *rewriter) forStmt(s *ast.ForStmt) {
	r.enterLoop()
	defer r.leaveLoop()
	r.push()
	r.headerStmt(s.Init)
	vars := r.definedBy(s.Init)
	r.expr(s.Cond, 0)
	r.headerStmt(s.Post)
	r.loopBody(s.Body, vars, true)
	r.pop()
}

// definedBy returns the objects a `:=` statement declared in the current
// block.
func (r *rewriter) definedBy(s ast.Stmt) []*object {
	as, ok := s.(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE {
		return nil
	}
	var vars []*object
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok {
			if o := r.sc.objs[id.Name]; o != nil {
				vars = append(vars, o)
			}
		}
	}
	return vars
}

// loopBody walks a loop body and, for the loop variables the body captures,
// starts the body with per-iteration copies (`i := i`). yaegi shares one
// variable across iterations, as Go did before 1.22. A three-clause loop
// variable that the body also assigns cannot be copied without changing
// what the loop's post statement sees, so it is refused.
func (r *rewriter) loopBody(body *ast.BlockStmt, vars []*object, threeClause bool) {
	for _, v := range vars {
		v.loop = &loopVar{litDepth: r.litDepth}
	}
	r.block(body)
	var lhs, rhs []string
	for _, v := range vars {
		lv := v.loop
		v.loop = nil
		if !lv.captured && len(lv.refs) > 0 && r.aliasedByInterfaces(v) && !(threeClause && lv.modified.IsValid()) {
			lv.captured = true
		}
		if !lv.captured {
			continue
		}
		if threeClause && lv.modified.IsValid() {
			r.errorf(lv.modified, "loop variable %s is both captured and modified in the loop body; "+
				"concur cannot give it Go 1.22 per-iteration semantics yet — copy it explicitly: j := %s", v.name, v.name)
			continue
		}
		name := v.name
		if r.region {
			// In yaegi's global scope `i := i` would reuse the loop's i: copy under a new name.
			name = r.freshName(v.name)
			for _, id := range lv.refs {
				r.setName(id, name)
			}
		}
		lhs = append(lhs, name)
		rhs = append(rhs, v.emitted())
	}
	if len(lhs) == 0 || r.quiet > 0 {
		return
	}
	decl := " " + strings.Join(lhs, ", ") + " := " + strings.Join(rhs, ", ") + ";"
	if redeclares(body, lhs) {
		// The body declares the same name: keep it in a block of its own.
		r.insert(r.off(body.Lbrace)+1, decl+" {")
		r.insert(r.off(body.Rbrace), "} ")
		return
	}
	r.insert(r.off(body.Lbrace)+1, decl)
}

// aliasedByInterfaces reports whether yaegi would share a loop variable
// among iterations through interface values: it puts a value of a type the
// learner declared into an interface (fmt.Stringer, any, ...) by reference
// to the variable, so `ns = append(ns, w)` in a loop leaves every element
// holding the last w. A per-iteration copy gives each its own.
func (r *rewriter) aliasedByInterfaces(v *object) bool {
	obj := r.objectOf(v.ident)
	if obj == nil {
		return false
	}
	named, ok := types.Unalias(obj.Type()).(*types.Named)
	return ok && r.isSessionPkg(named.Obj().Pkg()) && !types.IsInterface(named)
}

// redeclares reports whether a block declares one of names at its top level.
func redeclares(body *ast.BlockStmt, names []string) bool {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for _, s := range body.List {
		switch s := s.(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE {
				for _, l := range s.Lhs {
					if id, ok := l.(*ast.Ident); ok && want[id.Name] {
						return true
					}
				}
			}
		case *ast.DeclStmt:
			if d, ok := s.Decl.(*ast.GenDecl); ok {
				for _, spec := range d.Specs {
					switch sp := spec.(type) {
					case *ast.ValueSpec:
						for _, n := range sp.Names {
							if want[n.Name] {
								return true
							}
						}
					case *ast.TypeSpec:
						if want[sp.Name.Name] {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// rangeStmt walks a range loop. Ranging over a function iterator is
// refused; ranging over an integer is rewritten; other loops get
// per-iteration copies of captured variables.
func (r *rewriter) rangeStmt(s *ast.RangeStmt, label *ast.LabeledStmt) {
	kind := r.rangeOver(s.X)
	if kind == rangeChan {
		defer r.pushTarget(targetLoop, s)()
		defer r.breakable(true)()
		r.enterLoop()
		defer r.leaveLoop()
		r.rangeChan(s)
		return
	}
	if r.chanElems(s, kind) {
		r.rangeChanElems(s, label)
		return
	}
	r.expr(s.X, 0)
	if kind == rangeFunc {
		defer r.pushTarget(targetYield, s)()
		r.rangeFunc(s, label)
		return
	}
	defer r.pushTarget(targetLoop, s)()
	defer r.breakable(true)()
	r.enterLoop()
	defer r.leaveLoop()
	if kind == rangeInt && rangeIntForm(s) {
		r.rangeInt(s, label)
		return
	}
	r.push()
	var vars []*object
	if s.Tok == token.DEFINE {
		for _, e := range []ast.Expr{s.Key, s.Value} {
			if id, ok := e.(*ast.Ident); ok {
				obj := &object{kind: objVar}
				r.declare(id, obj, true)
				if id.Name != "_" {
					vars = append(vars, obj)
				}
			}
		}
	} else {
		r.expr(s.Key, ctxModify)
		r.expr(s.Value, ctxModify)
	}
	r.loopBody(s.Body, vars, false)
	r.pop()
}

// rangeIntForm reports whether a range loop over an integer has a form the
// rewrite handles: no variables, or one identifier declared or assigned.
func rangeIntForm(s *ast.RangeStmt) bool {
	if s.Value != nil {
		return false
	}
	if s.Key == nil {
		return true
	}
	_, ok := s.Key.(*ast.Ident)
	return ok
}

// rangeInt rewrites `L: for i := range n { body }` (Go 1.22, which makes
// yaegi's compiler panic) into
//
//	{ __concur_nN := n; L: for __concur_kN := __concur_nN - __concur_nN; __concur_kN < __concur_nN; __concur_kN++ { i := __concur_kN; _ = i; body } }
//
// on the loop's own lines. n is evaluated once, the counter has n's type
// and i is a fresh variable each iteration, as in Go.
func (r *rewriter) rangeInt(s *ast.RangeStmt, label *ast.LabeledStmt) {
	id := itoa(r.nextID())
	n, k := reservedPrefix+"_n"+id, reservedPrefix+"_k"+id
	start := r.off(s.For)
	labelText := ""
	if label != nil {
		start = r.off(label.Pos())
		labelText = r.directive(r.off(label.Label.Pos())) + label.Label.Name + ": "
	}
	head, closeHead := "{ "+n+" := ", ""
	key, _ := s.Key.(*ast.Ident)
	bind, declared := "", ""
	if key != nil && key.Name != "_" && s.Tok == token.ASSIGN {
		r.quiet++
		obj := r.use(key, ctxModify)
		r.quiet--
		name := key.Name
		if obj != nil {
			name = obj.emitted()
		}
		if r.isConst(s.X) {
			// An untyped constant takes the type of the assigned variable.
			head += name + " - " + name + " + ("
			closeHead = ")"
		}
		bind = " " + name + " = " + k + ";"
	}
	r.replace(start, r.off(s.X.Pos()), head)
	r.push() // the loop's block, holding i
	if key != nil && key.Name != "_" && s.Tok == token.DEFINE {
		obj := &object{kind: objVar}
		r.declare(key, obj, false)
		declared = obj.emitted()
		bind = " " + declared + " := " + k + "; _ = " + declared + ";"
	}
	open, closeBody := "", " }"
	if declared != "" && redeclares(s.Body, []string{declared}) {
		open, closeBody = " {", " } }"
	}
	r.replace(r.off(s.X.End()), r.off(s.Body.Lbrace)+1,
		closeHead+"; "+labelText+"for "+k+" := "+n+" - "+n+"; "+k+" < "+n+"; "+k+"++ {"+bind+open)
	r.block(s.Body)
	r.insert(r.off(s.Body.Rbrace)+1, closeBody)
	r.pop()
}
