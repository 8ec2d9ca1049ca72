package typecheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/concur-dev/concur/sched"
	"github.com/concur-dev/concur/stdlib"
)

// nopHooks lets the test build the interpreter's tables; nothing runs.
type nopHooks struct{ s *sched.Scheduler }

func newHooks() nopHooks { return nopHooks{s: sched.New(sched.Options{Virtual: true})} }

func (nopHooks) Stdout() io.Writer         { return io.Discard }
func (nopHooks) Stderr() io.Writer         { return io.Discard }
func (h nopHooks) Sched() *sched.Scheduler { return h.s }
func (nopHooks) Start(*sched.G, func())    {}
func (nopHooks) Exit(int)                  {}
func (nopHooks) Epoch() time.Time          { return time.Time{} }
func (nopHooks) RandSeed() uint64          { return 1 }
func (nopHooks) Stdin() io.Reader          { return strings.NewReader("") }

// newTestSession is a restricted-mode session with the interpreter's tables.
func newTestSession() *Session {
	fset := token.NewFileSet()
	tables := stdlib.Symbols(newHooks(), false)
	return NewSession(fset, NewImporter(fset, false, tables), stdlib.Names(false))
}

// parseInput parses a snippet the way package rewrite splits one: top-level
// items at bracket depth 0, each a declaration or a statement, each parsed
// on its own with a //line comment that keeps the learner's positions.
func parseInput(t *testing.T, fset *token.FileSet, name, src string) *Input {
	t.Helper()
	if strings.HasPrefix(strings.TrimSpace(src), "package") {
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("parse %q: %v", src, err)
		}
		return &Input{Program: f}
	}
	in := &Input{}
	for _, it := range splitItems(src) {
		line := 1 + strings.Count(src[:it.start], "\n")
		col := it.start - strings.LastIndex(src[:it.start], "\n")
		text := src[it.start:it.end]
		dir := fmt.Sprintf("/*line %s:%d:%d*/", name, line, col)
		if it.decl {
			f, err := parser.ParseFile(fset, name, "package main;"+dir+text, parser.SkipObjectResolution)
			if err != nil {
				t.Fatalf("parse %q: %v", text, err)
			}
			for _, d := range f.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
					for _, s := range gd.Specs {
						in.Imports = append(in.Imports, s.(*ast.ImportSpec))
					}
					continue
				}
				in.Decls = append(in.Decls, d)
			}
			continue
		}
		f, err := parser.ParseFile(fset, name, "package main;func _(){"+dir+text+"\n}", parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("parse %q: %v", text, err)
		}
		in.Stmts = append(in.Stmts, f.Decls[0].(*ast.FuncDecl).Body.List...)
	}
	return in
}

type item struct {
	start, end int
	decl       bool
}

// splitItems cuts src into top-level items at semicolons of bracket depth 0.
func splitItems(src string) []item {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), nil, 0)
	var items []item
	var toks []token.Token
	depth, start, end := 0, -1, 0
	flush := func() {
		if start >= 0 {
			items = append(items, item{start, end, isDecl(toks)})
		}
		start, toks = -1, nil
	}
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			flush()
			return items
		}
		if tok == token.SEMICOLON && depth == 0 {
			flush()
			continue
		}
		off := file.Offset(pos)
		if start < 0 {
			start = off
		}
		end = off + len(lit)
		if lit == "" {
			end = off + len(tok.String())
		}
		toks = append(toks, tok)
		switch tok {
		case token.LPAREN, token.LBRACE, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACE, token.RBRACK:
			depth--
		}
	}
}

// isDecl: import, const, type, var, func Name, func (recv) Name(.
func isDecl(toks []token.Token) bool {
	switch toks[0] {
	case token.IMPORT, token.CONST, token.TYPE, token.VAR:
		return true
	case token.FUNC:
		if len(toks) > 1 && toks[1] == token.IDENT {
			return true
		}
		if len(toks) > 1 && toks[1] == token.LPAREN {
			depth := 0
			for i := 1; i < len(toks); i++ {
				switch toks[i] {
				case token.LPAREN:
					depth++
				case token.RPAREN:
					depth--
					if depth == 0 {
						return i+2 < len(toks) && toks[i+1] == token.IDENT && (toks[i+2] == token.LPAREN || toks[i+2] == token.LBRACK)
					}
				}
			}
		}
	}
	return false
}

// session feeds inputs to a session, committing those that check.
type testSession struct {
	t *testing.T
	s *Session
	n int
}

func newTest(t *testing.T) *testSession { return &testSession{t: t, s: newTestSession()} }

// check checks one input and returns its errors as file:line:col: msg
// lines; a clean input is committed.
func (ts *testSession) check(src string) (*Result, string) {
	ts.n++
	name := fmt.Sprintf("in%d", ts.n)
	in := parseInput(ts.t, ts.s.FileSet(), name, src)
	res := ts.s.Check(in)
	var lines []string
	for _, e := range res.Errors {
		lines = append(lines, ts.s.FileSet().Position(e.Pos).String()+": "+e.Msg)
	}
	if len(lines) == 0 {
		ts.s.Commit(res)
	}
	return res, strings.Join(lines, "\n")
}

// ok checks an input that must type-check.
func (ts *testSession) ok(src string) *Result {
	ts.t.Helper()
	res, errs := ts.check(src)
	if errs != "" {
		ts.t.Fatalf("input %d %q: unexpected errors:\n%s", ts.n, src, errs)
	}
	return res
}

// fails checks an input that must not type-check, with errors matching want
// (substrings, one per error line).
func (ts *testSession) fails(src string, want ...string) {
	ts.t.Helper()
	_, errs := ts.check(src)
	if errs == "" {
		ts.t.Fatalf("input %d %q: type-checked, want errors %q", ts.n, src, want)
	}
	lines := strings.Split(errs, "\n")
	if len(lines) != len(want) {
		ts.t.Fatalf("input %d %q: errors\n%s\nwant %d: %q", ts.n, src, errs, len(want), want)
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			ts.t.Errorf("input %d %q: error %q, want it to contain %q", ts.n, src, lines[i], w)
		}
	}
}

func TestSessionVariables(t *testing.T) {
	ts := newTest(t)
	ts.ok(`x := 1`)
	ts.ok(`x++`)
	res := ts.ok(`fmt.Println(x)`)
	if len(res.AutoImports) != 1 || res.AutoImports[0] != "fmt" {
		t.Errorf("auto-imports %q, want [fmt]", res.AutoImports)
	}
	ts.fails(`var s string = x`, "in4:1:16: cannot use x (variable of type int) as string value in variable declaration")
	ts.ok(`x := x + 1`)
	ts.ok(`x := "now a string"`)
	ts.ok(`var s string = x`)
	// Functions declared later see session variables.
	ts.ok(`func show() { fmt.Println(x, s) }`)
	ts.ok(`show()`)
}

func TestFailedInputLeavesNoTrace(t *testing.T) {
	ts := newTest(t)
	ts.fails(`q := 1; q = "s"`, `in1:1:13: cannot use "s" (untyped string constant) as int value in assignment`)
	ts.fails(`fmt.Println(q)`, "in2:1:13: undefined: q")
	ts.fails(`fmt.Println(nope)`, "in3:1:13: undefined: nope")
	res := ts.ok(`fmt.Println("hi")`)
	if len(res.AutoImports) != 1 {
		t.Errorf("fmt not imported on first successful use: %q", res.AutoImports)
	}
	ts.ok(`fmt.Println("again")`)
	ts.fails(`import "sort"; sort.Nope()`, "in6:1:21: undefined: sort.Nope")
	ts.ok(`import "sort"; sort.Ints(nil)`)
}

func TestUnusedAndImports(t *testing.T) {
	ts := newTest(t)
	ts.ok(`import "strings"`)
	ts.ok(`y := 1`)
	ts.ok(`strings.ToUpper("a")`)
	ts.fails(`func f() { z := 1 }`, "in4:1:12: declared and not used: z")
	ts.fails(`if true { w := 2 }`, "in5:1:11: declared and not used: w")
	ts.ok(`import ("os"; "math")`)
	ts.ok(`_ = math.Pi`)
}

func TestMethodsOnEarlierTypes(t *testing.T) {
	ts := newTest(t)
	ts.ok(`type Counter struct{ n int }`)
	ts.ok(`c := Counter{}`)
	ts.ok(`p := &Counter{}`)
	ts.ok(`func (c *Counter) Inc() { c.n++ }`)
	ts.ok(`c.Inc(); p.Inc()`)
	ts.fails(`c.Dec()`, "in6:1:3: c.Dec undefined (type Counter has no field or method Dec)")
	ts.ok(`func (c Counter) Get() int { return c.n }`)
	ts.ok(`var got int = c.Get() + p.Get()`)
	// A method declared again replaces the old one.
	ts.ok(`func (c Counter) Get() string { return "n" }`)
	ts.ok(`var s string = c.Get()`)
}

func TestRedefinitionKeepsOldMeanings(t *testing.T) {
	ts := newTest(t)
	ts.ok(`func f() int { return 1 }`)
	ts.ok(`func g() int { return f() }`)
	ts.ok(`func f() string { return "" }`)
	ts.ok(`var n int = g()`)
	ts.ok(`var s string = f()`)

	ts.ok(`type T struct{ a int }`)
	ts.ok(`v := T{a: 1}`)
	ts.ok(`func (t T) A() int { return t.a }`)
	ts.ok(`type T struct{ b int }`)
	ts.ok(`_ = v.a + v.A()`)
	ts.ok(`_ = T{b: 2}`)
	ts.fails(`var w T = v`, "cannot use v (variable of struct type T) as T value in variable declaration")
	ts.ok(`w := v`)
	ts.ok(`_ = w.a`)
}

func TestDeclarationsInAnyOrder(t *testing.T) {
	ts := newTest(t)
	ts.ok(`func run() { p := Point{1, 2}; fmt.Println(p.Sum()) }
type Point struct{ X, Y int }
func (p Point) Sum() int { return p.X + p.Y }`)
	ts.ok(`run()`)
	ts.fails(`var c Undefined`, "in3:1:7: undefined: Undefined")
}

func TestStatementVariablesUsedByDeclarations(t *testing.T) {
	ts := newTest(t)
	res := ts.ok(`count := 0
func inc() { count++ }
inc()`)
	if len(res.Hoisted) != 1 || res.Hoisted[0] != "count" {
		t.Errorf("hoisted %q, want [count]", res.Hoisted)
	}
	ts.ok(`inc(); var n int = count`)
	ts.fails(`fmt.Println(y)
y := 1
func f() { _ = y }`, "in3:1:13: undefined: y")
}

func TestSessionTypesInVariables(t *testing.T) {
	ts := newTest(t)
	ts.ok(`type P struct{ n int }`)
	ts.ok(`p := &P{}; ps := []P{{1}}; m := map[string]*P{}; ch := make(chan P, 1)`)
	ts.ok(`func (p *P) Twice() int { return 2 * p.n }`)
	ts.ok(`_ = p.Twice() + ps[0].Twice() + m["a"].Twice(); ch <- P{}`)
	ts.ok(`type P int`)
	ts.ok(`q := p`)
	ts.fails(`var r *P = q`, "cannot use q (variable of type *P) as *P value in variable declaration")
	ts.ok(`d := time.Second; w := &sync.WaitGroup{}`)
	ts.ok(`_ = d.Seconds(); w.Wait()`)
}

func TestPrograms(t *testing.T) {
	ts := newTest(t)
	ts.fails(`package main

import (
	"fmt"
	"os"
)

func main() {
	x := 1
	fmt.Println()
}
`, `in1:5:2: "os" imported and not used`, "in1:9:2: declared and not used: x")
	ts.ok(`package main

import "fmt"

func main() { fmt.Println(helper()) }

func helper() int { return 1 }
`)
	ts.ok(`main(); _ = helper()`)
	ts.ok(`fmt.Println("fmt came with the program")`)
}

func TestSandbox(t *testing.T) {
	ts := newTest(t)
	ts.fails(`import "net/http"`, `in1:1:8: import "net/http": not available in concur's sandbox; run with --unrestricted to allow it`)
	ts.fails(`f, _ := os.Open("x"); _ = f`, "in2:1:12: os.Open is left out of concur's sandbox; run with --unrestricted to allow it")
	ts.fails(`os.Stdout.Stat()`, "in3:1:11: (*os.File).Stat is left out of concur's sandbox")
	ts.ok(`os.Stdout.WriteString("x"); _ = os.Getenv("HOME")`)
	ts.fails(`f := sync.OnceValue(func() int { return 1 }); _ = f`, "in5:1:11: sync.OnceValue is not available in concur's interpreter, which has no generic functions of package sync")
	ts.ok(`var mu sync.Mutex; mu.Lock(); mu.Unlock(); var wg sync.WaitGroup; wg.Go(func() {}); wg.Wait()`)
	ts.ok(`var w io.Writer = os.Stdout; fmt.Fprintln(w)`)
}

func TestGo126(t *testing.T) {
	ts := newTest(t)
	res := ts.ok(`p := new(42); s := new("x")`)
	if got := res.Vars["p"].Type().String(); got != "*int" {
		t.Errorf("new(42) has type %s, want *int", got)
	}
	if got := res.Vars["s"].Type().String(); got != "*string" {
		t.Errorf(`new("x") has type %s, want *string`, got)
	}
	ts.ok(`for i := range 3 { _ = i }`)
	ts.ok(`for x := range func(yield func(int) bool) {} { _ = x }`)
}

func TestExportDataIdentity(t *testing.T) {
	s := newTestSession()
	fmtPkg, err := s.Importer().Import("fmt")
	if err != nil {
		t.Fatal(err)
	}
	ioPkg, err := s.Importer().Import("io")
	if err != nil {
		t.Fatal(err)
	}
	fprint := fmtPkg.Scope().Lookup("Fprintln").Type().(*types.Signature)
	writer := ioPkg.Scope().Lookup("Writer").Type()
	if fprint.Params().At(0).Type() != writer {
		t.Errorf("fmt.Fprintln's io.Writer is not package io's")
	}
}
