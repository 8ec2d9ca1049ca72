package typecheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// working is the session as one check sees it: names the input declares
// again are hidden (renamed where earlier declarations use them), methods it
// declares again are left out. Check reverts the renames when it is done;
// Commit applies them again.
type working struct {
	s       *Session
	renames []rename
	imports map[string]string
	vars    map[string]*types.Var
	varDecl map[string]*ast.Ident
	byName  map[string]types.Object
	dropped map[*storedDecl]bool
}

type rename struct {
	id       *ast.Ident
	old, new string
}

func (s *Session) workingState(top topNames) *working {
	w := &working{
		s:       s,
		imports: copyMap(s.imports),
		vars:    copyMap(s.vars),
		varDecl: copyMap(s.varDecl),
		byName:  copyMap(s.byName),
		dropped: map[*storedDecl]bool{},
	}
	for name := range top.decls {
		w.hide(name)
	}
	for name, spec := range top.imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		if w.imports[name] != path {
			w.hide(name)
		}
	}
	for _, d := range s.stored {
		if d.recv != nil && top.methods[[2]string{d.recv.Name, d.method}] && !top.decls[d.recv.Name] {
			w.dropped[d] = true
		}
	}
	return w
}

func copyMap[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// hide gives what the session calls name a hidden name.
func (w *working) hide(name string) {
	hidden := w.s.hiddenName(name)
	if path, ok := w.imports[name]; ok {
		delete(w.imports, name)
		w.imports[hidden] = path
	}
	if v, ok := w.vars[name]; ok {
		delete(w.vars, name)
		w.vars[hidden] = types.NewVar(v.Pos(), v.Pkg(), hidden, v.Type())
	}
	if id, ok := w.varDecl[name]; ok {
		delete(w.varDecl, name)
		w.varDecl[hidden] = id
		w.setName(id, hidden)
	}
	if obj, ok := w.byName[name]; ok {
		delete(w.byName, name)
		w.byName[hidden] = obj
		for id, o := range w.s.resolved {
			if o == obj {
				w.setName(id, hidden)
			}
		}
	}
}

// hideForHoist hides the session's objects named like the input's top-level
// variables that are about to be declared at package level.
func (w *working) hideForHoist(vars map[string]*types.Var) {
	for name := range vars {
		if w.declares(name) || w.imports[name] != "" {
			w.hide(name)
		}
	}
}

// declares reports whether the session has an object of that name.
func (w *working) declares(name string) bool {
	_, a := w.byName[name]
	_, b := w.vars[name]
	_, c := w.varDecl[name]
	return a || b || c
}

func (w *working) setName(id *ast.Ident, name string) {
	w.renames = append(w.renames, rename{id, id.Name, name})
	id.Name = name
}

// revert undoes the renames.
func (w *working) revert() {
	for i := len(w.renames) - 1; i >= 0; i-- {
		w.renames[i].id.Name = w.renames[i].old
	}
}

// apply makes the renames again.
func (w *working) apply() {
	for _, r := range w.renames {
		r.id.Name = r.new
	}
}

// decls returns the declarations the check sees.
func (w *working) decls() []ast.Decl {
	var out []ast.Decl
	for _, d := range w.s.stored {
		if !w.dropped[d] {
			out = append(out, d.decl)
		}
	}
	return out
}

// plan is what Commit adds to the session.
type plan struct {
	work     *working
	pkg      *types.Package
	info     *types.Info
	stored   []*storedDecl
	vars     map[string]*types.Var
	varDecl  map[string]*ast.Ident
	imports  map[string]string
	dots     []string
	resolved map[*ast.Ident]types.Object // idents the plan made, and their objects
	names    map[string]bool             // names the input declares
}

// newPlan decides how the input's declarations are kept: decls are its
// package-level declarations, stmts its statements (whose top-level :=
// declare variables).
func (s *Session) newPlan(decls []ast.Decl, stmts []ast.Stmt, imports []*ast.ImportSpec, p *pass, res *Result) *plan {
	pl := &plan{
		pkg: p.pkg, info: p.info,
		vars: map[string]*types.Var{}, varDecl: map[string]*ast.Ident{},
		imports: map[string]string{}, resolved: map[*ast.Ident]types.Object{}, names: map[string]bool{},
	}
	addVar := func(id *ast.Ident) {
		v, ok := p.info.Defs[id].(*types.Var)
		if !ok || id.Name == "_" {
			return
		}
		pl.names[id.Name] = true
		delete(pl.vars, id.Name)
		delete(pl.varDecl, id.Name)
		if !mentionsPackage(v.Type(), p.pkg) {
			pl.vars[id.Name] = v
			return
		}
		name := ast.NewIdent(id.Name)
		name.NamePos = id.Pos()
		conv := &typeConv{pkg: p.pkg, s: s, pl: pl}
		t, ok := conv.expr(v.Type())
		if !ok {
			// A type the session cannot write down (it mentions an
			// unexported type of another package): keep the name, without
			// a type. Go's checker then says nothing of its uses; the
			// interpreter still does.
			pl.vars[id.Name] = types.NewVar(id.Pos(), p.pkg, id.Name, types.Typ[types.Invalid])
			return
		}
		pl.stored = append(pl.stored, &storedDecl{decl: &ast.GenDecl{Tok: token.VAR, TokPos: id.Pos(),
			Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{name}, Type: t}}}})
		pl.varDecl[id.Name] = name
		pl.resolved[name] = v
	}
	for _, d := range decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Name.Name == "_" || (d.Recv == nil && d.Name.Name == "init") {
				continue
			}
			stripped := &ast.FuncDecl{Recv: d.Recv, Name: d.Name, Type: d.Type, Body: endless(d)}
			sd := &storedDecl{decl: stripped}
			if d.Recv != nil {
				sd.recv, sd.method = recvBase(d), d.Name.Name
			} else {
				pl.names[d.Name.Name] = true
			}
			pl.stored = append(pl.stored, sd)
		case *ast.GenDecl:
			switch d.Tok {
			case token.VAR:
				for _, spec := range d.Specs {
					for _, n := range spec.(*ast.ValueSpec).Names {
						addVar(n)
					}
				}
			case token.CONST, token.TYPE:
				pl.stored = append(pl.stored, &storedDecl{decl: d})
				for _, spec := range d.Specs {
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						for _, n := range spec.Names {
							pl.names[n.Name] = true
						}
					case *ast.TypeSpec:
						pl.names[spec.Name.Name] = true
					}
				}
			}
		}
	}
	for _, st := range stmts {
		if as, ok := st.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
			for _, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok && p.info.Defs[id] != nil {
					addVar(id)
				}
			}
		}
	}
	for _, spec := range imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		pkg, err := s.imp.load(path)
		if err != nil {
			continue
		}
		name := pkg.Name()
		if spec.Name != nil {
			name = spec.Name.Name
		}
		switch name {
		case "_":
		case ".":
			pl.dots = append(pl.dots, path)
		default:
			pl.imports[name] = path
		}
	}
	if res != nil {
		for name, path := range res.Imports {
			pl.imports[name] = path
		}
	}
	delete(pl.names, "_")
	return pl
}

// endless is the body a kept function gets: none (a function implemented
// elsewhere, to go/types), or for a generic one, which must have a body,
// `for {}`: it ends the function whatever it returns, and mentions no name.
func endless(d *ast.FuncDecl) *ast.BlockStmt {
	if d.Type.TypeParams.NumFields() == 0 && (d.Recv == nil || !genericRecv(d)) {
		return nil
	}
	pos := d.Type.End()
	if d.Body != nil {
		pos = d.Body.Lbrace
	}
	return &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ForStmt{For: pos, Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos}}}, Rbrace: pos}
}

// genericRecv reports whether a method's receiver has type parameters.
func genericRecv(d *ast.FuncDecl) bool {
	t := ast.Unparen(d.Recv.List[0].Type)
	if st, ok := t.(*ast.StarExpr); ok {
		t = ast.Unparen(st.X)
	}
	switch t.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// Commit makes a checked input part of the session. The input must be the
// last one checked, and its check must have had no errors.
func (s *Session) Commit(res *Result) {
	pl := res.plan
	if pl == nil {
		return
	}
	w := pl.work
	if w == nil {
		// A program: what it declares replaces what the session had.
		top := topNames{decls: pl.names, imports: map[string]*ast.ImportSpec{}}
		for name := range pl.imports {
			if s.imports[name] != pl.imports[name] {
				top.decls[name] = true
			}
		}
		w = s.workingState(top)
	} else {
		w.apply()
	}
	for name := range pl.names {
		if w.declares(name) {
			w.hide(name)
		}
	}
	for name, path := range pl.imports {
		if w.imports[name] != "" && w.imports[name] != path {
			w.hide(name)
		}
	}
	var kept []*storedDecl
	for _, d := range s.stored {
		if !w.dropped[d] {
			kept = append(kept, d)
		}
	}
	s.stored = append(kept, pl.stored...)
	s.imports, s.vars, s.varDecl = w.imports, w.vars, w.varDecl
	for name, path := range pl.imports {
		s.imports[name] = path
	}
	for name, v := range pl.vars {
		s.vars[name] = v
	}
	for name, id := range pl.varDecl {
		s.varDecl[name] = id
	}
	s.dots = append(s.dots, pl.dots...)

	// What the stored declarations' identifiers denote, for the renames of
	// later inputs: from this check, for the declarations it saw.
	resolved := map[*ast.Ident]types.Object{}
	for _, d := range s.stored {
		ast.Inspect(d.decl, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if obj := pl.info.Defs[id]; obj != nil {
					resolved[id] = obj
				} else if obj := pl.info.Uses[id]; obj != nil {
					resolved[id] = obj
				} else if obj := pl.resolved[id]; obj != nil {
					resolved[id] = obj
				}
			}
			return true
		})
	}
	s.resolved = resolved
	byName := map[string]types.Object{}
	scope := pl.pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if _, isVar := obj.(*types.Var); isVar {
			continue // kept in vars or varDecl
		}
		if _, isPkg := obj.(*types.PkgName); isPkg {
			continue // kept in imports
		}
		byName[name] = obj
	}
	s.byName = byName
}

// mentionsPackage reports whether t involves a named type of pkg.
func mentionsPackage(t types.Type, pkg *types.Package) bool {
	found := false
	seen := map[types.Type]bool{}
	var walk func(types.Type)
	walk = func(t types.Type) {
		if found || t == nil || seen[t] {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Named:
			if t.Obj().Pkg() == pkg {
				found = true
				return
			}
			for i := range t.TypeArgs().Len() {
				walk(t.TypeArgs().At(i))
			}
		case *types.Alias:
			if t.Obj().Pkg() == pkg {
				found = true
				return
			}
			walk(types.Unalias(t))
		case *types.Pointer:
			walk(t.Elem())
		case *types.Slice:
			walk(t.Elem())
		case *types.Array:
			walk(t.Elem())
		case *types.Map:
			walk(t.Key())
			walk(t.Elem())
		case *types.Chan:
			walk(t.Elem())
		case *types.Signature:
			walk(t.Params())
			walk(t.Results())
		case *types.Tuple:
			for i := range t.Len() {
				walk(t.At(i).Type())
			}
		case *types.Struct:
			for i := range t.NumFields() {
				walk(t.Field(i).Type())
			}
		case *types.Interface:
			for i := range t.NumExplicitMethods() {
				walk(t.ExplicitMethod(i).Type())
			}
			for i := range t.NumEmbeddeds() {
				walk(t.EmbeddedType(i))
			}
		case *types.Union:
			for i := range t.Len() {
				walk(t.Term(i).Type())
			}
		case *types.TypeParam:
			found = true // cannot be written outside its declaration
		}
	}
	walk(t)
	return found
}

// typeConv writes a type as a Go type expression for a session declaration.
type typeConv struct {
	pkg *types.Package // the check's package
	s   *Session
	pl  *plan
}

func (c *typeConv) ident(name string, obj types.Object) *ast.Ident {
	id := ast.NewIdent(name)
	if obj != nil {
		c.pl.resolved[id] = obj
	}
	return id
}

// qualified writes a named type's name, with its package's import name when
// it is not the session's.
func (c *typeConv) qualified(obj *types.TypeName) (ast.Expr, bool) {
	if obj.Pkg() == c.pkg {
		if obj.Parent() != c.pkg.Scope() {
			return nil, false // a local type
		}
		return c.ident(obj.Name(), obj), true
	}
	if obj.Pkg() == nil {
		return c.ident(obj.Name(), obj), true // error
	}
	if !obj.Exported() {
		return nil, false
	}
	alias := hiddenPrefix + "imp_" + strings.NewReplacer("/", "_", ".", "_", "-", "_").Replace(obj.Pkg().Path())
	c.pl.imports[alias] = obj.Pkg().Path()
	return &ast.SelectorExpr{X: ast.NewIdent(alias), Sel: ast.NewIdent(obj.Name())}, true
}

func (c *typeConv) expr(t types.Type) (ast.Expr, bool) {
	switch t := t.(type) {
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			return nil, false
		}
		return ast.NewIdent(t.Name()), true
	case *types.Alias:
		return c.expr(types.Unalias(t))
	case *types.Named:
		x, ok := c.qualified(t.Obj())
		if !ok {
			return nil, false
		}
		if args := t.TypeArgs(); args.Len() > 0 {
			var list []ast.Expr
			for i := range args.Len() {
				a, ok := c.expr(args.At(i))
				if !ok {
					return nil, false
				}
				list = append(list, a)
			}
			return &ast.IndexListExpr{X: x, Indices: list}, true
		}
		return x, true
	case *types.Pointer:
		x, ok := c.expr(t.Elem())
		return &ast.StarExpr{X: x}, ok
	case *types.Slice:
		x, ok := c.expr(t.Elem())
		return &ast.ArrayType{Elt: x}, ok
	case *types.Array:
		x, ok := c.expr(t.Elem())
		return &ast.ArrayType{Len: &ast.BasicLit{Kind: token.INT, Value: strconv.FormatInt(t.Len(), 10)}, Elt: x}, ok
	case *types.Map:
		k, ok1 := c.expr(t.Key())
		v, ok2 := c.expr(t.Elem())
		return &ast.MapType{Key: k, Value: v}, ok1 && ok2
	case *types.Chan:
		x, ok := c.expr(t.Elem())
		dir := ast.SEND | ast.RECV
		switch t.Dir() {
		case types.SendOnly:
			dir = ast.SEND
		case types.RecvOnly:
			dir = ast.RECV
		}
		return &ast.ChanType{Dir: dir, Value: x}, ok
	case *types.Signature:
		params, ok1 := c.fields(t.Params(), t.Variadic())
		results, ok2 := c.fields(t.Results(), false)
		return &ast.FuncType{Params: params, Results: results}, ok1 && ok2
	case *types.Struct:
		fl := &ast.FieldList{}
		for i := range t.NumFields() {
			f := t.Field(i)
			if !f.Exported() && f.Pkg() != c.pkg {
				return nil, false
			}
			x, ok := c.expr(f.Type())
			if !ok {
				return nil, false
			}
			field := &ast.Field{Type: x}
			if !f.Embedded() {
				field.Names = []*ast.Ident{ast.NewIdent(f.Name())}
			}
			if tag := t.Tag(i); tag != "" {
				field.Tag = &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(tag)}
			}
			fl.List = append(fl.List, field)
		}
		return &ast.StructType{Fields: fl}, true
	case *types.Interface:
		fl := &ast.FieldList{}
		for i := range t.NumEmbeddeds() {
			x, ok := c.expr(t.EmbeddedType(i))
			if !ok {
				return nil, false
			}
			fl.List = append(fl.List, &ast.Field{Type: x})
		}
		for i := range t.NumExplicitMethods() {
			m := t.ExplicitMethod(i)
			if !m.Exported() && m.Pkg() != c.pkg {
				return nil, false
			}
			x, ok := c.expr(m.Type())
			if !ok {
				return nil, false
			}
			fl.List = append(fl.List, &ast.Field{Names: []*ast.Ident{ast.NewIdent(m.Name())}, Type: x})
		}
		return &ast.InterfaceType{Methods: fl}, true
	}
	return nil, false
}

func (c *typeConv) fields(tup *types.Tuple, variadic bool) (*ast.FieldList, bool) {
	fl := &ast.FieldList{}
	for i := range tup.Len() {
		t := tup.At(i).Type()
		if variadic && i == tup.Len()-1 {
			s, ok := t.(*types.Slice)
			if !ok {
				return nil, false
			}
			x, ok := c.expr(s.Elem())
			if !ok {
				return nil, false
			}
			fl.List = append(fl.List, &ast.Field{Type: &ast.Ellipsis{Elt: x}})
			continue
		}
		x, ok := c.expr(t)
		if !ok {
			return nil, false
		}
		fl.List = append(fl.List, &ast.Field{Type: x})
	}
	return fl, true
}
