// Package rewrite turns one learner input into the units of source that the
// yaegi interpreter evaluates, in order, rewritten so that yaegi behaves like
// Go 1.22+ and so that every goroutine is observable.
//
// An input is either a whole file starting with `package` (a program) or a
// REPL snippet mixing declarations and statements. yaegi's incremental Eval
// decides what it was given from the first token (`package`: a file; `const
// func import type var`: declarations; anything else: statements wrapped in
// a main function and run in the global scope) and cannot take a mix, so a
// snippet is split with go/scanner at brace depth 0 into top-level items,
// classified by their leading tokens, and consecutive items of one kind form
// a unit. yaegi gets the imports first, then every declaration in one unit
// (Go's package scope sees them all, in any order), then the statements.
//
// Every unit is parsed with go/parser exactly as yaegi will wrap it, then
// the whole input is type-checked by go/types against what the session
// declared before (package typecheck): an input that does not type-check is
// refused in Go's words and changes nothing. The rewrites ask the checker's
// exact types (typeinfo.go) and walk with scopes of their own for what
// yaegi's scopes need, making small edits on the learner's text:
//
//   - every `go` statement reports its goroutine through the engine's hooks
//     (package __concur: Go, GoCall, Done), evaluating the function value,
//     receiver and arguments in the calling goroutine as Go does;
//   - deferred calls get their arguments evaluated at the defer statement;
//   - loop variables captured by a closure or by address get a per-iteration
//     copy (Go 1.22 semantics; yaegi shares one variable);
//   - `for i := range n` over an integer becomes a three-clause loop, and a
//     range over a function iterator the call of it with a yield function
//     (rangefunc.go);
//   - a function literal or method value handed on keeps its iteration's
//     variables and receiver; break and continue leave a select as in Go
//     (branch.go);
//   - the builtins min, max and clear, which yaegi lacks, and Go 1.26's
//     new(expr) become constants or calls of Prelude functions and hooks;
//   - the learner's func main gets another name, so that yaegi runs it only
//     when it is called (a program gets one call);
//   - a compound statement at a snippet's top level runs in a function
//     literal, since yaegi mis-compiles blocks in its global scope; where it
//     cannot (it returns, defers or jumps), a declaration that shadows a
//     visible name is renamed (see Demangle) and a type switch is split;
//   - imports the session already has are dropped (yaegi refuses them);
//   - a //go:embed variable gets its file's contents (embed.go), a call of
//     log's printing functions its place (logplace.go), a deferred method
//     call its receiver at the defer statement (defermethod.go).
//
// Constructs that cannot be bridged (a three-clause loop variable both
// captured and modified in the body; a deferred function literal using a
// variable of the loop around it at a snippet's top level; goto out of a
// range-over-func body) are refused with an Error naming them.
//
// Positions stay the learner's: each unit starts with a `/*line :L:C*/`
// comment, and one follows every inserted or replaced piece of text, so every
// original token keeps its line:col in yaegi's errors and panic frames. The
// comments name no file: the file name is the one yaegi gives its source
// (see directive), which the engine puts in front of them.
package rewrite

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/concur-dev/concur/typecheck"
)

// Env is what earlier inputs of a session declared: the session's
// type-checking state (package typecheck), and what the engine needs to
// know of the interpreter's. Rewrite reads it; the engine updates it with
// Add after a successful input.
type Env struct {
	Funcs   map[string]bool   // every top-level name the learner declared: funcs, vars, types, consts
	Imports map[string]string // package name -> import path imported so far in the session
	Std     map[string]string // package name -> import path of standard packages that may be auto-imported
	// RacePoints makes writes to what goroutines may share scheduling
	// points (racepoints.go): for seeded schedules, which may switch there.
	RacePoints bool
	types      *typecheck.Session
	// renamed holds the generic functions of earlier inputs that got another
	// name in the interpreter's source (libraryGeneric), by name.
	renamed map[string]string
	mono    *monoState // the session's generics and the copies made of them (mono.go)
	// helpers are the assertion helpers the interpreter has (the prelude's
	// and those of earlier inputs), by name, with the cases they have now
	// (ifaceassert.go).
	helpers map[string]*assertHelper
	// errLoaded: the interpreter has errPrelude (errPreludeUnit). Shared
	// with the Env a whole program is rewritten in: one interpreter.
	errLoaded *bool
	named     *namedPool // the pool types the session's types are (named.go)
}

// NewEnv returns an empty session environment whose auto-importable standard
// packages are std (package name -> import path). Its inputs are
// type-checked against Go's API of every package concur has type
// information for; NewCheckedEnv gives the sandbox's view.
func NewEnv(std map[string]string) *Env {
	return newEnv(std, true, nil)
}

// NewCheckedEnv returns the empty environment of a session that runs in the
// given mode: inputs are type-checked against the API the interpreter's
// tables give snippets (stdlib.Tables), so a use of what the sandbox leaves
// out is refused with the sandbox's reason.
func NewCheckedEnv(std map[string]string, unrestricted bool, tables map[string]map[string]reflect.Value) *Env {
	return newEnv(std, unrestricted, tables)
}

func newEnv(std map[string]string, unrestricted bool, tables map[string]map[string]reflect.Value) *Env {
	if std == nil {
		std = map[string]string{}
	}
	fset := token.NewFileSet()
	return &Env{
		Funcs:     map[string]bool{},
		Imports:   map[string]string{},
		Std:       std,
		renamed:   map[string]string{},
		mono:      newMonoState(),
		helpers:   preludeHelpers(),
		errLoaded: new(bool),
		named:     newNamedPool(),
		types:     typecheck.NewSession(fset, typecheck.NewImporter(fset, unrestricted, tables), std),
	}
}

// Add folds what a successful input declared and imported into the env.
func (e *Env) Add(in *Input) {
	if in.checked != nil {
		e.types.Commit(in.checked)
	}
	for _, n := range in.Declared.Funcs {
		e.Funcs[n] = true
		delete(e.renamed, n)
	}
	for n, to := range in.renamed {
		e.renamed[n] = to
	}
	e.addMono(in)
	for _, n := range in.Declared.Funcs {
		delete(e.named.types, n) // declared again: a pool type only if it is one now
	}
	for n, slot := range in.pooled {
		e.named.types[n] = slot
	}
	for name, path := range in.Declared.Imports {
		e.Imports[name] = path
	}
	if e.helpers == nil {
		e.helpers = preludeHelpers()
	}
	for _, h := range in.helpers {
		e.helpers[h.name] = h
	}
}

// Imported records the imports of an input that did not succeed but whose
// imports the interpreter made (it imports before it compiles the rest):
// a later input must not import them again.
func (e *Env) Imported(in *Input) {
	e.types.AddImports(in.Declared.Imports)
	for name, path := range in.Declared.Imports {
		e.Imports[name] = path
	}
}

// ImportedAs records one import the interpreter made for an input that
// may fail later (an auto-import done before the input's units compile).
func (e *Env) ImportedAs(name, path string) {
	e.types.AddImports(map[string]string{name: path})
	e.Imports[name] = path
}

// declares reports whether an earlier input declared name at top level.
func (e *Env) declares(name string) bool {
	return e.Funcs[name]
}

// Unit is one piece of source handed to yaegi's Eval as-is.
type Unit struct {
	Decls bool   // true: top-level declarations or imports (or a whole file); false: statements
	Src   string // source for yaegi
	// Prelude: concur's own declarations the session lacked, which the
	// input's code uses (errPreludeUnit); evaluate it as soon as it is
	// compiled, and tell the Env (PreludeLoaded).
	Prelude bool
}

// Declared is what an input declares at top level.
type Declared struct {
	Funcs   []string          // every declared name: funcs, vars (including top-level :=), types, consts
	Imports map[string]string // package name -> path, explicit and auto imports
}

// Input is one learner input rewritten for yaegi.
type Input struct {
	Program     bool     // the source was a whole file starting with `package`
	Units       []Unit   // evaluate in order
	Imports     []string // import paths imported explicitly by this input
	AutoImports []string // standard import paths used as pkg.Name but not imported (snippets only); import them first
	Declared    Declared // what this input declares at top level
	// LastExpr: the input's last statement is an expression statement whose
	// value the REPL should print. It is false for calls of print-like
	// functions (fmt.Print*, fmt.Fprint*, log.*, print, println) and for
	// expressions without a value (a call of a function without results).
	LastExpr bool

	checked *typecheck.Result
	renamed map[string]string // generic functions this input declares under another name
	mono    *monoInput        // generics this input declares, and the copies it made
	helpers []*assertHelper   // assertion helpers this input declared or gave new cases
	pooled  map[string]string // the types this input declares as pool types (named.go)
}

// Error is a syntax error or a refused construct, at the learner's position.
type Error struct {
	Pos token.Position
	Msg string
}

func (e *Error) Error() string {
	if e.Pos.IsValid() {
		return e.Pos.String() + ": " + e.Msg
	}
	return e.Msg
}

// ErrorList is the error Rewrite returns; it prints one error a line, like
// go build.
type ErrorList []*Error

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// sort orders the errors by position and drops exact duplicates.
func (l ErrorList) sort() ErrorList {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	out := l[:0]
	for i, e := range l {
		if i > 0 && e.Error() == l[i-1].Error() {
			continue
		}
		out = append(out, e)
	}
	return out
}

// Rewrite turns the learner's src (named filename in positions) into units
// for yaegi. env describes the session so far; nil means a fresh session.
// The error, if any, is an ErrorList.
func Rewrite(filename, src string, env *Env) (in *Input, err error) {
	if env == nil {
		env = NewEnv(nil)
	}
	defer func() {
		// A bug of ours (or of go/types) must not take the session down:
		// the input is refused, and says so.
		if p := recover(); p != nil {
			in, err = nil, ErrorList{{Pos: token.Position{Filename: filename},
				Msg: fmt.Sprintf("internal error: concur could not rewrite this input (please report it): %v", p)}}
		}
	}()
	r := newRewriter(filename, src, env)
	return r.run()
}

// unit is a unit being built: a span of the learner's source and its syntax.
type unit struct {
	kind       unitKind
	start, end int // byte offsets of the span in the learner's source
	file       *ast.File
	tf         *token.File
	base       int  // offset in the parsed text where the span begins
	empty      bool // nothing left to evaluate (imports the session already has)
}

// body returns the statements of a statements unit.
func (u *unit) body() []ast.Stmt {
	if len(u.file.Decls) == 0 {
		return nil
	}
	fd, ok := u.file.Decls[0].(*ast.FuncDecl)
	if !ok || fd.Body == nil {
		return nil
	}
	return fd.Body.List
}

// wrap returns the text yaegi parses for a unit's source, and the length of
// what it puts in front of it.
func wrap(kind unitKind, src string) (string, int) {
	switch kind {
	case kindProgram:
		return src, 0
	case kindStmts:
		const head = "package main; func main() {"
		return head + src + "\n}", len(head)
	default:
		const head = "package main;"
		return head + src, len(head)
	}
}

func (r *rewriter) run() (*Input, error) {
	units := split(r.src)
	program := len(units) == 1 && units[0].kind == kindProgram
	r.sessionImports = r.env.Imports
	if program {
		r.program = true
		// A program stands alone: Go gives it only its own file.
		r.env = &Env{Funcs: map[string]bool{}, Imports: map[string]string{}, Std: map[string]string{}, RacePoints: r.env.RacePoints, types: r.session,
			mono: newMonoState(), helpers: preludeHelpers(), named: r.env.named, errLoaded: r.env.errLoaded}
	}
	for _, u := range units {
		r.parse(u)
	}
	if len(r.errs) > 0 {
		return nil, r.errs.sort()
	}
	r.units = units
	res := r.session.Check(r.typeInput())
	if len(res.Errors) > 0 {
		return nil, r.typeErrors(res.Errors)
	}
	r.info, r.checked = res.Info, res
	r.collectTopNames()
	r.collectGenerics()
	r.declareTop()
	r.planNamed()
	r.embedFiles()
	for _, u := range units {
		if u.file != nil {
			r.collectCommaOK(u.file)
		}
	}
	// The last expression's __concur.Show opens before the walk's edits and
	// closes after them, so that it holds the rewritten expression whole.
	n := len(units)
	lastExpr := n > 0 && units[n-1].kind == kindStmts && r.lastExpr(units[n-1])
	closeShow := func() {}
	if lastExpr {
		closeShow = r.showValue(units[n-1])
	}
	for _, u := range units {
		r.walkUnit(u)
	}
	for _, u := range units {
		r.typedNils(u)
	}
	closeShow()
	hoisted := r.hoist(res)
	r.buildTemplates()
	r.writeInstances()
	if len(r.errs) > 0 {
		return nil, r.errs.sort()
	}
	in := &Input{Program: program, Imports: r.explicitImports, checked: res, renamed: r.renamed, mono: r.mono.in, pooled: r.newPooled,
		Declared: Declared{Funcs: res.Declared, Imports: res.Imports}}
	if !program {
		in.AutoImports = res.AutoImports
	}
	in.LastExpr = lastExpr
	// yaegi gets the imports first, then every declaration in one unit (Go's
	// package scope sees them all, in any order), then the statements.
	decls, stmts := hoisted, []string(nil)
	for _, u := range units {
		if u.empty {
			continue
		}
		src, err := r.render(u)
		if err != nil {
			return nil, err
		}
		switch u.kind {
		case kindImports:
			in.Units = append(in.Units, Unit{Decls: true, Src: src})
		case kindStmts:
			stmts = append(stmts, src)
		default:
			decls = append(decls, src)
		}
	}
	decls = append(decls, r.mono.decls...)
	if helpers := r.helperDecls(in); helpers != "" {
		decls = append(decls, helpers)
	}
	if asks := r.askDeclsText(); asks != "" {
		decls = append(decls, asks)
	}
	if len(decls) > 0 {
		in.Units = append(in.Units, Unit{Decls: true, Src: strings.Join(decls, "\n")})
	}
	if program && r.checked.Pkg.Scope().Lookup("main") != nil {
		// A program runs its main once, as go run does (see mainName).
		stmts = append(stmts, mainName+"()")
	}
	if len(stmts) > 0 {
		in.Units = append(in.Units, Unit{Src: strings.Join(stmts, "\n")})
	}
	r.errPreludeUnit(in)
	return in, nil
}

// typeInput hands the parsed units to the type checker.
func (r *rewriter) typeInput() *typecheck.Input {
	if r.program {
		return &typecheck.Input{Program: r.units[0].file}
	}
	in := &typecheck.Input{}
	for _, u := range r.units {
		switch u.kind {
		case kindStmts:
			in.Stmts = append(in.Stmts, u.body()...)
		default:
			for _, d := range u.file.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
					for _, spec := range gd.Specs {
						in.Imports = append(in.Imports, spec.(*ast.ImportSpec))
					}
					continue
				}
				in.Decls = append(in.Decls, d)
			}
		}
	}
	return in
}

// typeErrors turns the type checker's errors into the learner's positions.
// A line that continues an error ("\tother declaration of x") joins it.
func (r *rewriter) typeErrors(errs []typecheck.Error) ErrorList {
	var list ErrorList
	for _, e := range errs {
		pos := r.position(e.Pos)
		if strings.HasPrefix(e.Msg, "\t") && len(list) > 0 {
			last := list[len(list)-1]
			last.Msg += "\n\t" + pos.String() + ": " + strings.TrimPrefix(e.Msg, "\t")
			continue
		}
		list = append(list, &Error{Pos: pos, Msg: e.Msg})
	}
	return list
}

// parse parses a unit as yaegi will, recording syntax errors at the
// learner's positions (the /*line*/ comment maps them).
func (r *rewriter) parse(u *unit) {
	dir := r.directive(u.start)
	text, head := wrap(u.kind, dir+r.src[u.start:u.end])
	// DeclarationErrors as yaegi parses: a name declared twice is the
	// learner's error, reported here at the learner's position.
	f, err := parser.ParseFile(r.fset, r.filename, text, parser.DeclarationErrors)
	if err == nil {
		u.file = f
		u.tf = r.fset.File(f.Pos())
		u.base = head + len(dir)
		r.fileUnit[u.tf] = u
		return
	}
	list, ok := err.(scanner.ErrorList)
	if !ok {
		r.errs = append(r.errs, &Error{Pos: token.Position{Filename: r.filename}, Msg: err.Error()})
		return
	}
	end := head + len(dir) + u.end - u.start // where the wrapper's closing brace begins
	var tail []*Error
	for _, e := range list {
		if e.Pos.Offset < end {
			r.errs = append(r.errs, &Error{Pos: e.Pos, Msg: e.Msg})
			continue
		}
		// An error in the wrapper yaegi adds is one at the end of the
		// learner's text, where the learner's input simply ends.
		line, col := r.lineCol(u.end)
		tail = append(tail, &Error{Pos: token.Position{Filename: r.filename, Offset: u.end, Line: line, Column: col},
			Msg: strings.Replace(e.Msg, "found '}'", "found 'EOF'", 1)})
	}
	if len(tail) > 0 && len(tail) == len(list) {
		r.errs = append(r.errs, tail[0])
	}
}

// lastExpr reports whether the unit ends with an expression statement whose
// value is worth printing.
func (r *rewriter) lastExpr(u *unit) bool {
	list := u.body()
	if len(list) == 0 {
		return false
	}
	es, ok := list[len(list)-1].(*ast.ExprStmt)
	if !ok || !r.hasValue(es.X) {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	return !ok || !r.printLike(call)
}

// showValue makes the value of a snippet's last expression go through
// __concur.Show (see Show) when fmt would print it through a method of its
// own (String, Error) or its type is an interface: what the REPL shows is
// then what fmt.Println would print.
// It opens the call and returns what closes it.
func (r *rewriter) showValue(u *unit) (closeShow func()) {
	list := u.body()
	e := list[len(list)-1].(*ast.ExprStmt).X
	t := r.typeOf(e)
	if t == nil {
		return func() {}
	}
	open, ask := r.dynamicCopy(t, e.Pos()) // a value in an interface, asked for its method (fmtany.go)
	if !ask {
		// A slice or map of values with such a method, made of the
		// library interface's values (fmtmethods.go).
		open, ask = r.methodCopy(t, builtinPkg)
	}
	if !ask && !types.IsInterface(t) && !hasMethod(t, "String") && !hasMethod(t, "Error") {
		return func() {}
	}
	r.insert(r.off(e.Pos()), "__concur.Show("+open)
	if ask {
		return func() { r.insert(r.off(e.End()), "))") }
	}
	return func() { r.insert(r.off(e.End()), ")") }
}

// hasMethod reports whether t's method set has a method name() string.
func hasMethod(t types.Type, name string) bool {
	sel := types.NewMethodSet(t).Lookup(nil, name)
	if sel == nil {
		return false
	}
	sig, ok := sel.Type().(*types.Signature)
	if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return false
	}
	b, ok := sig.Results().At(0).Type().(*types.Basic)
	return ok && b.Kind() == types.String
}

// ShowValue is Show for an interpreter's table, and ShowInterfaces the
// interfaces the interpreter must let Show see on an interpreted value
// (its MapTypes entry): without them Show could not call its String or
// Error method.
var (
	ShowValue      = reflect.ValueOf(Show)
	ShowInterfaces = []reflect.Type{reflect.TypeFor[fmt.Formatter](), reflect.TypeFor[fmt.Stringer](), reflect.TypeFor[error]()}
)

// Shown is a value the REPL shows as it is: Show's result.
type Shown string

// Show formats the value of a snippet's last expression as fmt.Println
// would, strings quoted as the REPL shows them. The engine gives it to
// rewritten code as __concur.Show.
func Show(v any) Shown {
	if s, ok := v.(string); ok {
		return Shown(strconv.Quote(s))
	}
	return Shown(fmt.Sprint(v))
}

// printLike reports whether call prints or has no value to show.
func (r *rewriter) printLike(call *ast.CallExpr) bool {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		switch fun.Name {
		case "print", "println", "panic", "close", "delete", "clear":
			return r.isBuiltin(fun)
		}
	case *ast.SelectorExpr:
		x, ok := fun.X.(*ast.Ident)
		if !ok {
			return false
		}
		switch r.pkgOf(x) {
		case "fmt":
			return strings.HasPrefix(fun.Sel.Name, "Print") || strings.HasPrefix(fun.Sel.Name, "Fprint")
		case "log":
			return true
		}
	}
	return false
}

// errorf records a refusal at the learner's position of pos.
func (r *rewriter) errorf(pos token.Pos, format string, args ...any) {
	r.errs = append(r.errs, &Error{Pos: r.position(pos), Msg: fmt.Sprintf(format, args...)})
}

// hoist declares, ahead of the input's declarations, the top-level
// variables its declarations use (`count := 0` and `func inc() { count++ }`
// in one input): yaegi compiles the declarations first, as Go's package
// scope sees them all, so such a variable must exist by then. It gets
// `var count int` there, with the type go/types found, and its := becomes
// =. Every new name of such a := is hoisted.
func (r *rewriter) hoist(res *typecheck.Result) []string {
	if len(res.Hoisted) == 0 {
		return nil
	}
	want := map[string]bool{}
	for _, name := range res.Hoisted {
		want[name] = true
	}
	var decls []string
	for _, u := range r.units {
		if u.kind != kindStmts {
			continue
		}
		for _, st := range u.body() {
			as, ok := st.(*ast.AssignStmt)
			if !ok || as.Tok != token.DEFINE || !definesAny(as, want) {
				continue
			}
			for _, l := range as.Lhs {
				id, _ := l.(*ast.Ident)
				v, ok := r.objectOf(id).(*types.Var)
				if id == nil || !ok || r.info.Defs[id] == nil {
					continue
				}
				t, ok := r.typeSource(v.Type())
				if !ok {
					r.errorf(id.Pos(), "%s is declared by a statement and used by a declaration of the same input, and concur cannot "+
						"name its type (%s) for its interpreter; declare %s in an input of its own first", id.Name,
						Demangle(types.TypeString(v.Type(), (*types.Package).Name)), id.Name)
					continue
				}
				decls = append(decls, "var "+id.Name+" "+t)
			}
			r.replace(r.off(as.TokPos), r.off(as.TokPos)+len(":="), "=")
		}
	}
	if len(decls) == 0 {
		return nil
	}
	return []string{strings.Join(decls, "\n")}
}

func definesAny(as *ast.AssignStmt, names map[string]bool) bool {
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok && names[id.Name] {
			return true
		}
	}
	return false
}

// typeSource writes a type as yaegi's source can name it: the session's
// types by their names, other packages' by the name yaegi imported them
// under. It fails for a type an input declared again since (go/types keeps
// it under a hidden name) or of a package yaegi has no name for.
func (r *rewriter) typeSource(t types.Type) (string, bool) {
	if r.mentionsInstance(t, 0) {
		if r.mono.generic != nil {
			// In a generic declaration: the type its copies have (mono.go).
			orig, ok := r.plainTypeSource(t)
			return r.newSeg(&monoSeg{kind: segType, typ: t, orig: orig}), ok
		}
		if text, ok := r.monoType(t, 0); ok {
			return text, true
		}
	}
	return r.plainTypeSource(t)
}

// plainTypeSource is typeSource for the interpreter's generics.
func (r *rewriter) plainTypeSource(t types.Type) (string, bool) {
	ok := true
	text := types.TypeString(t, func(p *types.Package) string {
		if r.isSessionPkg(p) {
			return ""
		}
		for name, path := range r.checked.Imports {
			if path == p.Path() {
				return name
			}
		}
		for name, path := range r.env.Imports {
			if path == p.Path() {
				return name
			}
		}
		ok = false
		return p.Name()
	})
	return text, ok && !strings.Contains(text, reservedPrefix)
}
