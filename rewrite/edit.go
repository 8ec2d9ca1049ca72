package rewrite

import (
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/concur-dev/concur/typecheck"
)

// rewriter holds the state of one Rewrite call.
type rewriter struct {
	filename string
	src      string
	env      *Env
	program  bool
	renamed  map[string]string // generic functions given another name (libraryGeneric)

	fset           *token.FileSet // the type-checking session's: every input is parsed into it
	session        *typecheck.Session
	sessionImports map[string]string // what yaegi imported before this input (a program's walk has an empty env)
	info           *types.Info       // the input's types, from go/types
	checked        *typecheck.Result // the input's type check
	lineStarts     []int             // offsets where the learner's lines begin
	fileUnit       map[*token.File]*unit
	units          []*unit
	errs           ErrorList

	edits      []edit
	identEdits map[*ast.Ident]int // rename edits by identifier, so a later decision can retarget them
	folds      map[*ast.CallExpr]folded
	quiet      int                   // > 0: resolve names but make no edits (text that is moved or replaced)
	shared     map[types.Object]bool // local variables goroutines may share (racepoints.go), found on first use
	passed     [2]string             // the last deferred literal's pointer parameters and arguments (passPointers)
	mono       monoWalk              // the program's generics as copies (mono.go)

	commaOK    map[*ast.TypeAssertExpr]bool // assertions whose two values are used (ifaceassert.go)
	helpers    map[string]*assertHelper     // assertion helpers this input calls, by S|I
	newHelpers []*assertHelper              // the ones it makes
	boxed      map[ast.Expr]bool            // operands put in the prelude's box (boxWrapped)
	pooled     map[*types.TypeName]string   // the program's types that are pool types, with their slots (named.go)
	newPooled  map[string]string            // those this input declares, by name
	shapeList  *[]types.Type                // the program's types, for fmtany.go's confusable
	askDecls   map[string]string            // fmtany.go's hoisted functions, by name
	askOrder   []string                     // their names in the order made

	walker
}

// edit replaces the learner's text [start, end) with text; start == end is
// an insertion.
type edit struct {
	start, end int
	text       string
	seq        int
	// A move: text is followed by the learner's source [from, to) with its
	// own edits, which a hole edit over [from, to) takes away from its place.
	move     bool
	from, to int
	after    string // written after the moved text
	hole     bool   // [start, end) was moved elsewhere: its edits render there
	// For a hole: the edits made while its text was walked, by seq, belong
	// to the moved text (seq in (hole's seq, inner)).
	inner int
	// An insertion that goes before every other one at its place: what
	// closes an expression wrapped after the walk (typedNils), inside what
	// the walk put after it (a send's tail).
	early bool
	// One that goes after every other: what closes a block opened before
	// a statement (passPointers' pointers), around what closes the
	// statement's own wrappers.
	late bool
}

func newRewriter(filename, src string, env *Env) *rewriter {
	r := &rewriter{
		filename:   filename,
		src:        src,
		env:        env,
		fset:       env.types.FileSet(),
		session:    env.types,
		lineStarts: []int{0},
		fileUnit:   map[*token.File]*unit{},
		identEdits: map[*ast.Ident]int{},
		renamed:    map[string]string{},
		folds:      map[*ast.CallExpr]folded{},
		commaOK:    map[*ast.TypeAssertExpr]bool{},
		helpers:    map[string]*assertHelper{},
		boxed:      map[ast.Expr]bool{},
	}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			r.lineStarts = append(r.lineStarts, i+1)
		}
	}
	r.walker.init()
	r.mono.init()
	return r
}

// lineCol returns the learner's 1-based line and byte column of an offset.
func (r *rewriter) lineCol(off int) (int, int) {
	i := sort.Search(len(r.lineStarts), func(i int) bool { return r.lineStarts[i] > off }) - 1
	return i + 1, off - r.lineStarts[i] + 1
}

// directive returns the comment that makes the next character of yaegi's
// source sit at the learner's offset off. It names no file, so positions keep
// the name yaegi gives its source: yaegi keys imports by the base name of
// the file a position is in and looks a package up in a type by the type's
// own position, so a different name there makes it crash (nil type).
func (r *rewriter) directive(off int) string {
	line, col := r.lineCol(off)
	return fmt.Sprintf("/*line :%d:%d*/", line, col)
}

// off maps a position of a parsed unit to the offset in the learner's source.
func (r *rewriter) off(pos token.Pos) int {
	tf := r.fset.File(pos)
	u := r.fileUnit[tf]
	if u == nil {
		return 0
	}
	o := tf.Offset(pos) - u.base + u.start
	return max(u.start, min(o, u.end))
}

// position returns the learner's position of a parsed position.
func (r *rewriter) position(pos token.Pos) token.Position {
	if !pos.IsValid() {
		return token.Position{Filename: r.filename}
	}
	line, col := r.lineCol(r.off(pos))
	return token.Position{Filename: r.filename, Line: line, Column: col}
}

// replace records an edit of the learner's text [start, end).
func (r *rewriter) replace(start, end int, text string) int {
	if r.quiet > 0 {
		return -1
	}
	r.edits = append(r.edits, edit{start: start, end: end, text: text, seq: len(r.edits)})
	return len(r.edits) - 1
}

// insert records an insertion before the learner's offset at.
func (r *rewriter) insert(at int, text string) {
	r.replace(at, at, text)
}

// setName makes an identifier appear as name in yaegi's source.
func (r *rewriter) setName(id *ast.Ident, name string) {
	if r.quiet > 0 {
		return
	}
	if i, ok := r.identEdits[id]; ok {
		r.edits[i].text = name
		return
	}
	r.identEdits[id] = r.replace(r.off(id.Pos()), r.off(id.End()), name)
}

// moveTo records that the learner's source [from, to) — with every edit
// made inside it until the returned function is called (walk it between) —
// is written at the offset at, between text and after, and not at its own
// place: how a rewrite moves an operand out of a construct.
func (r *rewriter) moveTo(at int, text string, from, to int, after string) (walked func()) {
	if r.quiet > 0 {
		return func() {}
	}
	hole := len(r.edits) + 1
	r.edits = append(r.edits, edit{start: at, end: at, text: text, seq: len(r.edits), move: true, from: from, to: to, inner: hole, after: after})
	r.edits = append(r.edits, edit{start: from, end: to, seq: hole, hole: true})
	return func() { r.edits[hole].inner = len(r.edits) }
}

// inHole reports whether edit x was made inside the hole h.
func inHole(x, h edit) bool {
	return x.seq > h.seq && x.seq < h.inner && x.start >= h.start && x.end <= h.end
}

// render applies the edits inside a unit and returns yaegi's source for it.
// Every unit starts with a /*line*/ comment and one follows every edit, so
// that the learner's tokens keep their positions.
func (r *rewriter) render(u *unit) (string, error) {
	in := r.editsIn(u.start, u.end)
	var b strings.Builder
	if err := r.renderSpan(&b, u.start, u.end, in, u.end); err != nil {
		return "", err
	}
	src := r.original(b.String())
	if u.kind == kindStmts && !startsStatements(src) {
		src = ";" + src // keep yaegi from taking a leading `func` literal for a declaration
	}
	return src, nil
}

// editsIn returns the edits inside the learner's source [start, end), in
// the order renderSpan writes them.
func (r *rewriter) editsIn(start, end int) []edit {
	var in []edit
	for _, e := range r.edits {
		if e.start >= start && e.end <= end {
			in = append(in, e)
		}
	}
	sort.Slice(in, func(i, j int) bool {
		a, b := in[i], in[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if ai, bi := a.start == a.end, b.start == b.end; ai != bi {
			return ai // an insertion goes before a replacement starting at the same place
		}
		if a.early != b.early {
			return a.early
		}
		if a.late != b.late {
			return b.late
		}
		return a.seq < b.seq
	})
	return in
}

// renderSpan writes the learner's source [start, end) with the edits in it
// (sorted), starting with a /*line*/ comment; limit is where the unit ends.
// A hole's own edits are written where its text moved to, not here.
func (r *rewriter) renderSpan(b *strings.Builder, start, end int, edits []edit, limit int) error {
	b.WriteString(r.directive(start))
	at := start
	var holes []edit
	for _, e := range edits {
		if e.hole {
			holes = append(holes, e)
		}
	}
	moved := func(x edit) bool {
		for _, h := range holes {
			if x.seq != h.seq && inHole(x, h) {
				return true
			}
		}
		return false
	}
	var here []edit
	for _, e := range edits {
		if e.start >= start && e.end <= end && !moved(e) {
			here = append(here, e)
		}
	}
	for i, e := range here {
		if e.start < at {
			line, col := r.lineCol(e.start)
			return ErrorList{{Pos: token.Position{Filename: r.filename, Line: line, Column: col},
				Msg: "internal error: overlapping rewrites (please report this input)"}}
		}
		b.WriteString(r.src[at:e.start])
		b.WriteString(e.text)
		if e.move {
			var h edit
			for _, x := range edits {
				if x.hole && x.seq == e.inner {
					h = x
				}
			}
			var inner []edit
			for _, x := range edits {
				if inHole(x, h) {
					inner = append(inner, x)
				}
			}
			if err := r.renderSpan(b, e.from, e.to, inner, limit); err != nil {
				return err
			}
			b.WriteString(e.after)
		}
		at = e.end
		// A comment before the learner's text that follows; none where
		// another edit's text follows at once.
		if at < limit && (i+1 == len(here) || here[i+1].start > at) {
			b.WriteString(r.directive(at))
		}
	}
	b.WriteString(r.src[at:end])
	return nil
}

// startsStatements reports whether yaegi's first-token rule will wrap src
// as statements.
func startsStatements(src string) bool {
	fset := token.NewFileSet()
	var s scanner.Scanner
	s.Init(fset.AddFile("", -1, len(src)), []byte(src), nil, 0)
	_, tok, _ := s.Scan()
	switch tok {
	case token.PACKAGE, token.CONST, token.FUNC, token.IMPORT, token.TYPE, token.VAR:
		return false
	}
	return true
}

// text returns the learner's source of a node.
func (r *rewriter) text(n ast.Node) string {
	start, end := r.off(n.Pos()), r.off(n.End())
	if r.mono.generic == nil {
		return r.textWithCopies(n, start, end)
	}
	// In a generic declaration, what depends on the type arguments is
	// written as its placeholder (mono.go).
	var b strings.Builder
	for at := start; at < end; {
		if span, ok := r.mono.segAt[at]; ok && span.end <= end {
			b.WriteString(placeholder(span.seg))
			at = span.end
			continue
		}
		b.WriteByte(r.src[at])
		at++
	}
	return b.String()
}
