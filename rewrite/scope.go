package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"path"
	"strconv"
	"strings"

	"github.com/concur-dev/concur/internal/lazyregexp"
)

// objKind is what a declared name denotes.
type objKind uint8

const (
	objVar objKind = iota
	objConst
	objType
	objFunc
	objPkg
)

// object is a name declared in this input, as yaegi's scopes see it: what
// the rewrites need beyond its type (which go/types knows, see typeinfo.go).
type object struct {
	name   string
	kind   objKind
	path   string     // import path, for objPkg
	ident  *ast.Ident // the identifier that declares it, for its type
	rename string     // name in yaegi's source when it differs (yaegi's top-level shadowing)
	loop   *loopVar   // set while the object is a loop variable whose body is being walked
	iter   *loopFrame // the innermost loop, in the object's function, that declares it
}

// loopFrame stands for one loop being walked: what it declares belongs to
// each of its iterations. (It has a field: pointers to distinct zero-size
// values may be equal.)
type loopFrame struct{ depth int }

// deferredLit is a function literal deferred inside loops: yaegi creates it
// when the function returns, so it would see only the last iteration's
// variables.
type deferredLit struct {
	litDepth int                 // the literal's depth
	loops    map[*loopFrame]bool // the loops around the defer statement
	refused  map[*object]bool
	region   bool               // the defer statement is in yaegi's global scope
	pointers map[*object]string // the parameter each loop variable it uses is read through
	order    []*object          // the keys of pointers, in the order of their first use
}

// emitted returns the name the object has in yaegi's source.
func (o *object) emitted() string {
	if o.rename != "" {
		return o.rename
	}
	return o.name
}

// scope is a block of declarations.
type scope struct {
	parent *scope
	objs   map[string]*object
	// yaegiGlobal marks a block inside top-level statements (not inside a
	// function literal): yaegi keeps such blocks in its global scope, where
	// `x := ...` reuses any visible x instead of declaring a new one.
	yaegiGlobal bool
}

// funcCtx names the function being walked, to name goroutines that begin in
// its function literals as Go does (main.func1, main.func1.1).
type funcCtx struct {
	name string
	lit  bool
	lits int
	// body is the function's body, nil for a snippet's top level; defers
	// names its *Defers once a defer statement needs one (see deferStmt).
	body   *ast.BlockStmt
	defers string
	// frame is the interpreter's name for the function in a traceback
	// (main.worker, main.main.func), "" where concur does not know it.
	frame string
}

// nextLit returns the name of the next function literal in this function.
func (c *funcCtx) nextLit() string {
	c.lits++
	if c.lit {
		return fmt.Sprintf("%s.%d", c.name, c.lits)
	}
	return fmt.Sprintf("%s.func%d", c.name, c.lits)
}

// walker is the resolution state of a walk over an input.
type walker struct {
	top      *scope // the input's top level: package scope of yaegi's main
	sc       *scope
	fn       *funcCtx
	mainFn   *funcCtx // top-level statements run in yaegi's main
	globFn   *funcCtx // package-level var initialisers
	region   bool     // walking top-level statements outside function literals
	litDepth int      // function literals entered, for capture analysis
	ids      int      // counter for generated names
	litNames map[*ast.FuncLit]string
	// prologues is, for a function body that defers calls, the edit that
	// makes its *Defers (see defersVar).
	prologues map[*ast.BlockStmt]int
	loops     []*loopFrame     // loops around the walk, in the current function
	defers    []*deferredLit   // deferred literals being walked
	yield     yieldState       // range-over-func loops around the walk, in the current function
	targets   []*branchTarget  // statements a break or continue may leave, in the current function
	labelFor  *ast.LabeledStmt // the label of the statement about to be walked

	topNames        map[string]bool          // names declared anywhere at the input's top level
	madeFor         map[*ast.CallExpr]string // make(chan) calls and the variable each is for
	header          bool                     // walking an if, for or switch header's statement
	explicitImports []string
}

func (w *walker) init() {
	w.top = &scope{objs: map[string]*object{}}
	w.sc = w.top
	w.mainFn = &funcCtx{name: "main", frame: "main"}
	w.globFn = &funcCtx{name: "glob"}
	w.fn = w.mainFn
	w.litNames = map[*ast.FuncLit]string{}
	w.prologues = map[*ast.BlockStmt]int{}
	w.topNames = map[string]bool{}
	w.madeFor = map[*ast.CallExpr]string{}
}

// nextID returns a fresh number for generated names.
func (w *walker) nextID() int {
	w.ids++
	return w.ids
}

// push opens a block.
func (r *rewriter) push() {
	r.sc = &scope{parent: r.sc, objs: map[string]*object{}, yaegiGlobal: r.region}
}

// pop closes a block.
func (r *rewriter) pop() {
	r.sc = r.sc.parent
}

// lookup finds a name declared in this input, innermost first.
func (r *rewriter) lookup(name string) *object {
	for s := r.sc; s != nil; s = s.parent {
		if o := s.objs[name]; o != nil {
			return o
		}
	}
	return nil
}

// universe holds Go's predeclared names.
var universe = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`any bool byte comparable complex64 complex128 error float32 float64
		int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr
		true false iota nil append cap clear close complex copy delete imag len make max min new
		panic print println real recover`) {
		universe[n] = true
	}
}

// visible reports whether a declaration of name would meet an existing
// symbol in yaegi's global scope.
func (r *rewriter) visible(name string) bool {
	return r.lookup(name) != nil || universe[name] || r.env.declares(name) ||
		r.topNames[name] || r.env.Imports[name] != "" || r.env.Std[name] != ""
}

// reservedPrefix starts every name the rewrites generate.
const reservedPrefix = "__concur"

// declare adds an object for id to the current block. In a yaegi-global
// block a name that shadows another is renamed; renameIdent says whether
// the declaring identifier is kept text that must show the new name.
func (r *rewriter) declare(id *ast.Ident, obj *object, renameIdent bool) {
	if id == nil || id.Name == "_" {
		return
	}
	if strings.HasPrefix(id.Name, reservedPrefix) {
		r.errorf(id.Pos(), "%s: names starting with %s are reserved by concur", id.Name, reservedPrefix)
	}
	obj.name, obj.ident = id.Name, id
	if n := len(r.loops); n > 0 {
		obj.iter = r.loops[n-1]
	}
	if r.sc.yaegiGlobal && r.visible(id.Name) {
		obj.rename = r.freshName(id.Name)
		if renameIdent {
			r.setName(id, obj.rename)
		}
	}
	r.sc.objs[id.Name] = obj
}

// freshName returns a name for a renamed local; Demangle undoes it.
func (r *rewriter) freshName(name string) string {
	return fmt.Sprintf("%s_%d_%s", reservedPrefix, r.nextID(), name)
}

var mangled = lazyregexp.New(reservedPrefix + `_[0-9]+_`)

// Demangle turns the names of renamed locals in a message from yaegi back
// into the learner's names.
func Demangle(msg string) string {
	return mangled.ReplaceAllString(demangleMono(msg), "")
}

// useCtx says how an identifier is used, for loop-variable analysis.
type useCtx uint8

const (
	ctxCapture useCtx = 1 << iota // its address may outlive the iteration (&v, v.f, v[:], method values)
	ctxModify                     // it is assigned
	ctxCall                       // it is the function a call calls (x.m there is no method value)
)

// use resolves an identifier in an expression.
func (r *rewriter) use(id *ast.Ident, ctx useCtx) *object {
	obj := r.lookup(id.Name)
	if r.monoMark(id) || r.monoUse(id, nil) {
		return obj // a generic's instance: the name of its copy (mono.go)
	}
	if r.isMainFunc(r.objectOf(id)) {
		r.setName(id, mainName)
	}
	if obj == nil {
		r.useRenamed(id)
		return nil
	}
	if obj.rename != "" {
		r.setName(id, obj.rename)
	}
	r.checkDeferred(id, obj)
	if lv := obj.loop; lv != nil {
		if r.litDepth > lv.litDepth || ctx&ctxCapture != 0 {
			lv.captured = true
		}
		if ctx&ctxModify != 0 && !lv.modified.IsValid() {
			lv.modified = id.Pos()
		}
		if r.quiet == 0 {
			lv.refs = append(lv.refs, id)
		}
	}
	return obj
}

// collectTopNames records every name the input declares at top level, and
// its imports, before the walk: Go's package scope sees them all.
func (r *rewriter) collectTopNames() {
	for _, u := range r.units {
		if u.kind == kindStmts {
			for _, s := range u.body() {
				if as, ok := s.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
					for _, l := range as.Lhs {
						if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
							r.topNames[id.Name] = true
						}
					}
				}
			}
			continue
		}
		for _, d := range u.file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					r.topNames[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.ValueSpec:
						for _, n := range s.Names {
							r.topNames[n.Name] = true
						}
					case *ast.TypeSpec:
						r.topNames[s.Name.Name] = true
					case *ast.ImportSpec:
						r.addImport(s)
					}
				}
			}
		}
	}
	delete(r.topNames, "_")
}

// addImport records an explicit import and declares its package name.
func (r *rewriter) addImport(s *ast.ImportSpec) {
	p, err := strconv.Unquote(s.Path.Value)
	if err != nil {
		return
	}
	r.explicitImports = append(r.explicitImports, p)
	name := r.importName(p)
	if s.Name != nil {
		name = s.Name.Name
	}
	if name == "_" || name == "." {
		return
	}
	r.top.objs[name] = &object{name: name, kind: objPkg, path: p}
}

// importName guesses the package name of an import path: the standard
// packages the engine knows, else the last element without a version.
func (r *rewriter) importName(p string) string {
	for name, sp := range r.env.Std {
		if sp == p {
			return name
		}
	}
	base := path.Base(p)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" && path.Dir(p) != "." {
		base = path.Base(path.Dir(p)) // math/rand/v2 is rand
	}
	if i := strings.Index(base, ".v"); i > 0 {
		base = base[:i] // gopkg.in/yaml.v3 is yaml
	}
	return strings.ReplaceAll(base, "-", "_")
}

// checkDeferred handles a use, in a deferred function literal, of a
// variable that belongs to an iteration of a loop around the defer
// statement. yaegi v0.16.1 makes a deferred literal's closure from the
// frame as it is when the call runs, so every such call would see the last
// iteration's variable; the outermost deferred literal that is inside the
// variable's loop gets a pointer to it instead, as a parameter that the
// defer statement evaluates (see passPointers), and the use reads through
// it: each call sees its own iteration's variable, with what was assigned
// to it after the defer, as in Go 1.22. In yaegi's global scope, where the
// loop's per-iteration copies get new names after the walk, it is refused.
func (r *rewriter) checkDeferred(id *ast.Ident, obj *object) {
	if obj.iter == nil {
		return
	}
	for _, d := range r.defers {
		if r.litDepth < d.litDepth || !d.loops[obj.iter] {
			continue
		}
		if d.region || r.quiet > 0 && d.pointers[obj] == "" {
			if !d.refused[obj] {
				d.refused[obj] = true
				r.errorf(id.Pos(), "deferred function literal uses %s, a variable of the loop around the defer statement, at a snippet's top level; "+
					"concur's interpreter creates the function when the surrounding function returns, so it would see the last "+
					"iteration's %s — pass it as an argument: defer func(%s T) { ... }(%s)", obj.name, obj.name, obj.name, obj.name)
			}
			return
		}
		p := d.pointers[obj]
		if p == "" {
			p = reservedPrefix + "_lp" + itoa(r.nextID())
			d.pointers[obj] = p
			d.order = append(d.order, obj)
		}
		r.setName(id, "(*"+p+")")
		return
	}
}

// enterLoop and leaveLoop bracket the walk of a loop.
func (r *rewriter) enterLoop() { r.loops = append(r.loops, &loopFrame{depth: len(r.loops)}) }
func (r *rewriter) leaveLoop() { r.loops = r.loops[:len(r.loops)-1] }

// deferLit walks a deferred function literal, the function that call
// calls, and passes it the pointers checkDeferred asked for.
func (r *rewriter) deferLit(deferPos token.Pos, call *ast.CallExpr, lit *ast.FuncLit) {
	d := &deferredLit{litDepth: r.litDepth + 1, region: r.region, loops: map[*loopFrame]bool{}, refused: map[*object]bool{}, pointers: map[*object]string{}}
	for _, l := range r.loops {
		d.loops[l] = true
	}
	r.defers = append(r.defers, d)
	r.expr(lit, 0)
	r.defers = r.defers[:len(r.defers)-1]
	r.passPointers(deferPos, call, lit, d)
}

// passPointers puts the pointers a deferred literal reads its loops'
// variables through first among its parameters, and their addresses first
// among the call's arguments:
// `defer func() { use(i) }()` becomes
// `{ __concur_lpN := &i; defer func(__concur_lpN *int, ) { use((*__concur_lpN)) }(__concur_lpN, ) }`.
// The pointer is the iteration's own variable (the loop gives it a
// per-iteration copy, since the literal captures it); yaegi keeps a
// deferred call's arguments as the places they are read from, so the
// pointer goes through a variable of its own (&i as the argument would be
// read when the call runs).
func (r *rewriter) passPointers(deferPos token.Pos, call *ast.CallExpr, lit *ast.FuncLit, d *deferredLit) {
	if len(d.order) == 0 {
		return
	}
	var params, args, decls []string
	for _, obj := range d.order {
		t := r.objectOf(obj.ident)
		ts, ok := "", false
		if t != nil {
			ts, ok = r.typeSource(t.Type())
		}
		if !ok {
			r.errorf(obj.ident.Pos(), "deferred function literal uses %s, a variable of the loop around the defer statement, "+
				"whose type concur cannot write in the interpreter's source here; pass it as an argument: defer func(%s T) { ... }(%s)",
				obj.name, obj.name, obj.name)
			return
		}
		params = append(params, d.pointers[obj]+" *"+ts+", ")
		args = append(args, d.pointers[obj]+", ")
		decls = append(decls, d.pointers[obj]+" := &"+obj.emitted()+"; ")
	}
	r.passed = [2]string{strings.Join(params, ""), strings.Join(args, "")}
	r.insert(r.off(deferPos), "{ "+strings.Join(decls, ""))
	r.replace(r.off(lit.Type.Params.Opening), r.off(lit.Type.Params.Opening)+1, "("+strings.Join(params, ""))
	r.replace(r.off(call.Lparen), r.off(call.Lparen)+1, "("+strings.Join(args, ""))
	if i := r.replace(r.off(call.Rparen)+1, r.off(call.Rparen)+1, " }"); i >= 0 {
		r.edits[i].late = true
	}
}
