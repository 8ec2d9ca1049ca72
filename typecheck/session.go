// Package typecheck type-checks learner inputs with go/types, the Go
// compiler's own type checker, against everything the session declared
// before, as concur's REPL understands a session:
//
//   - A whole file (`package main`) is checked alone, exactly as go build
//     checks it: unused variables and imports are errors.
//   - A REPL snippet mixes declarations and statements. Its declarations are
//     package-level, in any order, as in a Go file; its statements run in
//     order, as in a function body. A top-level `x := 1` declares a session
//     variable that later inputs see, and so do the snippet's own functions;
//     it is never "declared and not used". Imports persist from input to
//     input and are never "imported and not used"; a standard package used
//     as pkg.Name without an import is imported on first use.
//   - A later input may declare a name again (REPL redefinition). What was
//     declared with the old name keeps the old meaning, as in the
//     interpreter: the old object stays in the session under a hidden name
//     (see Demangle in package rewrite), and code declared before keeps
//     referring to it.
//
// The session keeps what earlier inputs declared as Go declarations, checked
// again with every input: types and constants as written, functions and
// methods with their bodies left out (their signatures are what later inputs
// can see), variables with their types. So a method added to a type
// declared in an earlier input is a method of that type, for values made
// before too, as the interpreter has it. Variables whose type involves no
// type of the session keep their go/types object from input to input.
//
// Check never changes the session; Commit makes a checked input part of it,
// once the interpreter has run it. An input that does not type-check is
// refused before the interpreter sees it, so the session stays exactly as it
// was.
package typecheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"github.com/concur-dev/concur/internal/lazyregexp"
)

// GoVersion is the language version inputs are checked against.
const GoVersion = "go1.26"

// Input is one learner input, parsed by the caller into the session's
// FileSet.
type Input struct {
	// Program is a whole file starting with `package`; the other fields are
	// then unused.
	Program *ast.File
	// A snippet's top-level parts, each in source order.
	Imports []*ast.ImportSpec
	Decls   []ast.Decl // const, type, var and func declarations
	Stmts   []ast.Stmt
}

// Error is a type error of an input, at a position of the input.
type Error struct {
	Pos token.Pos
	Msg string
}

// Result is a checked input.
type Result struct {
	Pkg    *types.Package
	Info   *types.Info
	Errors []Error // sorted by position; the input may run only without any
	// Imports maps the package names this input imports, explicitly or on
	// first use, to their paths.
	Imports map[string]string
	// AutoImports are the paths of standard packages the input used without
	// importing them, in order of first use.
	AutoImports []string
	// Vars are the session variables the input declares at top level with :=.
	Vars map[string]*types.Var
	// Declared are the names the input declares at top level, sorted.
	Declared []string
	// Hoisted are the top-level := variables the input's own declarations
	// use: the interpreter must see them declared before those declarations.
	Hoisted []string

	in   *Input
	plan *plan // what Commit applies
}

// Session is what the inputs of one REPL session declared, for go/types.
type Session struct {
	fset *token.FileSet
	imp  *Importer
	std  map[string]string // auto-importable package names -> paths
	conf types.Config

	stored   []*storedDecl
	vars     map[string]*types.Var // session variables kept as objects
	varDecl  map[string]*ast.Ident // session variables kept as declarations: their names
	imports  map[string]string     // package name (possibly hidden) -> path
	dots     []string              // paths imported with `import .`
	resolved map[*ast.Ident]types.Object
	byName   map[string]types.Object // the session's objects by name
	hidden   int
}

// storedDecl is a declaration an earlier input made, as the session keeps it.
type storedDecl struct {
	decl   ast.Decl
	recv   *ast.Ident // a method's receiver base type name
	method string     // a method's name
}

// NewSession returns an empty session that checks inputs in fset, imports
// through imp, and may import the standard packages in std (package name ->
// path) on first use.
func NewSession(fset *token.FileSet, imp *Importer, std map[string]string) *Session {
	if std == nil {
		std = map[string]string{}
	}
	return &Session{
		fset:     fset,
		imp:      imp,
		std:      std,
		conf:     types.Config{GoVersion: GoVersion, Importer: imp, Sizes: types.SizesFor("gc", runtime.GOARCH)},
		vars:     map[string]*types.Var{},
		varDecl:  map[string]*ast.Ident{},
		imports:  map[string]string{},
		resolved: map[*ast.Ident]types.Object{},
		byName:   map[string]types.Object{},
	}
}

// FileSet is the session's file set: inputs must be parsed into it.
func (s *Session) FileSet() *token.FileSet { return s.fset }

// Importer is the session's importer.
func (s *Session) Importer() *Importer { return s.imp }

// Imports returns the packages the session imported, by name.
func (s *Session) Imports() map[string]string {
	out := map[string]string{}
	for name, path := range s.imports {
		if !strings.HasPrefix(name, hiddenPrefix) {
			out[name] = path
		}
	}
	return out
}

// Lookup returns the session's object of name, or nil.
func (s *Session) Lookup(name string) types.Object { return s.byName[name] }

// Names returns the names the session declared (not its imports), sorted.
func (s *Session) Names() []string {
	var names []string
	for name, obj := range s.byName {
		if _, pkg := obj.(*types.PkgName); !pkg && !strings.HasPrefix(name, hiddenPrefix) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

func newInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
}

// Check type-checks an input against the session, without changing it.
func (s *Session) Check(in *Input) *Result {
	if in.Program != nil {
		return s.checkProgram(in)
	}
	return s.checkSnippet(in)
}

// checker runs one go/types pass and collects its errors.
type pass struct {
	pkg  *types.Package
	info *types.Info
	errs []types.Error
}

func (s *Session) run(files []*ast.File, setup func(*types.Package)) *pass {
	p := &pass{pkg: types.NewPackage("main", "main"), info: newInfo()}
	if setup != nil {
		setup(p.pkg)
	}
	conf := s.conf
	conf.Error = func(err error) {
		if te, ok := err.(types.Error); ok {
			p.errs = append(p.errs, te)
		}
	}
	types.NewChecker(&conf, s.fset, p.pkg, p.info).Files(files)
	return p
}

// checkProgram checks a whole file on its own, as go build does.
func (s *Session) checkProgram(in *Input) *Result {
	f := in.Program
	res := &Result{in: in, Imports: map[string]string{}, Vars: map[string]*types.Var{}}
	var errs []Error
	refused := map[token.Pos]bool{}
	for _, spec := range f.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		if _, err := s.imp.Import(path); err != nil {
			errs = append(errs, Error{spec.Path.Pos(), err.Error()})
			refused[spec.Path.Pos()] = true
			continue
		}
		name := s.imp.pkgs[path]
		if spec.Name != nil {
			res.Imports[spec.Name.Name] = path
		} else if name != nil {
			res.Imports[name.Name()] = path
		}
	}
	p := s.run([]*ast.File{f}, nil)
	for _, e := range p.errs {
		if !refused[e.Pos] {
			errs = append(errs, Error{e.Pos, e.Msg})
		}
	}
	errs = append(errs, s.missingUses(p.info, func(token.Pos) bool { return true })...)
	res.Pkg, res.Info, res.Errors = p.pkg, p.info, sortErrors(errs)
	res.plan = s.planProgram(f, p)
	res.Declared = sortedKeys(res.plan.names)
	delete(res.Imports, "_")
	delete(res.Imports, ".")
	return res
}

// Program objects become session declarations like a snippet's.
func (s *Session) planProgram(f *ast.File, p *pass) *plan {
	var decls []ast.Decl
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			continue
		}
		decls = append(decls, d)
	}
	return s.newPlan(decls, nil, f.Imports, p, nil)
}

// topNames are the names a snippet declares at top level.
type topNames struct {
	decls   map[string]bool            // package-level declarations
	vars    map[string]bool            // top-level := variables
	methods map[[2]string]bool         // receiver base type, method
	imports map[string]*ast.ImportSpec // explicit imports by package name
}

func (s *Session) topNames(in *Input) topNames {
	t := topNames{decls: map[string]bool{}, vars: map[string]bool{}, methods: map[[2]string]bool{}, imports: map[string]*ast.ImportSpec{}}
	for _, d := range in.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				if d.Name.Name != "init" {
					t.decls[d.Name.Name] = true
				}
			} else if base := recvBase(d); base != nil {
				t.methods[[2]string{base.Name, d.Name.Name}] = true
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.ValueSpec:
					for _, n := range spec.Names {
						t.decls[n.Name] = true
					}
				case *ast.TypeSpec:
					t.decls[spec.Name.Name] = true
				}
			}
		}
	}
	for _, spec := range in.Imports {
		if name := s.importName(spec); name != "" && name != "_" && name != "." {
			t.imports[name] = spec
		}
	}
	for _, st := range in.Stmts {
		if as, ok := st.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
			for _, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					t.vars[id.Name] = true
				}
			}
		}
	}
	delete(t.decls, "_")
	delete(t.vars, "_")
	return t
}

// importName is the name an import declares: its own, or the package's.
func (s *Session) importName(spec *ast.ImportSpec) string {
	if spec.Name != nil {
		return spec.Name.Name
	}
	path, err := strconv.Unquote(spec.Path.Value)
	if err != nil {
		return ""
	}
	if pkg, err := s.imp.load(path); err == nil {
		return pkg.Name()
	}
	return ""
}

// recvBase returns the identifier naming a method's receiver base type.
func recvBase(d *ast.FuncDecl) *ast.Ident {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return nil
	}
	t := ast.Unparen(d.Recv.List[0].Type)
	if st, ok := t.(*ast.StarExpr); ok {
		t = ast.Unparen(st.X)
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	id, _ := t.(*ast.Ident)
	return id
}

// inInput reports whether a position is in the input's own text.
func (s *Session) inInput(in *Input) func(token.Pos) bool {
	files := map[*token.File]bool{}
	add := func(n ast.Node) {
		if n != nil && n.Pos().IsValid() {
			files[s.fset.File(n.Pos())] = true
		}
	}
	for _, d := range in.Decls {
		add(d)
	}
	for _, st := range in.Stmts {
		add(st)
	}
	for _, spec := range in.Imports {
		add(spec)
	}
	return func(pos token.Pos) bool { return !pos.IsValid() || files[s.fset.File(pos)] }
}

// inputFunc is the function a snippet's statements are checked in.
const inputFunc = hiddenPrefix + "input"

// checkSnippet checks a REPL snippet.
func (s *Session) checkSnippet(in *Input) *Result {
	top := s.topNames(in)
	res := &Result{in: in, Imports: map[string]string{}, Vars: map[string]*types.Var{}}
	w := s.workingState(top)
	defer w.revert()

	var errs []Error
	// Explicit imports.
	pkgNames := map[string]*types.Package{}
	for name, path := range w.imports {
		if pkg, err := s.imp.load(path); err == nil {
			pkgNames[name] = pkg
		}
	}
	var dots []*types.Package
	for _, path := range s.dots {
		if pkg, err := s.imp.load(path); err == nil {
			dots = append(dots, pkg)
		}
	}
	for _, spec := range in.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		pkg, err := s.imp.Import(path)
		if err != nil {
			errs = append(errs, Error{spec.Path.Pos(), err.Error()})
			continue
		}
		name := pkg.Name()
		if spec.Name != nil {
			name = spec.Name.Name
		}
		switch name {
		case "_":
		case ".":
			dots = append(dots, pkg)
		default:
			pkgNames[name] = pkg
			res.Imports[name] = path
		}
	}
	// Standard packages used without an import.
	auto := s.autoCandidates(in, top, w)
	for name, path := range auto {
		if pkg, err := s.imp.load(path); err == nil {
			pkgNames[name] = pkg
		}
	}

	body := append([]ast.Stmt(nil), in.Stmts...)
	if n := len(body); n > 0 {
		// The REPL shows the value of a last expression: it is used.
		if es, ok := body[n-1].(*ast.ExprStmt); ok && !isStatementExpr(es.X) {
			body[n-1] = &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("_")}, TokPos: es.X.Pos(), Tok: token.ASSIGN, Rhs: []ast.Expr{es.X}}
		}
	}
	stmts := &ast.FuncDecl{
		Name: ast.NewIdent(inputFunc),
		Type: &ast.FuncType{Params: &ast.FieldList{}},
		Body: &ast.BlockStmt{List: append(body, uses(top.vars)...)},
	}
	if len(in.Stmts) > 0 {
		stmts.Body.Lbrace = in.Stmts[0].Pos()
		stmts.Body.Rbrace = in.Stmts[len(in.Stmts)-1].End()
	}
	current := &ast.File{Name: ast.NewIdent("main"), Decls: append(append([]ast.Decl(nil), in.Decls...), stmts)}
	storedFile := &ast.File{Name: ast.NewIdent("main"), Decls: w.decls()}

	setup := func(hoisted map[string]*types.Var) func(*types.Package) {
		return func(pkg *types.Package) {
			scope := pkg.Scope()
			for _, dpkg := range dots {
				for _, name := range dpkg.Scope().Names() {
					if obj := dpkg.Scope().Lookup(name); obj.Exported() {
						scope.Insert(obj)
					}
				}
			}
			for name, ipkg := range pkgNames {
				scope.Insert(types.NewPkgName(token.NoPos, pkg, name, ipkg))
			}
			for _, v := range w.vars {
				scope.Insert(v)
			}
			for _, v := range hoisted {
				scope.Insert(v)
			}
		}
	}
	p := s.run([]*ast.File{storedFile, current}, setup(nil))
	inStmts := func(pos token.Pos) bool {
		for _, st := range in.Stmts {
			if st.Pos() <= pos && pos <= st.End() {
				return true
			}
		}
		return false
	}
	if names := s.varsUsedByDecls(in, top, p); len(names) > 0 {
		// Declarations of this input use its top-level variables: check
		// again with those variables at package level, typed as the first
		// pass found them. Statements keep the first pass's errors (there a
		// use before the := is undefined, as in a function), declarations
		// get the second's.
		hoisted := map[string]*types.Var{}
		for _, name := range names {
			if v := topVar(in, p.info, name); v != nil {
				hoisted[name] = types.NewVar(v.Pos(), p.pkg, name, v.Type())
			}
		}
		w.hideForHoist(hoisted)
		p2 := s.run([]*ast.File{storedFile, current}, setup(hoisted))
		var kept []types.Error
		for _, e := range p.errs {
			if inStmts(e.Pos) {
				kept = append(kept, e)
			}
		}
		for _, e := range p2.errs {
			if !inStmts(e.Pos) {
				kept = append(kept, e)
			}
		}
		p2.errs = kept
		p = p2
		res.Hoisted = names
	}
	inInput := s.inInput(in)
	for _, e := range p.errs {
		if inInput(e.Pos) {
			errs = append(errs, Error{e.Pos, Demangle(e.Msg)})
		}
	}
	errs = append(errs, s.missingUses(p.info, inInput)...)
	res.Pkg, res.Info, res.Errors = p.pkg, p.info, sortErrors(errs)

	// Auto-imports actually used, in order of first use.
	type use struct {
		pos  token.Pos
		name string
	}
	var used []use
	for id, obj := range p.info.Uses {
		if pn, ok := obj.(*types.PkgName); ok && auto[pn.Name()] != "" && inInput(id.Pos()) {
			used = append(used, use{id.Pos(), pn.Name()})
		}
	}
	sort.Slice(used, func(i, j int) bool { return used[i].pos < used[j].pos })
	for _, u := range used {
		if _, ok := res.Imports[u.name]; !ok {
			res.Imports[u.name] = auto[u.name]
			res.AutoImports = append(res.AutoImports, auto[u.name])
		}
	}
	for name := range top.vars {
		if v := topVar(in, p.info, name); v != nil {
			res.Vars[name] = v
		}
	}
	res.plan = s.newPlan(in.Decls, in.Stmts, in.Imports, p, res)
	res.plan.work = w
	res.Declared = sortedKeys(res.plan.names)
	return res
}

func sortedKeys(m map[string]bool) []string {
	if len(m) == 0 {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// AddImports records imports the interpreter made although the input that
// asked for them failed later (package name -> path).
func (s *Session) AddImports(imports map[string]string) {
	for name, path := range imports {
		if s.imports[name] == "" {
			s.imports[name] = path
		}
	}
}

// isStatementExpr reports whether Go allows e as a statement: a call or a
// receive, maybe parenthesized.
func isStatementExpr(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return true
	case *ast.UnaryExpr:
		return e.Op == token.ARROW
	}
	return false
}

// uses returns `_ = v` for each top-level variable, so that none is
// "declared and not used": later inputs may use it.
func uses(vars map[string]bool) []ast.Stmt {
	names := make([]string, 0, len(vars))
	for name := range vars {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []ast.Stmt
	for _, name := range names {
		out = append(out, &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("_")}, Tok: token.ASSIGN, Rhs: []ast.Expr{ast.NewIdent(name)}})
	}
	return out
}

// topVar returns the variable a top-level := of the input declares.
func topVar(in *Input, info *types.Info, name string) *types.Var {
	for _, st := range in.Stmts {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE {
			continue
		}
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name == name {
				if v, ok := info.Defs[id].(*types.Var); ok {
					return v
				}
			}
		}
	}
	return nil
}

// varsUsedByDecls returns the input's top-level variables that its
// declarations refer to: not resolved, or resolved to a session object of
// the same name (the input's own variable is meant).
func (s *Session) varsUsedByDecls(in *Input, top topNames, p *pass) []string {
	if len(top.vars) == 0 {
		return nil
	}
	found := map[string]bool{}
	for _, d := range in.Decls {
		ast.Inspect(d, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || !top.vars[id.Name] || p.info.Defs[id] != nil {
				return true
			}
			obj, resolved := p.info.Uses[id]
			if !resolved || (obj != nil && obj.Parent() == p.pkg.Scope()) || s.isSessionObj(obj) {
				if !resolved && !isExprIdent(d, id) {
					return true
				}
				found[id.Name] = true
			}
			return true
		})
	}
	var names []string
	for name := range found {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// isExprIdent reports whether id, left unresolved by go/types, may be an
// operand: not a field name, a selector's name or a composite literal key.
func isExprIdent(root ast.Node, id *ast.Ident) bool {
	ok := true
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if n.Sel == id {
				ok = false
			}
		case *ast.KeyValueExpr:
			if n.Key == id {
				ok = false
			}
		case *ast.Field:
			for _, name := range n.Names {
				if name == id {
					ok = false
				}
			}
		}
		return ok
	})
	return ok
}

func (s *Session) isSessionObj(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && s.vars[v.Name()] == v
}

// autoCandidates returns the standard packages the input may use as
// pkg.Name without an import: names of std that nothing the session or the
// input declares takes.
func (s *Session) autoCandidates(in *Input, top topNames, w *working) map[string]string {
	out := map[string]string{}
	visit := func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		x, ok := sel.X.(*ast.Ident)
		if !ok {
			return true
		}
		name := x.Name
		path := s.std[name]
		if path == "" || top.decls[name] || top.imports[name] != nil || w.imports[name] != "" || w.vars[name] != nil || w.declares(name) {
			return true
		}
		out[name] = path
		return true
	}
	for _, d := range in.Decls {
		ast.Inspect(d, visit)
	}
	for _, st := range in.Stmts {
		ast.Inspect(st, visit)
	}
	return out
}

// missingUses reports uses of symbols the interpreter does not have.
func (s *Session) missingUses(info *types.Info, inInput func(token.Pos) bool) []Error {
	var errs []Error
	for id, obj := range info.Uses {
		if msg := s.imp.Missing(obj); msg != "" && inInput(id.Pos()) {
			errs = append(errs, Error{id.Pos(), msg})
		}
	}
	return errs
}

// sortErrors orders errors by position and drops exact duplicates.
func sortErrors(errs []Error) []Error {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Pos < errs[j].Pos })
	var out []Error
	for i, e := range errs {
		if i > 0 && e == errs[i-1] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// hiddenPrefix starts the names the session gives what a later input
// declared again; package rewrite's Demangle turns them back.
const hiddenPrefix = "__concur_"

var hiddenNames = lazyregexp.New(hiddenPrefix + `[0-9]+_`)

// Demangle turns hidden names in a message back into the learner's.
func Demangle(msg string) string { return hiddenNames.ReplaceAllString(msg, "") }

func (s *Session) hiddenName(name string) string {
	s.hidden++
	return fmt.Sprintf("%s%d_%s", hiddenPrefix, s.hidden, name)
}
