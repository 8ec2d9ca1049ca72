package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/concur-dev/concur/internal/lazyregexp"
)

// Generics by copies. yaegi v0.16.1 fails on many generic functions and
// types that Go accepts ("undefined type for T" for a type parameter used
// only inside another type such as func(T) U or <-chan T; a CFG
// post-order panic for a variadic generic function or a generic calling
// another), so the program's generics do not reach it as generics: for
// each instance the program uses (types.Info.Instances gives them with
// their type arguments), a copy of the generic declaration (for a type,
// with its methods) is written with the type parameters replaced by the
// type arguments, under a derived name, and every use of the instance
// (call, explicit instantiation, composite literal, conversion, type of a
// variable or receiver) names the copy. The generic declaration itself is
// kept as it was (yaegi compiles a generic only when it is instantiated),
// and so is a use whose type arguments concur cannot write down outside
// the function that declares them (a type declared inside a function):
// that instance is the interpreter's, as before.
//
// A copy is the generic's own source with the rewrites the walk made in it:
// while a generic declaration is walked, each piece of it that depends on
// the type arguments (a type parameter, an instance of a generic, the
// declaration's name and type parameter list, the text of a type that a
// rewrite writes) is written as a placeholder (monoSeg) that renders as the
// learner's text in the generic declaration and as the instance's in each
// copy. The copy keeps the learner's positions (its /*line*/ comments), so
// an error or a panic inside it points at the generic's own lines. The
// rendered generic, placeholders and all (a monoTemplate), stays in the
// session's Env: an instance made by a later input is copied from it.
//
// The derived names are Go's names of the instances, encoded as
// identifiers (monoTypeName, monoFuncName): Demangle gives Go's name back
// in messages (main.Set[string] for a type, main.Map[...] for a function,
// as Go's tracebacks write one), and package stdlib decodes a struct
// type's name for fmt (%T, %v of a struct instance).

const (
	// A copy of a generic type: __concur_T_Set_5bstring_5d; of a generic
	// function: __concur_F_Map__int_2cstring. A generic declared again in a
	// later input gets copies of new names, with the number of its
	// declaration after the letter (__concur_T2_Set_5bstring_5d): the
	// interpreter keeps a type declared again as it was.
	monoTypePrefix = reservedPrefix + "_T"
	monoFuncPrefix = reservedPrefix + "_F"
)

// monoState is what the session's generics are: by name, and the instances
// made so far, by key (monoKey).
type monoState struct {
	generics  map[string]*monoGeneric
	instances map[string]*monoInstance
	gens      map[string]int // declarations of a generic of each name so far
}

func newMonoState() *monoState {
	return &monoState{generics: map[string]*monoGeneric{}, instances: map[string]*monoInstance{}, gens: map[string]int{}}
}

// monoGeneric is a generic function or type the program declared.
type monoGeneric struct {
	name    string
	isType  bool
	fresh   bool // declared by this input (not an earlier input's type getting methods)
	gen     int  // how many times the session declared a generic of this name before
	tparams []*types.TypeParam
	decl    *monoTemplate   // nil until the declaration is rendered, or when it could not be
	methods []*monoTemplate // a type's methods
}

// monoTemplate is a rendered generic declaration or method: text with
// placeholders ("\x00N\x00", N indexing segs).
type monoTemplate struct {
	text    string
	segs    []*monoSeg
	tparams []*types.TypeParam // the type parameters its placeholders mention (a method's: its receiver's)
}

type segKind uint8

const (
	segType  segKind = iota // a type that mentions the type parameters
	segFunc                 // an instance of a generic function: its name
	segSelf                 // the name of the instance being made (a method's: its type's)
	segEmpty                // a type parameter list: nothing in a copy
	// The two ends of a fmt operand's wrap (typedOperands) whose type
	// mentions the type parameters: a copy wraps it when its type is or
	// holds one of the program's.
	segTypedOpen
	segTypedClose
	segPanicNote // what a panic's value's type says (panicNote), of the value named fn
	// The two ends of the copy methodOperands makes of a fmt operand whose
	// type mentions the type parameters (fn: package fmt's name).
	segMethodOpen
	segMethodClose
)

// monoSeg is one placeholder: what it renders as in the generic (orig) and
// what it stands for in a copy.
type monoSeg struct {
	kind segKind
	orig string
	typ  types.Type   // segType
	fn   string       // segFunc: the generic function's name
	args []types.Type // segFunc: its type arguments (mentioning the type parameters)
}

// monoInstance is one instance: a copy written (or to be written).
type monoInstance struct {
	generic *monoGeneric
	args    []types.Type
	name    string
	at      int // the learner's offset of the use that made it, for a refusal
}

// monoInput is what one input adds to the session's generics.
type monoInput struct {
	generics  map[string]*monoGeneric
	instances map[string]*monoInstance
}

// monoWalk is the rewriter's state for generics.
type monoWalk struct {
	in      *monoInput
	segs    []*monoSeg
	segAt   map[int]monoSpan // placeholders of the generic being walked, by the learner's offset where they begin
	generic *monoGeneric     // the generic declaration being walked
	queue   []*monoInstance  // instances to write
	decls   []string         // the copies written
}

type monoSpan struct {
	end int
	seg int
}

func (m *monoWalk) init() {
	m.in = &monoInput{generics: map[string]*monoGeneric{}, instances: map[string]*monoInstance{}}
	m.segAt = map[int]monoSpan{}
}

// placeholder returns the text that stands for segment i.
func placeholder(i int) string { return "\x00" + strconv.Itoa(i) + "\x00" }

// newSeg records a placeholder and returns its text.
func (r *rewriter) newSeg(s *monoSeg) string {
	r.mono.segs = append(r.mono.segs, s)
	return placeholder(len(r.mono.segs) - 1)
}

// expandSegs replaces the placeholders of text by what f writes for them.
func expandSegs(text string, segs []*monoSeg, f func(*monoSeg) (string, bool)) (string, bool) {
	if !strings.Contains(text, "\x00") {
		return text, true
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(text, 0)
		if i < 0 {
			b.WriteString(text)
			return b.String(), true
		}
		b.WriteString(text[:i])
		j := strings.IndexByte(text[i+1:], 0)
		n, err := strconv.Atoi(text[i+1 : i+1+j])
		if err != nil || n >= len(segs) {
			return "", false
		}
		s, ok := f(segs[n])
		if !ok {
			return "", false
		}
		b.WriteString(s)
		text = text[i+1+j+1:]
	}
}

// original renders placeholders as the learner's text.
func (r *rewriter) original(text string) string {
	out, _ := expandSegs(text, r.mono.segs, func(s *monoSeg) (string, bool) { return s.orig, true })
	return out
}

// generic returns the program's generic of that name: this input's, or
// one an earlier input declared.
func (r *rewriter) generic(name string) *monoGeneric {
	if g := r.mono.in.generics[name]; g != nil {
		return g
	}
	if r.env.mono != nil {
		return r.env.mono.generics[name]
	}
	return nil
}

// programGeneric returns the generic an identifier denotes, if it is one
// of the program's top-level generics.
func (r *rewriter) programGeneric(id *ast.Ident) *monoGeneric {
	obj := r.objectOf(id)
	if obj == nil || !r.isSessionPkg(obj.Pkg()) || obj.Parent() != obj.Pkg().Scope() {
		return nil
	}
	g := r.generic(obj.Name())
	if g == nil {
		return nil
	}
	if _, isType := obj.(*types.TypeName); isType != g.isType {
		return nil
	}
	return g
}

// collectGenerics finds the generic declarations of the input, before the
// walk, and the methods of generic types.
func (r *rewriter) collectGenerics() {
	for _, u := range r.units {
		if u.kind == kindStmts || u.kind == kindImports {
			continue
		}
		for _, d := range u.file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Type.TypeParams != nil {
					if f, ok := r.objectOf(d.Name).(*types.Func); ok {
						r.mono.in.generics[f.Name()] = &monoGeneric{name: f.Name(), fresh: true, gen: r.declaredGenerics(f.Name()), tparams: typeParamList(f.Signature().TypeParams())}
					}
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					if s, ok := spec.(*ast.TypeSpec); ok && s.TypeParams != nil {
						if tn, ok := r.objectOf(s.Name).(*types.TypeName); ok {
							if n, ok := tn.Type().(*types.Named); ok {
								r.mono.in.generics[tn.Name()] = &monoGeneric{name: tn.Name(), isType: true, fresh: true, gen: r.declaredGenerics(tn.Name()), tparams: typeParamList(n.TypeParams())}
							}
						}
					}
				}
			}
		}
	}
}

// declaredGenerics is how many times the session declared a generic of
// that name before.
func (r *rewriter) declaredGenerics(name string) int {
	if r.env.mono == nil {
		return 0
	}
	return r.env.mono.gens[name]
}

func typeParamList(l *types.TypeParamList) []*types.TypeParam {
	var out []*types.TypeParam
	for i := range l.Len() {
		out = append(out, l.At(i))
	}
	return out
}

// generation is what a copy's name has after its letter (see
// monoTypePrefix).
func (g *monoGeneric) generation() string {
	if g.gen == 0 {
		return "_"
	}
	return strconv.Itoa(g.gen+1) + "_"
}

// recvGeneric returns the generic type whose method d is, or nil.
func (r *rewriter) recvGeneric(d *ast.FuncDecl) (*monoGeneric, ast.Expr) {
	if d.Recv == nil || len(d.Recv.List) != 1 {
		return nil, nil
	}
	t := d.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	var x ast.Expr
	switch e := t.(type) {
	case *ast.IndexExpr:
		x = e.X
	case *ast.IndexListExpr:
		x = e.X
	default:
		return nil, nil
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil, nil
	}
	g := r.generic(id.Name)
	if g == nil || !g.isType {
		return nil, nil
	}
	return g, t
}

// enterGeneric prepares the walk of a generic declaration: it finds the
// pieces of its text that depend on the type arguments (placeholders, made
// into edits as the walk meets them; see monoMark). head lists the
// declaration's own pieces: its name and type parameter list, or a
// method's receiver type.
func (r *rewriter) enterGeneric(g *monoGeneric, node ast.Node, head map[ast.Node]segKind) func() {
	saved, savedAt := r.mono.generic, r.mono.segAt
	r.mono.generic, r.mono.segAt = g, map[int]monoSpan{}
	skip := map[[2]int]bool{}
	for n, kind := range head {
		start, end := r.off(n.Pos()), r.off(n.End())
		if fl, ok := n.(*ast.FieldList); ok {
			start, end = r.off(fl.Opening), r.off(fl.Closing)+1
		}
		r.mono.segAt[start] = monoSpan{end: end, seg: len(r.mono.segs)}
		r.mono.segs = append(r.mono.segs, &monoSeg{kind: kind, orig: r.src[start:end]})
		skip[[2]int{start, end}] = true
	}
	inHead := func(n ast.Node) bool {
		s, e := r.off(n.Pos()), r.off(n.End())
		for span := range skip {
			if s >= span[0] && e <= span[1] {
				return true
			}
		}
		return false
	}
	add := func(n ast.Node, s *monoSeg) {
		start, end := r.off(n.Pos()), r.off(n.End())
		s.orig = r.src[start:end]
		r.mono.segAt[start] = monoSpan{end: end, seg: len(r.mono.segs)}
		r.mono.segs = append(r.mono.segs, s)
	}
	ast.Inspect(node, func(n ast.Node) bool {
		if n == nil {
			return true
		}
		if inHead(n) {
			return false // the copies leave it out or name it themselves
		}
		switch e := n.(type) {
		case *ast.IndexExpr, *ast.IndexListExpr:
			var x ast.Expr
			if ie, ok := e.(*ast.IndexExpr); ok {
				x = ie.X
			} else {
				x = e.(*ast.IndexListExpr).X
			}
			if id, ok := x.(*ast.Ident); ok {
				if s := r.instanceSeg(id); s != nil {
					add(n, s)
					return false
				}
			}
		case *ast.Ident:
			if s := r.instanceSeg(e); s != nil {
				add(e, s)
				return false
			}
			if tn, ok := r.info.Uses[e].(*types.TypeName); ok {
				if _, isTP := tn.Type().(*types.TypeParam); isTP {
					add(e, &monoSeg{kind: segType, typ: tn.Type()})
				}
			}
		}
		return true
	})
	return func() { r.mono.generic, r.mono.segAt = saved, savedAt }
}

// instanceSeg returns the placeholder for a use of one of the program's
// generics inside a generic declaration, or nil.
func (r *rewriter) instanceSeg(id *ast.Ident) *monoSeg {
	inst, ok := r.info.Instances[id]
	if !ok {
		return nil
	}
	g := r.programGeneric(id)
	if g == nil {
		return nil
	}
	if g.isType {
		return &monoSeg{kind: segType, typ: inst.Type}
	}
	return &monoSeg{kind: segFunc, fn: g.name, args: typeListOf(inst.TypeArgs)}
}

func typeListOf(l *types.TypeList) []types.Type {
	var out []types.Type
	for i := range l.Len() {
		out = append(out, l.At(i))
	}
	return out
}

// monoMark makes the placeholder that begins at node n, if any, an edit;
// it reports whether it did (the walk then leaves the node alone).
func (r *rewriter) monoMark(n ast.Node) bool {
	if r.mono.generic == nil {
		return false
	}
	start := r.off(n.Pos())
	span, ok := r.mono.segAt[start]
	if !ok || span.end != r.off(n.End()) {
		return false
	}
	if id, ok := n.(*ast.Ident); ok {
		if i, edited := r.identEdits[id]; edited {
			r.mono.segs[span.seg].orig = r.edits[i].text
		}
		r.setName(id, placeholder(span.seg))
		return true
	}
	r.replace(start, span.end, placeholder(span.seg))
	return true
}

// markList makes a type parameter list's placeholder an edit.
func (r *rewriter) markList(fl *ast.FieldList) {
	if r.mono.generic == nil || fl == nil {
		return
	}
	start := r.off(fl.Opening)
	if span, ok := r.mono.segAt[start]; ok {
		r.replace(start, span.end, placeholder(span.seg))
	}
}

// monoUse makes a use of an instance outside generic declarations name its
// copy: id alone (the type arguments inferred), or with the index
// expression whole. It reports whether it did.
func (r *rewriter) monoUse(id *ast.Ident, whole ast.Expr) bool {
	if r.mono.generic != nil || r.quiet > 0 {
		return false
	}
	inst, ok := r.info.Instances[id]
	if !ok {
		return false
	}
	g := r.programGeneric(id)
	if g == nil {
		return false
	}
	name, ok := r.instanceName(g, typeListOf(inst.TypeArgs), r.off(id.Pos()))
	if !ok {
		return false
	}
	if whole == nil {
		r.setName(id, name)
	} else {
		r.replace(r.off(whole.Pos()), r.off(whole.End()), name)
	}
	return true
}

// monoKey identifies an instance.
func monoKey(name string, args []types.Type) string {
	var b strings.Builder
	b.WriteString(name + "[")
	for i, a := range args {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(types.TypeString(a, func(p *types.Package) string { return p.Path() }))
	}
	b.WriteString("]")
	return b.String()
}

// instanceName returns the name of the copy for an instance, making it if
// needed; false when concur cannot write the type arguments down.
func (r *rewriter) instanceName(g *monoGeneric, args []types.Type, at int) (string, bool) {
	if len(args) != len(g.tparams) {
		return "", false
	}
	for _, a := range args {
		if _, ok := r.monoType(a, at); !ok {
			return "", false
		}
	}
	key := monoKey(g.name, args)
	if inst := r.mono.in.instances[key]; inst != nil {
		return inst.name, true
	}
	if mine := r.mono.in.generics[g.name]; (mine == nil || !mine.fresh) && r.env.mono != nil {
		if inst := r.env.mono.instances[key]; inst != nil {
			return inst.name, true
		}
	}
	if len(r.mono.in.instances) > 500 {
		return "", false // an instantiation cycle: go/types reports those
	}
	var name string
	if g.isType {
		tn := r.genericObject(g)
		if tn == nil {
			return "", false
		}
		n, err := types.Instantiate(nil, tn.Type(), args, false)
		if err != nil {
			return "", false
		}
		name = monoTypePrefix + g.generation() + encodeName(strings.TrimPrefix(runtimeTypeString(n), "main."))
	} else {
		parts := make([]string, len(args))
		for i, a := range args {
			parts[i] = runtimeTypeString(a)
		}
		name = monoFuncPrefix + g.generation() + encodeName(g.name) + "__" + encodeName(strings.Join(parts, ","))
	}
	inst := &monoInstance{generic: g, args: args, name: name, at: at}
	r.mono.in.instances[key] = inst
	r.mono.queue = append(r.mono.queue, inst)
	return name, true
}

// genericObject returns the session's object of a generic.
func (r *rewriter) genericObject(g *monoGeneric) types.Object {
	if obj := r.checked.Pkg.Scope().Lookup(g.name); obj != nil {
		return obj
	}
	return r.session.Lookup(g.name)
}

// encodeName writes s as the tail of an identifier: letters and digits as
// they are, anything else as _ and two hex digits (decodeName).
func encodeName(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') ||
			c >= utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			b.WriteRune(c)
			continue
		}
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], c)
		for _, x := range buf[:n] {
			b.WriteString("_" + strconv.FormatUint(uint64(x)>>4, 16) + strconv.FormatUint(uint64(x)&15, 16))
		}
	}
	return b.String()
}

// decodeName undoes encodeName.
func decodeName(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b = append(b, byte(v))
				i += 2
				continue
			}
		}
		b = append(b, s[i])
	}
	return string(b)
}

// monoType writes a type without type parameters as yaegi's source names
// it, the program's instances by the names of their copies.
func (r *rewriter) monoType(t types.Type, at int) (string, bool) {
	return r.writeType(t, at, 0)
}

func (r *rewriter) writeType(t types.Type, at, depth int) (string, bool) {
	if depth > 32 {
		return "", false
	}
	elem := func(t types.Type) (string, bool) { return r.writeType(t, at, depth+1) }
	switch t := t.(type) {
	case *types.Alias:
		return r.writeType(types.Unalias(t), at, depth)
	case *types.TypeParam:
		return "", false
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() != nil && r.isSessionPkg(obj.Pkg()) && obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope() {
			return "", false // declared in a function
		}
		if t.TypeArgs().Len() == 0 {
			return r.plainTypeSource(t)
		}
		args := typeListOf(t.TypeArgs())
		if r.isSessionPkg(obj.Pkg()) {
			g := r.generic(obj.Name())
			if g == nil || !g.isType {
				return "", false
			}
			return r.instanceName(g, args, at)
		}
		head, ok := r.plainTypeSource(t.Origin())
		if !ok {
			return "", false
		}
		if i := strings.IndexByte(head, '['); i >= 0 {
			head = head[:i]
		}
		parts := make([]string, len(args))
		for i, a := range args {
			if parts[i], ok = elem(a); !ok {
				return "", false
			}
		}
		return head + "[" + strings.Join(parts, ", ") + "]", true
	case *types.Pointer:
		s, ok := elem(t.Elem())
		return "*" + s, ok
	case *types.Slice:
		s, ok := elem(t.Elem())
		return "[]" + s, ok
	case *types.Array:
		s, ok := elem(t.Elem())
		return "[" + strconv.FormatInt(t.Len(), 10) + "]" + s, ok
	case *types.Map:
		k, ok1 := elem(t.Key())
		v, ok2 := elem(t.Elem())
		return "map[" + k + "]" + v, ok1 && ok2
	case *types.Chan:
		s, ok := elem(t.Elem())
		switch t.Dir() {
		case types.SendOnly:
			return "chan<- " + s, ok
		case types.RecvOnly:
			return "<-chan " + s, ok
		}
		if strings.HasPrefix(s, "<-") {
			s = "(" + s + ")"
		}
		return "chan " + s, ok
	case *types.Signature:
		params, ok1 := r.writeTuple(t.Params(), t.Variadic(), at, depth)
		results, ok2 := r.writeTuple(t.Results(), false, at, depth)
		s := "func(" + params + ")"
		switch {
		case t.Results().Len() == 1:
			s += " " + results
		case t.Results().Len() > 1:
			s += " (" + results + ")"
		}
		return s, ok1 && ok2
	case *types.Struct:
		if !r.mentionsInstance(t, 0) {
			return r.plainTypeSource(t)
		}
		var fields []string
		for i := range t.NumFields() {
			f := t.Field(i)
			s, ok := elem(f.Type())
			if !ok {
				return "", false
			}
			if !f.Embedded() {
				s = f.Name() + " " + s
			}
			if tag := t.Tag(i); tag != "" {
				s += " " + strconv.Quote(tag)
			}
			fields = append(fields, s)
		}
		return "struct{ " + strings.Join(fields, "; ") + " }", true
	case *types.Interface:
		if r.mentionsInstance(t, 0) {
			return "", false
		}
		return r.plainTypeSource(t)
	}
	return r.plainTypeSource(t)
}

func (r *rewriter) writeTuple(tu *types.Tuple, variadic bool, at, depth int) (string, bool) {
	parts := make([]string, tu.Len())
	for i := range tu.Len() {
		t := tu.At(i).Type()
		prefix := ""
		if variadic && i == tu.Len()-1 {
			if s, ok := t.(*types.Slice); ok {
				t, prefix = s.Elem(), "..."
			}
		}
		s, ok := r.writeType(t, at, depth+1)
		if !ok {
			return "", false
		}
		parts[i] = prefix + s
	}
	return strings.Join(parts, ", "), true
}

// mentionsInstance reports whether t is or holds an instance of one of the
// program's generic types, or a type parameter.
func (r *rewriter) mentionsInstance(t types.Type, depth int) bool {
	if depth > 16 || t == nil {
		return false
	}
	next := func(t types.Type) bool { return r.mentionsInstance(t, depth+1) }
	switch t := t.(type) {
	case *types.Alias:
		return next(types.Unalias(t))
	case *types.TypeParam:
		return true
	case *types.Named:
		if t.TypeArgs().Len() > 0 && r.isSessionPkg(t.Obj().Pkg()) {
			return true
		}
		for i := range t.TypeArgs().Len() {
			if next(t.TypeArgs().At(i)) {
				return true
			}
		}
	case *types.Pointer:
		return next(t.Elem())
	case *types.Slice:
		return next(t.Elem())
	case *types.Array:
		return next(t.Elem())
	case *types.Chan:
		return next(t.Elem())
	case *types.Map:
		return next(t.Key()) || next(t.Elem())
	case *types.Signature:
		for _, tu := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tu.Len() {
				if next(tu.At(i).Type()) {
					return true
				}
			}
		}
	case *types.Struct:
		for i := range t.NumFields() {
			if next(t.Field(i).Type()) {
				return true
			}
		}
	case *types.Interface:
		for i := range t.NumMethods() {
			if next(t.Method(i).Type()) {
				return true
			}
		}
	}
	return false
}

// subst replaces type parameters in t.
func subst(t types.Type, m map[*types.TypeParam]types.Type, depth int) types.Type {
	if depth > 32 || t == nil {
		return t
	}
	next := func(t types.Type) types.Type { return subst(t, m, depth+1) }
	switch t := t.(type) {
	case *types.Alias:
		return next(types.Unalias(t))
	case *types.TypeParam:
		if to, ok := m[t]; ok {
			return to
		}
		return t
	case *types.Named:
		if t.TypeArgs().Len() == 0 {
			return t
		}
		args := typeListOf(t.TypeArgs())
		for i := range args {
			args[i] = next(args[i])
		}
		n, err := types.Instantiate(nil, t.Origin(), args, false)
		if err != nil {
			return t
		}
		return n
	case *types.Pointer:
		return types.NewPointer(next(t.Elem()))
	case *types.Slice:
		return types.NewSlice(next(t.Elem()))
	case *types.Array:
		return types.NewArray(next(t.Elem()), t.Len())
	case *types.Chan:
		return types.NewChan(t.Dir(), next(t.Elem()))
	case *types.Map:
		return types.NewMap(next(t.Key()), next(t.Elem()))
	case *types.Signature:
		tuple := func(tu *types.Tuple) *types.Tuple {
			vars := make([]*types.Var, tu.Len())
			for i := range tu.Len() {
				v := tu.At(i)
				vars[i] = types.NewParam(v.Pos(), v.Pkg(), v.Name(), next(v.Type()))
			}
			return types.NewTuple(vars...)
		}
		return types.NewSignatureType(nil, nil, nil, tuple(t.Params()), tuple(t.Results()), t.Variadic())
	case *types.Struct:
		fields := make([]*types.Var, t.NumFields())
		tags := make([]string, t.NumFields())
		for i := range t.NumFields() {
			f := t.Field(i)
			fields[i] = types.NewField(f.Pos(), f.Pkg(), f.Name(), next(f.Type()), f.Embedded())
			tags[i] = t.Tag(i)
		}
		return types.NewStruct(fields, tags)
	}
	return t
}

// buildTemplates renders the input's generic declarations and methods of
// generic types as templates, after the walk.
func (r *rewriter) buildTemplates() {
	for _, u := range r.units {
		if u.kind == kindStmts || u.kind == kindImports {
			continue
		}
		for _, d := range u.file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if g := r.mono.in.generics[d.Name.Name]; g != nil && d.Recv == nil && !g.isType {
					g.decl = r.template(r.off(d.Pos()), r.off(d.End()), "", g.tparams)
				} else if g, _ := r.recvGeneric(d); g != nil {
					f, _ := r.objectOf(d.Name).(*types.Func)
					if f == nil {
						continue
					}
					if r.mono.in.generics[g.name] != g {
						// A method added to an earlier input's type: that
						// type's record becomes this input's.
						g = r.adoptGeneric(g)
					}
					g.methods = append(g.methods, r.template(r.off(d.Pos()), r.off(d.End()), "", typeParamList(f.Signature().RecvTypeParams())))
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					if s, ok := spec.(*ast.TypeSpec); ok && s.TypeParams != nil {
						if g := r.mono.in.generics[s.Name.Name]; g != nil && g.isType {
							g.decl = r.template(r.off(s.Pos()), r.off(s.End()), "type ", g.tparams)
						}
					}
				}
			}
		}
	}
}

// adoptGeneric copies an earlier input's generic type into this input, to
// add methods to it; the instances the session made of it get the new
// methods too.
func (r *rewriter) adoptGeneric(g *monoGeneric) *monoGeneric {
	c := *g
	c.fresh = false
	c.methods = append([]*monoTemplate(nil), g.methods...)
	r.mono.in.generics[g.name] = &c
	return &c
}

// template renders the learner's source [start, end) with the edits in it.
func (r *rewriter) template(start, end int, prefix string, tparams []*types.TypeParam) *monoTemplate {
	var b strings.Builder
	b.WriteString(prefix)
	if err := r.renderSpan(&b, start, end, r.editsIn(start, end), end); err != nil {
		return nil
	}
	return &monoTemplate{text: b.String(), segs: r.mono.segs, tparams: tparams}
}

// writeInstances writes the copies of the instances used, and of the ones
// their copies use.
func (r *rewriter) writeInstances() {
	// Methods this input adds to an earlier input's generic type: every
	// instance the session has of it gets them.
	if r.env.mono != nil {
		var keys []string
		for k := range r.env.mono.instances {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			inst := r.env.mono.instances[k]
			g := r.mono.in.generics[inst.generic.name]
			if g == nil || g.fresh || !g.isType {
				continue
			}
			old := len(r.env.mono.generics[g.name].methods)
			for _, m := range g.methods[old:] {
				r.writeCopy(inst, m)
			}
		}
	}
	for len(r.mono.queue) > 0 {
		inst := r.mono.queue[0]
		r.mono.queue = r.mono.queue[1:]
		g := inst.generic
		if g.decl == nil {
			r.errorAt(inst.at, "concur cannot make a copy of the generic %s for its interpreter; declare it again in this input", g.name)
			continue
		}
		r.writeCopy(inst, g.decl)
		if g.isType {
			for _, m := range g.methods {
				r.writeCopy(inst, m)
			}
		}
	}
}

// writeCopy writes one copy of a template for an instance.
func (r *rewriter) writeCopy(inst *monoInstance, t *monoTemplate) {
	if t == nil {
		r.errorAt(inst.at, "concur cannot make a copy of the generic %s for its interpreter", inst.generic.name)
		return
	}
	m := map[*types.TypeParam]types.Type{}
	for i, tp := range t.tparams {
		if i < len(inst.args) {
			m[tp] = inst.args[i]
		}
	}
	text, ok := expandSegs(t.text, t.segs, func(s *monoSeg) (string, bool) {
		switch s.kind {
		case segSelf:
			return inst.name, true
		case segEmpty:
			return "", true
		case segMethodOpen, segMethodClose:
			t := subst(s.typ, m, 0)
			open, ok := r.methodCopy(t, s.fn)
			switch {
			case ok && s.kind == segMethodOpen:
				return open, true
			case ok:
				return ")", true
			case s.kind == segMethodOpen:
				if msg := r.hiddenMethodRefusal(t); msg != "" {
					r.errorAt(inst.at, "%s (in %s)", msg, Demangle(inst.name))
				}
			}
			return "", true
		case segPanicNote:
			return panicNoteFor(s.fn, subst(s.typ, m, 0)), true
		case segTypedOpen, segTypedClose:
			t := subst(s.typ, m, 0)
			if !r.holdsProgramType(t, 0) {
				return "", true
			}
			if s.kind == segTypedOpen {
				return builtinPkg + ".Typed(", true
			}
			return ", " + strconv.Quote(runtimeTypeString(t)) + ")", true
		case segType:
			return r.monoType(subst(s.typ, m, 0), inst.at)
		case segFunc:
			g := r.generic(s.fn)
			if g == nil {
				return "", false
			}
			args := make([]types.Type, len(s.args))
			for i, a := range s.args {
				args[i] = subst(a, m, 0)
			}
			return r.instanceName(g, args, inst.at)
		}
		return "", false
	})
	if !ok {
		r.errorAt(inst.at, "concur cannot write the generic %s with these type arguments for its interpreter "+
			"(a type declared inside a function?); declare the types it is used with at the package level", inst.generic.name)
		return
	}
	r.mono.decls = append(r.mono.decls, text)
}

// errorAt records a refusal at a learner's offset.
func (r *rewriter) errorAt(off int, format string, args ...any) {
	line, col := r.lineCol(off)
	r.errs = append(r.errs, &Error{Pos: token.Position{Filename: r.filename, Offset: off, Line: line, Column: col}, Msg: fmt.Sprintf(format, args...)})
}

// monoFuncs and monoTypes find the derived names in a message.
var (
	monoFuncs = lazyregexp.New(monoFuncPrefix + `[0-9]*_([\p{L}\p{N}_]*?)__[\p{L}\p{N}_]*`)
	monoTypes = lazyregexp.New(monoTypePrefix + `[0-9]*_([\p{L}\p{N}_]*)`)
)

// demangleMono gives the copies of generics in a message Go's names: a
// type's instance (Set[string]), a function's as Go's tracebacks write
// it (Map[...]).
func demangleMono(msg string) string {
	if !strings.Contains(msg, reservedPrefix) {
		return msg
	}
	msg = monoFuncs.ReplaceAllStringFunc(msg, func(m string) string {
		sub := monoFuncs.FindStringSubmatch(m)
		return decodeName(sub[1]) + "[...]"
	})
	return monoTypes.ReplaceAllStringFunc(msg, func(m string) string {
		return decodeName(monoTypes.FindStringSubmatch(m)[1])
	})
}

// addMono folds what an input declared and instantiated into the session's
// generics. A name declared again drops the earlier generic and its copies.
func (e *Env) addMono(in *Input) {
	if e.mono == nil || in.mono == nil {
		return
	}
	for _, n := range in.Declared.Funcs {
		if g := in.mono.generics[n]; g != nil && !g.fresh {
			continue
		}
		if e.mono.generics[n] == nil {
			continue
		}
		delete(e.mono.generics, n)
		for k, inst := range e.mono.instances {
			if inst.generic.name == n {
				delete(e.mono.instances, k)
			}
		}
	}
	for n, g := range in.mono.generics {
		e.mono.generics[n] = g
		if g.fresh {
			e.mono.gens[n] = g.gen + 1
		}
	}
	for k, inst := range in.mono.instances {
		e.mono.instances[k] = inst
	}
}

// textWithCopies is the learner's source of a node outside generic
// declarations, with each instance of the program's generics in it named
// as its copy (what monoUse makes its uses), for a rewrite that writes the
// text again elsewhere (a type assertion after a make, a moved operand).
func (r *rewriter) textWithCopies(n ast.Node, start, end int) string {
	type repl struct {
		start, end int
		name       string
	}
	var list []repl
	ast.Inspect(n, func(n ast.Node) bool {
		var id *ast.Ident
		var whole ast.Node
		switch e := n.(type) {
		case *ast.IndexExpr:
			id, _ = e.X.(*ast.Ident)
			whole = e
		case *ast.IndexListExpr:
			id, _ = e.X.(*ast.Ident)
			whole = e
		case *ast.Ident:
			id, whole = e, e
		}
		if id == nil {
			return true
		}
		inst, ok := r.info.Instances[id]
		g := r.programGeneric(id)
		if !ok || g == nil {
			return true
		}
		name, ok := r.instanceName(g, typeListOf(inst.TypeArgs), r.off(id.Pos()))
		if !ok {
			return true
		}
		if _, isIdent := whole.(*ast.Ident); isIdent || r.info.Types[whole.(ast.Expr)].IsType() || r.isFuncInstance(whole.(ast.Expr)) {
			list = append(list, repl{r.off(whole.Pos()), r.off(whole.End()), name})
			return false
		}
		return true
	})
	if len(list) == 0 {
		return r.src[start:end]
	}
	var b strings.Builder
	at := start
	for _, x := range list {
		b.WriteString(r.src[at:x.start])
		b.WriteString(x.name)
		at = x.end
	}
	b.WriteString(r.src[at:end])
	return b.String()
}

// isFuncInstance reports whether e (an index expression) is an explicit
// instantiation of a generic function, not an index.
func (r *rewriter) isFuncInstance(e ast.Expr) bool {
	var x ast.Expr
	switch e := e.(type) {
	case *ast.IndexExpr:
		x = e.X
	case *ast.IndexListExpr:
		x = e.X
	default:
		return false
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return false
	}
	_, ok = r.info.Instances[id]
	return ok
}
