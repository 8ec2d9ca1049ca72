package rewrite

import (
	"errors"
	"go/parser"
	"go/scanner"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var lineComment = regexp.MustCompile(`/\*line :(\d+):(\d+)\*/`)

// testContext is what an earlier input of the table cases' session
// declared: every name the cases use without declaring it.
const testContext = `import "os"
import "sync"
type W struct{ n int }
func (w W) run() {}
func (w *W) Close() error { return nil }
type C struct{}
func (c *C) run(n int) {}
type Server struct{}
func (s *Server) loop() {}
type P struct{ x int }
var w W
var ws []W
var xs []int
var fs []func()
var ps []any
var m = map[int]int{}
var mu sync.Mutex
var wg sync.WaitGroup
var ch = make(chan int)
var out = make(chan int)
var s = "abc"
var things []string
var v any = 1
var a, b, i, n, x, y = 1, 2, 0, 3, 4, 5
func worker(args ...any) {}
func use(args ...any) {}
func done(args ...any) {}
func inner() {}
func sum(xs ...int) int { return 0 }
func process[T any](v T) {}
func f() any { return nil }
func pair() (int, error) { return 0, nil }
_ = os.Args`

// testEnv is the session the table cases run in: testContext was typed
// before, os and sync are imported, a few standard packages may be
// auto-imported.
// mustAbs is name's absolute path, which Llongfile prints.
func mustAbs(name string) string {
	abs, err := filepath.Abs(name)
	if err != nil {
		panic(err)
	}
	return abs
}

func testEnv() *Env {
	env := NewEnv(map[string]string{"fmt": "fmt", "maps": "maps", "slices": "slices", "strings": "strings", "os": "os", "sync": "sync", "time": "time"})
	in, err := Rewrite("ctx.go", testContext, env)
	if err != nil {
		panic(err)
	}
	env.Add(in)
	return env
}

// describe shows the units of an input one per "D| " (declarations) or
// "S| " (statements) line, continued by " | " lines, without the /*line*/
// comments.
func describe(in *Input) string {
	var b strings.Builder
	for i, u := range in.Units {
		if i > 0 {
			b.WriteString("\n")
		}
		kind := "S| "
		if u.Decls {
			kind = "D| "
		}
		b.WriteString(kind + strings.ReplaceAll(lineComment.ReplaceAllString(u.Src, ""), "\n", "\n | "))
	}
	return b.String()
}

type rewriteCase struct {
	name string
	src  string
	want string // units as describe shows them
	err  string // or the error
}

var rewriteCases = []rewriteCase{
	{
		name: "go-ident-const",
		src:  `go worker(1, "a", x)`,
		want: `S| { __concur_a1_2 := x; __concur.GoCall("worker", (func() { defer __concur.Done(); worker(1, "a", __concur_a1_2) })) }`,
	},
	{
		name: "go-pkg-func",
		src:  `go fmt.Println("hi", n)`,
		want: `S| { __concur_a1_1 := n; __concur.GoCall("fmt.Println", (func() { defer __concur.Done(); fmt.Println("hi", __concur_a1_1) })) }`,
	},
	{
		name: "go-literal",
		src:  `go func(s string) { fmt.Println(s) }("x")`,
		want: `S| { var __concur_p1_0 string; __concur_f1 := func() { defer __concur.Done(); s := __concur_p1_0; __concur_builtin.FmtPrintln(s) }; __concur_p1_0 = "x"; __concur.Go("main.func1", __concur_f1) }`,
	},
	{
		name: "go-method-ptr",
		src: `c := &C{}
go c.run(1)`,
		want: `S| c := &C{}
 | { __concur_r1 := c; __concur.GoCall("c.run", (func() { defer __concur.Done(); __concur_r1.run(1) })) }`,
	},
	{
		name: "go-method-unknown",
		src:  `go w.run()`,
		want: `S| { __concur_r1 := &w; __concur.GoCall("w.run", (func() { defer __concur.Done(); (*__concur_r1).run() })) }`,
	},
	{
		name: "go-index-method",
		src:  `go ws[i].run()`,
		want: `S| { __concur_r1 := &ws[i]; __concur.GoCall("ws[i].run", (func() { defer __concur.Done(); (*__concur_r1).run() })) }`,
	},
	{
		name: "go-map-method",
		src: `m := map[string]*W{}
go m["a"].run()`,
		want: `S| m := map[string]*W{}
 | { __concur_r1 := m["a"]; __concur.GoCall("m[\"a\"].run", (func() { defer __concur.Done(); __concur_r1.run() })) }`,
	},
	{
		name: "go-variadic-spread",
		src:  `go sum(xs...)`,
		want: `S| { __concur_a1_0 := xs; __concur.GoCall("sum", (func() { defer __concur.Done(); sum(__concur_a1_0...) })) }`,
	},
	{
		name: "go-generic",
		src:  `go process[int](x)`,
		want: `D| func __concur_F_process__int(v int) {}
S| { __concur_f1 := __concur_F_process__int; __concur_a1_0 := x; __concur.GoCall("process[int]", (func() { defer __concur.Done(); __concur_f1(__concur_a1_0) })) }`,
	},
	{
		name: "go-nested",
		src: `go func() {
	go inner()
}();`,
		want: `S| { __concur_f1 := func() { defer __concur.Done();
 | 	{ __concur.GoCall("inner", (func() { defer __concur.Done(); inner() })) }
 | }; __concur.Go("main.func1", __concur_f1) }`,
	},
	{
		name: "go-multiline",
		src: `go worker(a,
	b,
	3)`,
		want: `S| { __concur_a1_0 := a; __concur_a1_1 := b; __concur.GoCall("worker", (func() { defer __concur.Done(); worker(__concur_a1_0, __concur_a1_1, 3) })) }`,
	},
	{
		name: "go-comment",
		src: `go worker( /* first */ a, // trailing
	1)`,
		want: `S| { __concur_a1_0 := a; __concur.GoCall("worker", (func() { defer __concur.Done(); worker(__concur_a1_0, 1) })) }`,
	},
	{
		name: "go-const-ident",
		src: `const k = 2
go worker(k, -k+1)`,
		want: `D| const k = 2
S| { __concur.GoCall("worker", (func() { defer __concur.Done(); worker(k, -k + 1) })) }`,
	},
	{
		name: "go-in-func",
		src: `func spawn() {
	go func() {}()
	go func() {
		go func() {}()
	}()
}`,
		want: `D| func spawn() {
 | 	{ __concur_f1 := func() { defer __concur.Done();}; __concur.Go("spawn.func1", __concur_f1) }
 | 	{ __concur_f2 := func() { defer __concur.Done();
 | 		{ __concur_f3 := func() { defer __concur.Done();}; __concur.Go("spawn.func2.1", __concur_f3) }
 | 	}; __concur.Go("spawn.func2", __concur_f2) }
 | }`,
	},
	{
		name: "go-method-decl",
		src: `func (s *Server) Start() {
	go s.loop()
}`,
		want: `D| func (s *Server) Start() {
 | 	{ __concur_r1 := s; __concur.GoCall("s.loop", (func() { defer __concur.Done(); __concur_r1.loop() })) }
 | }`,
	},
	{
		name: "loop-closure",
		src: `for i := 0; i < 3; i++ {
	go func() { use(i) }()
}`,
		want: `S| ;func() { for i := 0; i < 3; i++ { i := i;
 | 	{ __concur_f1 := func() { defer __concur.Done(); use(i) }; __concur.Go("main.func1", __concur_f1) }
 | } }();`,
	},
	{
		name: "loop-range-copy",
		src: `for k, v := range m {
	fs = append(fs, func() { use(k, v) })
}`,
		want: `S| ;func() { for k, v := range m { k, v := k, v;
 | 	fs = append(fs, func() { use(k, v) })
 | } }();`,
	},
	{
		name: "loop-addr",
		src: `func f() {
	for _, v := range xs {
		ps = append(ps, &v)
	}
}`,
		want: `D| func f() {
 | 	for _, v := range xs { v := v;
 | 		ps = append(ps, &v)
 | 	}
 | }`,
	},
	{
		name: "loop-go-arg-no-copy",
		src: `for i := 0; i < 3; i++ {
	go worker(i)
}`,
		want: `S| ;func() { for i := 0; i < 3; i++ {
 | 	{ __concur_a1_0 := i; __concur.GoCall("worker", (func() { defer __concur.Done(); worker(__concur_a1_0) })) }
 | } }();`,
	},
	{
		name: "loop-own-copy",
		src: `for i := 0; i < 3; i++ {
	i := i
	go func() { use(i) }()
}`,
		want: `S| ;func() { for i := 0; i < 3; i++ {
 | 	i := i
 | 	{ __concur_f1 := func() { defer __concur.Done(); use(i) }; __concur.Go("main.func1", __concur_f1) }
 | } }();`,
	},
	{
		name: "loop-copy-unwrappable",
		src: `for i := 0; i < 3; i++ {
	defer done()
	go func() { use(i) }()
}`,
		want: `S| for __concur_1_i := 0; __concur_1_i < 3; __concur_1_i++ { __concur_3_i := __concur_1_i;
 | 	defer done()
 | 	{ __concur_f2 := func() { defer __concur.Done(); use(__concur_3_i) }; __concur.Go("main.func1", __concur_f2) }
 | }`,
	},
	{
		name: "loop-redeclared-after-capture",
		src: `func f() {
	for i := 0; i < 3; i++ {
		go func() { use(i) }()
		i := 10
		_ = i
	}
}`,
		want: `D| func f() {
 | 	for i := 0; i < 3; i++ { i := i; {
 | 		{ __concur_f1 := func() { defer __concur.Done(); use(i) }; __concur.Go("f.func1", __concur_f1) }
 | 		i := 10
 | 		_ = i
 | 	} }
 | }`,
	},
	{
		name: "defer-literal-in-loop",
		src: `func f() {
	for _, v := range xs {
		c := v * 2
		defer func() { use(v) }()
		defer func() { use(c, v) }()
		defer func(n int) { use(n) }(v)
		defer func() { mu.Unlock() }()
	}
}`,
		want: `D| func f() { __concur_d1 := __concur_builtin.Defers("main.f"); defer __concur_d1.End();
 | 	for _, v := range xs { v := v;
 | 		c := v * 2
 | 		{ __concur_lp2 := &v; defer func(__concur_lp2 *int, ) { __concur_d1.RunBody(recover(), (func() { use((*__concur_lp2)) })) }(__concur_lp2, ) }
 | 		{ __concur_lp3 := &c; __concur_lp4 := &v; defer func(__concur_lp3 *int, __concur_lp4 *int, ) { __concur_d1.RunBody(recover(), (func() { use((*__concur_lp3), (*__concur_lp4)) })) }(__concur_lp3, __concur_lp4, ) }
 | 		{ __concur_a5_0 := v; defer func(n int) { __concur_d1.RunBody(recover(), (func() { use(n) })) }(__concur_a5_0) }
 | 		defer func() { __concur_d1.RunBody(recover(), (func() { mu.Unlock() })) }()
 | 	}
 | }`,
	},
	{
		name: "log-place",
		src: `import "log"
func f(l *log.Logger, v log.Logger) {
	log.Println("a")
	l.Printf("%d",
		1)
	v.Output(1, "b")
	log.Default().Print("c")
	log.SetFlags(log.Lshortfile)
	g := l.Println
	g("d")
}`,
		want: `D| import "log"
D| func f(l *log.Logger, v log.Logger) {
 | 	log.ConcurAt("prog.go", "` + mustAbs("prog.go") + `", 3).Println("a")
 | 	l.ConcurAt("prog.go", "` + mustAbs("prog.go") + `", 4).Printf("%d",
 | 		1)
 | 	v.ConcurAt("prog.go", "` + mustAbs("prog.go") + `", 6).Output(1, "b")
 | 	log.Default().ConcurAt("prog.go", "` + mustAbs("prog.go") + `", 7).Print("c")
 | 	log.SetFlags(log.Lshortfile)
 | 	g := func() func(v ...any) { __concur_m1 := l; return __concur_m1.Println }()
 | 	g("d")
 | }`,
	},
	{
		name: "defer-literal-in-loop-top-level",
		src: `for _, v := range xs {
	defer func() { use(v) }()
}`,
		err: "prog.go:2:21: deferred function literal uses v, a variable of the loop around the defer statement, at a snippet's top level; concur's interpreter creates the function when the surrounding function returns, so it would see the last iteration's v — pass it as an argument: defer func(v T) { ... }(v)",
	},
	{
		name: "defer-literal-args-in-loop",
		src: `func f() {
	for _, v := range xs {
		defer func(n int) { use(n) }(v)
		defer func() { mu.Unlock() }()
		go func() { defer func() { use(v) }() }()
	}
}`,
		want: `D| func f() { __concur_d1 := __concur_builtin.Defers("main.f"); defer __concur_d1.End();
 | 	for _, v := range xs { v := v;
 | 		{ __concur_a2_0 := v; defer func(n int) { __concur_d1.RunBody(recover(), (func() { use(n) })) }(__concur_a2_0) }
 | 		defer func() { __concur_d1.RunBody(recover(), (func() { mu.Unlock() })) }()
 | 		{ __concur_f3 := func() { defer __concur.Done(); __concur_d4 := __concur_builtin.Defers("main.f.func"); defer __concur_d4.End(); defer func() { __concur_d4.RunBody(recover(), (func() { use(v) })) }() }; __concur.Go("f.func3", __concur_f3) }
 | 	}
 | }`,
	},
	{
		name: "loop-modified",
		src: `for i := 0; i < 3; i++ {
	go func() { use(i) }()
	i++
}`,
		err: `prog.go:3:2: loop variable i is both captured and modified in the loop body; concur cannot give it Go 1.22 per-iteration semantics yet — copy it explicitly: j := i`,
	},
	{
		name: "loop-modified-range-ok",
		src: `for _, v := range xs {
	go func() { use(v) }()
	v = 2
}`,
		want: `S| ;func() { for _, v := range xs { v := v;
 | 	{ __concur_f1 := func() { defer __concur.Done(); use(v) }; __concur.Go("main.func1", __concur_f1) }
 | 	v = 2
 | } }();`,
	},
	{
		name: "range-int-literal",
		src: `for i := range 10 {
	use(i)
}`,
		want: `S| ;func() { { __concur_n1 := 10; for __concur_k1 := __concur_n1 - __concur_n1; __concur_k1 < __concur_n1; __concur_k1++ { i := __concur_k1; _ = i;
 | 	use(i)
 | } } }();`,
	},
	{
		name: "range-int-label",
		src: `outer:
	for i := range n {
		use(i)
		continue outer
	}`,
		want: `S| ;func() { { __concur_n1 := n; outer: for __concur_k1 := __concur_n1 - __concur_n1; __concur_k1 < __concur_n1; __concur_k1++ { i := __concur_k1; _ = i;
 | 		use(i)
 | 		continue outer
 | 	} } }();`,
	},
	{
		name: "range-int-label-unwrappable",
		src: `outer:
	for j := range n {
		defer done(j)
		continue outer
	}`,
		want: `S| { __concur_n1 := n; outer: for __concur_k1 := __concur_n1 - __concur_n1; __concur_k1 < __concur_n1; __concur_k1++ { j := __concur_k1; _ = j;
 | 		{ __concur_a2_0 := j; defer done(__concur_a2_0) }
 | 		continue outer
 | 	} }`,
	},
	{
		name: "range-int-noval",
		src: `for range 3 {
}`,
		want: `S| ;func() { { __concur_n1 := 3; for __concur_k1 := __concur_n1 - __concur_n1; __concur_k1 < __concur_n1; __concur_k1++ {
 | } } }();`,
	},
	{
		name: "range-int-assign",
		src: `var i int64
for i = range 3 {
}`,
		want: `D| var i int64
S| ;func() { { __concur_n1 := i - i + (3); for __concur_k1 := __concur_n1 - __concur_n1; __concur_k1 < __concur_n1; __concur_k1++ { i = __concur_k1;
 | } } }();`,
	},
	{
		name: "range-int-len",
		src: `for i := range len(s) - 1 { use(i)
}`,
		want: `S| ;func() { { __concur_n1 := len(s) - 1; for __concur_k1 := __concur_n1 - __concur_n1; __concur_k1 < __concur_n1; __concur_k1++ { i := __concur_k1; _ = i; use(i)
 | } } }();`,
	},
	{
		name: "range-int-param",
		src: `func f(n int) {
	for i := range n * 2 {
		go func() { use(i) }()
	}
}`,
		want: `D| func f(n int) {
 | 	{ __concur_n1 := n * 2; for __concur_k1 := __concur_n1 - __concur_n1; __concur_k1 < __concur_n1; __concur_k1++ { i := __concur_k1; _ = i;
 | 		{ __concur_f2 := func() { defer __concur.Done(); use(i) }; __concur.Go("f.func1", __concur_f2) }
 | 	} }
 | }`,
	},
	{
		name: "range-int-redeclare",
		src: `func f() {
	for i := range 3 {
		use(i)
		i := "s"
		_ = i
	}
}`,
		want: `D| func f() {
 | 	{ __concur_n1 := 3; for __concur_k1 := __concur_n1 - __concur_n1; __concur_k1 < __concur_n1; __concur_k1++ { i := __concur_k1; _ = i; {
 | 		use(i)
 | 		i := "s"
 | 		_ = i
 | 	} } }
 | }`,
	},
	{
		name: "range-unknown",
		src: `for i := range things { use(i)
}`,
		want: `S| ;func() { for i := range things { use(i)
 | } }();`,
	},
	{
		name: "range-string-const",
		src: `const s = "abc"
for i := range s { use(i)
}`,
		want: `D| const s = "abc"
S| ;func() { for i := range s { use(i)
 | } }();`,
	},
	{
		name: "range-func-lit",
		src: `for x := range func(yield func(int) bool) {} { use(x)
}`,
		want: `S| ;func() { { var __concur_done1 int; func(yield func(int) bool) {}((func(x int) bool { if __concur_done1 != 0 { __concur.RangeDone(__concur_done1) }; { use(x)
 | }; return true })); __concur_done1 = 2; } }();`,
	},
	{
		name: "range-slices-all",
		src: `import "slices"
for i, v := range slices.All(xs) { use(i, v)
}`,
		want: `D| import "slices"
S| ;func() { { var __concur_done1 int; slices.All(xs)((func(i int, v int) bool { if __concur_done1 != 0 { __concur.RangeDone(__concur_done1) }; { use(i, v)
 | }; return true })); __concur_done1 = 2; } }();`,
	},
	{
		name: "range-iter-var",
		src: `seq := maps.Keys(m)
for k := range seq { use(k)
}`,
		want: `S| seq := maps.Keys(m)
 | func() { { var __concur_done1 int; seq((func(k int) bool { if __concur_done1 != 0 { __concur.RangeDone(__concur_done1) }; { use(k)
 | }; return true })); __concur_done1 = 2; } }();`,
	},
	{
		name: "minmax-fold",
		src: `a := min(1, 2.5)
b := max(1, 2, 3)
c := min("b", "a")
d := max('a', 'b')
e := min(-1, 2)
f := max(1, 'a')
g := min(1.5, 2)`,
		want: `S| a := 1.0
 | b := 3
 | c := "a"
 | d := 'b'
 | e := (-1)
 | f := 'a'
 | g := 1.5`,
	},
	{
		name: "minmax-generic",
		src: `a := min(x, y)
b := max(1, x, 2)
c := min(x)`,
		want: `S| a := __concur_min(x, y)
 | b := __concur_max(x, 1, 2)
 | c := __concur_min(x)`,
	},
	{
		name: "minmax-shadowed",
		src: `func min(a, b int) int { return a }
x := min(1, 2)`,
		want: `D| func min(a, b int) int { return a }
S| x := min(1, 2)`,
	},
	{
		name: "clear-call",
		src:  `clear(m)`,
		want: `S| __concur.Clear(m)`,
	},
	{
		name: "clear-shadowed",
		src: `clear := func(x any) {}
clear(m)`,
		want: `S| clear := func(x any) {}
 | clear(m)`,
	},
	{
		name: "shadow-top-level",
		src: `x := 1
if true {
	defer done()
	x := 2
	_ = x
}
for x := 0; x < 2; x++ {
	defer done()
}
switch y := v.(type) {
case int:
	defer done(y)
}`,
		want: `S| x := 1
 | if true {
 | 	defer done()
 | 	__concur_1_x := 2
 | 	_ = __concur_1_x
 | }
 | for __concur_2_x := 0; __concur_2_x < 2; __concur_2_x++ {
 | 	defer done()
 | }
 | switch __concur_x4 := v; __concur_x4.(type) {
 | case int: __concur_3_y := __concur_x4.(int); _ = __concur_3_y;
 | 	{ __concur_a5_0 := __concur_3_y; defer done(__concur_a5_0) }
 | }`,
	},
	{
		name: "shadow-in-func-not-renamed",
		src: `func f() {
	x := 1
	if true {
		x := 2
		_ = x
	}
	_ = x
}`,
		want: `D| func f() {
 | 	x := 1
 | 	if true {
 | 		x := 2
 | 		_ = x
 | 	}
 | 	_ = x
 | }`,
	},
	{
		name: "shadow-env",
		src: `if true {
	n := 5
	_ = n
	return
}`,
		want: `S| if true {
 | 	__concur_1_n := 5
 | 	_ = __concur_1_n
 | 	return
 | }`,
	},
	{
		name: "split-mixed",
		src: `import "fmt"
const c = 1
x := c
func f() int { return x }
type T struct{}
func (t T) M() {}
fmt.Println(f())
var y = 2
y++`,
		want: `D| import "fmt"
D| var x int
 | const c = 1
 | func f() int { return x }
 | type T struct{}
 | func (t T) M() {}
 | var y = 2
S| x = c
 | __concur_builtin.FmtPrintln(f())
 | y++`,
	},
	{
		name: "split-literal-call",
		src:  `func() { println(1) }();`,
		want: `S| ;func() { __concur_builtin.Println(1) }()`,
	},
	{
		// A generic type's instances are copies of its declaration (mono.go),
		// their literals ordinary ones.
		name: "generic struct literals",
		src:  "type P[K comparable, V any] struct { Key K; Val V }\np := P[string, int]{\"k\", 1}\nq := &P[string, int]{Val: 2}\nps := []P[string, int]{{Key: \"a\"}}\n_, _, _ = p, q, ps",
		want: `D| type P[K comparable, V any] struct { Key K; Val V }
 | type __concur_T_P_5bstring_2cint_5d struct { Key string; Val int }
S| p := __concur_T_P_5bstring_2cint_5d{"k", 1}
 | q := &__concur_T_P_5bstring_2cint_5d{Val: 2}
 | ps := []__concur_T_P_5bstring_2cint_5d{{Key: "a"}}
 | _, _, _ = p, q, ps`,
	},
	{
		// concur's slices.Concat and cmp.Or take their first argument apart
		// (stdlib/generic): a call with none or a spread list hands them on.
		name: "library generics with only a variadic parameter",
		src:  "ls := [][]int{{1}}\n_ = slices.Concat(ls...)\n_ = slices.Concat[[]int]()\n_ = slices.Concat(ls[0], ls[0])",
		want: `S| ls := [][]int{{1}}
 | _ = func(__concur_v1 [][]int) []int { if len(__concur_v1) == 0 { var z []int; return z }; return ([]int)(slices.Concat(__concur_v1[0], __concur_v1[1:]...)) }(ls)
 | _ = func() (z []int) { return }()
 | _ = slices.Concat(ls[0], ls[0])`,
	},
	{
		// An instance with a type declared inside a function stays the
		// interpreter's: its literals set the fields one by one.
		name: "generic struct literals of a local type",
		src:  "type P[K comparable, V any] struct { Key K; Val V }\nfunc f() {\n\ttype k string\n\tp := P[k, int]{\"k\", 1}\n\tq := &P[k, int]{Val: 2}\n\t_, _ = p, q\n}",
		want: `D| type P[K comparable, V any] struct { Key K; Val V }
 | func f() {
 | 	type k string
 | 	p := func() (__concur_l1 P[k, int]) { __concur_l1.Key = "k"; __concur_l1.Val = 1; return }()
 | 	q := func() *P[k, int] { var __concur_l2 P[k, int]; __concur_l2.Val = 2; return &__concur_l2 }()
 | 	_, _ = p, q
 | }`,
	},
	{
		name: "typed fmt operands",
		src:  "type ID int\nfmt.Printf(\"%T %v\\n\", ID(1), 2)\nos.Args = append(os.Args, \"x\")",
		want: `D| type ID int
S| __concur_builtin.FmtPrintf("%T %v\n", __concur_builtin.Typed(ID(1), "main.ID"), 2)
 | os.Args = (append(os.Args, "x"))`,
	},
	{
		name: "print builtins",
		src:  "var e error\nprintln(e, 1)\nprint(e)\ndefer println(e, 2)\ngo print(1, e)",
		want: `D| var e error
S| __concur_builtin.Println(__concur_builtin.Iface(e), 1)
 | __concur_builtin.Print(__concur_builtin.Iface(e))
 | { __concur_a1_0 := __concur_builtin.Iface(e); defer __concur_builtin.Println(__concur_a1_0, 2) }
 | { __concur_a2_1 := __concur_builtin.Iface(e); __concur.GoCall("print", (func() { defer __concur.Done(); __concur_builtin.Print(1, __concur_a2_1) })) }`,
	},
	{
		name: "split-semicolons",
		src:  `x := 1; func f() {}; y := 2`,
		want: `D| func f() {}
S| x := 1
 | y := 2`,
	},
	{
		name: "reserved-name",
		src:  `__concur_x := 1`,
		err:  `prog.go:1:1: __concur_x: names starting with __concur are reserved by concur`,
	},
	{
		name: "reimport",
		src: `import "fmt"
import ("os"; "strings")
fmt.Println()`,
		want: `D| import "fmt"
 | import ("strings")
S| __concur_builtin.FmtPrintln()`,
	},
	{
		name: "shadow-keeps-field-keys",
		src: `x := 1
for _, x := range xs {
	ps = append(ps, P{x: x}, map[int]int{x: x})
	defer done()
}`,
		want: `S| x := 1
 | for _, __concur_1_x := range xs {
 | 	ps = append(ps, P{x: __concur_1_x}, map[int]int{__concur_1_x: __concur_1_x})
 | 	defer done()
 | }`,
	},
	{
		name: "type-switch-top-level-init-label",
		src: `L: switch a := f(); b := a.(type) {
case nil, int:
	break L
case []struct{ x int }:
	defer done(b)
default:
}`,
		want: `S| { __concur_1_a := f(); L: switch __concur_x3 := __concur_1_a; __concur_x3.(type) {
 | case nil, int: __concur_2_b := __concur_x3; _ = __concur_2_b;
 | 	break L
 | case []struct{ x int }: __concur_2_b := __concur_x3.([]struct{ x int }); _ = __concur_2_b;
 | 	{ __concur_a4_0 := __concur_2_b; defer done(__concur_a4_0) }
 | default: __concur_2_b := __concur_x3; _ = __concur_2_b;
 | } }`,
	},
	{
		name: "type-switch-in-func-kept",
		src: `func f(e any) {
	switch v := e.(type) {
	case int:
		_ = v
	}
}`,
		want: `D| func f(e any) {
 | 	switch v := e.(type) {
 | 	case int:
 | 		_ = v
 | 	}
 | }`,
	},
	{
		name: "defer-args",
		src: `func f(x int, ws []W) {
	defer fmt.Println("x", x)
	defer ws[x].Close()
	defer wg.Done()
	defer func() { recover() }()
	defer func(n int) { use(n) }(x + 1)
	defer close(ch)
	defer clear(m)
	defer done(1, "a")
}`,
		want: `D| func f(x int, ws []W) { __concur_d1 := __concur_builtin.Defers("main.f"); defer __concur_d1.End();
 | 	{ __concur_a2_1 := x; defer func(__concur_a2_1 int) { __concur_d1.Run(recover(), (func() { fmt.Println("x", __concur_a2_1) })) }(__concur_a2_1) }
 | 	{ var __concur_d3_r *W = &ws[x]; defer func(__concur_d3_r *W) { __concur_d1.Run(recover(), (func() { __concur_d3_r.Close() })) }(__concur_d3_r) }
 | 	defer func() { __concur_d1.Run(recover(), (func() { wg.Done() })) }()
 | 	defer func() { __concur_d1.RunBody(recover(), (func() { __concur_builtin.Recovered(recover()) })) }()
 | 	{ __concur_a4_0 := x + 1; defer func(n int) { __concur_d1.RunBody(recover(), (func() { use(n) })) }(__concur_a4_0) }
 | 	{ __concur_a5_0 := ch; defer func(__concur_a5_0 chan int) { __concur_d1.Run(recover(), (func() { __concur.Close(__concur_a5_0) })) }(__concur_a5_0) }
 | 	{ __concur_a6_0 := m; defer func(__concur_a6_0 map[int]int) { __concur_d1.Run(recover(), (func() { __concur.Clear(__concur_a6_0) })) }(__concur_a6_0) }
 | 	defer func() { __concur_d1.Run(recover(), (func() { done(1, "a") })) }()
 | }`,
	},
	{
		name: "wrapped-select",
		src: `ch := make(chan int)
select {
case v, ok := <-ch:
	use(v, ok)
}`,
		want: `S| ch := __concur.Mk(make(chan int), "ch", "1:7").(chan int)
 | func() { { __concur_c1_0 := ch; __concur.Select(false, []bool{false}, &__concur_c1_0); select {
 | case v, ok := <-__concur_c1_0: __concur.Post();
 | 	use(v, ok)
 | } } }();`,
	},
	{
		name: "channel operations",
		src: `func pump(in <-chan int, out chan<- int, done chan struct{}) {
	for v := range in {
		out <- v * 2
	}
	close(out)
	<-done
	x, ok := <-in
	fmt.Println(<-in, x, ok)
}`,
		want: `D| func pump(in <-chan int, out chan<- int, done chan struct{}) {
 | 	for __concur_c1 := in; true; { __concur_m1 := __concur_c1; __concur.PreRecv(&__concur_m1); v, __concur_ok1 := <-__concur_m1; if !__concur_ok1 { break }; _ = v;
 | 		{ __concur_c2 := out; __concur_v2 := v * 2; __concur_w2 := __concur.PreSend(&__concur_c2); __concur_c2 <- __concur_v2; if __concur_w2 { __concur.PostSend() } }
 | 	}
 | 	__concur.Close(out)
 | 	__concur_c3 := done; __concur.PreRecv(&__concur_c3); <-__concur_c3
 | 	__concur_c4 := in; __concur.PreRecv(&__concur_c4); x, ok := <-__concur_c4
 | 	__concur_builtin.FmtPrintln((<-__concur_rv(in)), x, ok)
 | }`,
	},
	{
		name: "select with sends, a default and a moved call",
		src: `select {
case out <- sum(x):
case v := <-time.After(time.Second):
	use(v)
default:
}`,
		want: `S| ;func() { { __concur_c1_0 := out; __concur_v1_0 := sum(x); __concur_c1_1 := time.After(time.Second); __concur.Select(true, []bool{true, false}, &__concur_c1_0, &__concur_c1_1); select {
 | case __concur_c1_0 <- __concur_v1_0: __concur.Post();
 | case v := <-__concur_c1_1: __concur.Post();
 | 	use(v)
 | default: __concur.Post();
 | } } }();`,
	},
}

func TestRewrite(t *testing.T) {
	for _, c := range rewriteCases {
		t.Run(c.name, func(t *testing.T) {
			in, err := Rewrite("prog.go", c.src, testEnv())
			if c.err != "" {
				if err == nil || err.Error() != c.err {
					t.Fatalf("error %v\nwant %s", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := describe(in); got != c.want {
				t.Fatalf("got\n%s\nwant\n%s", got, c.want)
			}
			if err := checkUnits(c.src, in, testContext); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// checkUnits checks what yaegi needs of every unit: its first token makes
// yaegi wrap it as intended, it parses so wrapped, and every /*line*/
// comment puts the token after it where that token is in the learner's
// source.
// checkUnits checks the units of an input of source src. A copy of a
// generic an earlier input declared (mono.go) has that input's positions:
// earlier holds the sources of the inputs before (the test context's).
func checkUnits(src string, in *Input, earlier ...string) error {
	for _, u := range in.Units {
		if err := checkUnit(src, u, earlier...); err != nil {
			return err
		}
	}
	return nil
}

func checkUnit(src string, u Unit, earlier ...string) error {
	first := firstToken(u.Src)
	wrapped := u.Src
	switch {
	case first == token.PACKAGE:
		if !u.Decls {
			return errors.New("statements unit starts with package")
		}
	case first == token.CONST || first == token.FUNC || first == token.IMPORT || first == token.TYPE || first == token.VAR:
		if !u.Decls {
			return errors.New("statements unit starts with a declaration keyword:\n" + u.Src)
		}
		wrapped = "package main;" + u.Src
	default:
		if u.Decls {
			return errors.New("declarations unit starts with " + first.String() + ":\n" + u.Src)
		}
		wrapped = "package main; func main() {" + u.Src + "\n}"
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "", wrapped, parser.DeclarationErrors); err != nil {
		return errors.New("unit does not parse: " + err.Error() + "\n" + u.Src)
	}
	return checkLineComments(src, u.Src, earlier...)
}

// firstToken is the token yaegi's Eval decides by.
func firstToken(src string) token.Token {
	var s scanner.Scanner
	s.Init(token.NewFileSet().AddFile("", -1, len(src)), []byte(src), nil, 0)
	_, tok, _ := s.Scan()
	return tok
}

// checkLineComments checks that the token after each /*line L:C*/ comment
// is the learner's token at L:C (or a generated name).
func checkLineComments(src, unit string, earlier ...string) error {
	// A copy of a generic (from its first line to the next copy or the
	// end) points at the tokens of the input that declared the generic:
	// this one or an earlier one.
	locs := copyStart.FindAllStringIndex(unit, -1)
	if len(locs) == 0 {
		return checkLineCommentsIn(src, unit)
	}
	if err := checkLineCommentsIn(src, unit[:locs[0][0]]); err != nil {
		return err
	}
	for i, loc := range locs {
		end := len(unit)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		err := checkLineCommentsIn(src, unit[loc[0]:end])
		for _, e := range earlier {
			if err != nil && checkLineCommentsIn(e, unit[loc[0]:end]) == nil {
				err = nil
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

var copyStart = regexp.MustCompile(`(?:^|\n)/\*line :[0-9]+:[0-9]+\*/(func|type) (\([^)]*\) )?`)

func checkLineCommentsIn(src, unit string) error {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	for i, m := range lineComment.FindAllStringSubmatchIndex(unit, -1) {
		line, _ := strconv.Atoi(unit[m[2]:m[3]])
		col, _ := strconv.Atoi(unit[m[4]:m[5]])
		rest := unit[m[1]:]
		var s scanner.Scanner
		s.Init(token.NewFileSet().AddFile("", -1, len(rest)), []byte(rest), nil, 0)
		pos, tok, lit := s.Scan()
		if tok == token.EOF || (tok == token.SEMICOLON && lit == "\n") || pos != 1 {
			continue // nothing, or white space, follows
		}
		text := lit
		if text == "" {
			text = tok.String()
		}
		if strings.HasPrefix(text, reservedPrefix) || strings.HasPrefix(rest, "(*"+reservedPrefix) ||
			strings.HasPrefix(rest, "{ "+reservedPrefix) || strings.HasPrefix(rest, "func() { ") {
			continue // a generated name, placed at the construct it stands for
		}
		if i == 0 && (tok == token.LBRACE || tok == token.LPAREN || tok == token.SUB || tok.IsLiteral()) {
			continue // the unit starts with a rewritten statement or a folded call
		}
		if line < 1 || line > len(starts) {
			return errors.New("line comment outside the source: " + unit[m[0]:m[1]])
		}
		off := starts[line-1] + col - 1
		if off > len(src) || !strings.HasPrefix(src[off:], text) {
			return errors.New("token " + strconv.Quote(text) + " claims " + unit[m[0]:m[1]] +
				" where the source has " + strconv.Quote(src[min(off, len(src)):min(off+len(text), len(src))]) + "\n" + unit)
		}
	}
	return nil
}

// factCases check what an input tells the engine besides its units.
var factCases = []struct {
	name        string
	src         string
	program     bool
	imports     []string
	autoImports []string
	declared    Declared
	lastExpr    bool
}{
	{
		name:     "expression",
		src:      "x := 1\nx + 1",
		declared: Declared{Funcs: []string{"x"}, Imports: map[string]string{}},
		lastExpr: true,
	},
	{
		name:        "print call",
		src:         `fmt.Println("hi")`,
		autoImports: []string{"fmt"},
		declared:    Declared{Imports: map[string]string{"fmt": "fmt"}},
	},
	{
		name:     "receive",
		src:      "<-ch",
		declared: Declared{Imports: map[string]string{}},
		lastExpr: true,
	},
	{
		name:     "print builtin and close",
		src:      "println(1)\nclose(ch)",
		declared: Declared{Imports: map[string]string{}},
	},
	{
		name:     "call without results",
		src:      "func() {}()",
		declared: Declared{Imports: map[string]string{}},
	},
	{
		name:     "call with a result",
		src:      "sum(1, 2)",
		declared: Declared{Imports: map[string]string{}},
		lastExpr: true,
	},
	{
		name:        "auto imports in order, not shadowed ones",
		src:         "strings := 1\n_ = strings\nx := maps.Keys(m)\ny := slices.Max(xs)\nos.Exit(0)",
		autoImports: []string{"maps", "slices"},
		declared: Declared{Funcs: []string{"strings", "x", "y"},
			Imports: map[string]string{"maps": "maps", "slices": "slices"}},
	},
	{
		name:     "local shadows a package",
		src:      "func f(fmt W) { fmt.run() }\nfunc g() { var strings W; strings.run() }",
		declared: Declared{Funcs: []string{"f", "g"}, Imports: map[string]string{}},
	},
	{
		name:     "declarations",
		src:      "import f \"fmt\"\nconst (\n\ta = iota\n\tb\n\ts = \"x\"\n)\nvar v, w = 1, 2.5\ntype T int\nfunc F() {}\nz, err := pair()",
		imports:  []string{"fmt"},
		declared: Declared{Funcs: []string{"F", "T", "a", "b", "err", "s", "v", "w", "z"}, Imports: map[string]string{"f": "fmt"}},
	},
	{
		name:     "program",
		src:      "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc main() { fmt.Println(strings.ToUpper(\"x\")) }",
		program:  true,
		imports:  []string{"fmt", "strings"},
		declared: Declared{Funcs: []string{"main"}, Imports: map[string]string{"fmt": "fmt", "strings": "strings"}},
	},
	{
		name:     "empty",
		src:      "  // nothing\n",
		declared: Declared{Imports: map[string]string{}},
	},
}

func TestInputFacts(t *testing.T) {
	for _, c := range factCases {
		t.Run(c.name, func(t *testing.T) {
			in, err := Rewrite("prog.go", c.src, testEnv())
			if err != nil {
				t.Fatal(err)
			}
			if in.Program != c.program || in.LastExpr != c.lastExpr {
				t.Errorf("program %v lastExpr %v, want %v %v", in.Program, in.LastExpr, c.program, c.lastExpr)
			}
			if !reflect.DeepEqual(in.Imports, c.imports) || !reflect.DeepEqual(in.AutoImports, c.autoImports) {
				t.Errorf("imports %q auto %q, want %q %q", in.Imports, in.AutoImports, c.imports, c.autoImports)
			}
			if !reflect.DeepEqual(in.Declared, c.declared) {
				t.Errorf("declared %+v\nwant     %+v", in.Declared, c.declared)
			}
		})
	}
}

func TestEnvAdd(t *testing.T) {
	env := NewEnv(nil)
	first, err := Rewrite("prog.go", "const k = 3\nx := 2\nimport s \"strings\"", env)
	if err != nil {
		t.Fatal(err)
	}
	env.Add(first)
	if !env.Funcs["k"] || !env.Funcs["x"] || env.Imports["s"] != "strings" {
		t.Fatalf("env %+v", env)
	}
	// With k and x known, a later input may range over them and pass them to goroutines.
	in, err := Rewrite("prog.go", "func g(int) {}\nfor i := range k { _ = i }\nfor range x {}\ngo g(k)", env)
	if err != nil {
		t.Fatal(err)
	}
	got := describe(in)
	if !strings.Contains(got, "__concur_n1 := k;") || !strings.Contains(got, "__concur_n2 := x;") || !strings.Contains(got, "g(k)") {
		t.Fatalf("got %s", got)
	}
	// x declared again as a string is no longer an integer: ranging over it
	// gives its bytes' offsets.
	second, err := Rewrite("prog.go", `x := "s"`, env)
	if err != nil {
		t.Fatal(err)
	}
	env.Add(second)
	in, err = Rewrite("prog.go", "for i := range x { _ = i }", env)
	if err != nil {
		t.Fatal(err)
	}
	if got := describe(in); strings.Contains(got, "__concur_n") {
		t.Fatalf("ranges over a string as over an integer: %s", got)
	}
	// An input that does not type-check leaves nothing behind.
	if _, err := Rewrite("prog.go", `q := 1; q = "s"`, env); err == nil {
		t.Fatal("no type error")
	}
	if _, err := Rewrite("prog.go", `_ = q`, env); err == nil || !strings.Contains(err.Error(), "undefined: q") {
		t.Fatalf("error %v, want undefined: q", err)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct{ name, src, err string }{
		{"syntax", "x := 1\ny := (", "prog.go:2:7: expected operand, found 'EOF'"},
		{"syntax in later unit", "func f() {}\nfor {", "prog.go:2:6: expected '}', found 'EOF'"},
		{"redeclared", "func f() {}\nfunc f() {}", "prog.go:2:6: f redeclared in this block\n\tprevious declaration at prog.go:1:6"},
		{"stray package", "x := 1\npackage main", "prog.go:2:1: expected statement, found 'package'"},
		{"type error", "x := 1\nx = \"s\"", `prog.go:2:5: cannot use "s" (untyped string constant) as int value in assignment`},
		{"undefined", "var c Undefined", "prog.go:1:7: undefined: Undefined"},
		{"unused in a function", "func f() {\n\tx := 1\n}", "prog.go:2:2: declared and not used: x"},
		{"type errors sorted", "y := nope\nfunc f() { var s string = 1; _ = s }",
			"prog.go:1:6: undefined: nope\nprog.go:2:27: cannot use 1 (untyped int constant) as string value in variable declaration"},
		{"several refusals sorted", "for i := 0; i < 2; i++ { go func() { i++ }() }\nfor x := range func(func(int) bool) {} { _ = x; goto end }\nend:\nprintln()",
			"prog.go:1:38: loop variable i is both captured and modified in the loop body; concur cannot give it Go 1.22 per-iteration semantics yet — copy it explicitly: j := i\n" +
				"prog.go:2:49: goto end jumps out of a range-over-function loop body, which concur runs as a function; use break or return"},
		{"sync.OnceValue as a value", "import \"sync\"\nf := sync.OnceValue[int]\n_ = f",
			"prog.go:2:6: sync.OnceValue is generic, and concur can only call it (sync.OnceValue(f)), not take its value; wrap it in a function literal"},
		{"assertion of an error to an interface the program's struct value implements", "type named interface{ name() string }\ntype user struct{}\nfunc (user) name() string { return \"\" }\n" +
			"func (user) Error() string { return \"\" }\nvar x error = user{}\n_, ok := x.(named)\n_ = ok",
			"prog.go:6:13: a type assertion to named of a value of type error is not supported by concur while the program's struct type user implements both: " +
				"its interpreter cannot take a user value back out of a library's interface; give user's methods pointer receivers and use *user values, or keep the value in a variable of type any"},
		{"errors.As with a target of a struct value type", "import \"errors\"\ntype te struct{}\nfunc (te) Error() string { return \"\" }\nvar t te\n_ = errors.As(errors.New(\"x\"), &t)",
			"prog.go:5:5: errors.As with a target of the program's struct type te is not supported by concur: its interpreter cannot take a te value back out of an error; " +
				"give te's methods pointer receivers (func (e *te) Error() string) and match *te"},
		{"errors.As with an interface target a struct value implements", "import \"errors\"\ntype tmp interface{ Temporary() bool }\ntype te struct{}\nfunc (te) Error() string { return \"\" }\n" +
			"func (te) Temporary() bool { return true }\nvar t tmp\n_ = errors.As(errors.New(\"x\"), &t)",
			"prog.go:7:32: errors.As and errors.AsType with a target of interface type tmp are not supported by concur while the program's struct type te implements it as a value: " +
				"its interpreter cannot take a te value back out of an error; give te's methods pointer receivers and use *te values"},
		{"errors.Is as a function value", "import \"errors\"\nis := errors.Is\n_ = is",
			"prog.go:2:7: errors.Is as a function value is not supported by concur: only a call of it sees the methods of the program's errors; " +
				"call errors.Is inside a function literal instead"},
		{"errors.Is beside an Unwrap method on a value", "import \"errors\"\ntype te struct{ err error }\nfunc (te) Error() string { return \"\" }\nfunc (e te) Unwrap() error { return e.err }\n_ = errors.Is(errors.New(\"x\"), nil)",
			"prog.go:5:5: errors.Is is not supported by concur while the program's te has its Unwrap method on the value (func (e te) Unwrap): its interpreter cannot take a te value back out of an error, " +
				"so errors.Is would not see the method; give te's methods pointer receivers (func (e *te) Unwrap) and use *te values"},
		{"case of a named float64", "type celsius float64\nvar x any = 2.5\nswitch x.(type) {\ncase celsius:\n}",
			"prog.go:4:6: a type assertion to celsius (a type on float64) is not supported by concur: its interpreter keeps celsius as float64, so it cannot tell " +
				"a celsius in an interface from a float64 or from another type on float64; make it a struct type (type celsius struct{ v float64 }), or keep the value in a variable of type celsius"},
		{"case of a named slice", "type temps []float64\nvar x any = temps{2.5}\nswitch x.(type) {\ncase temps:\n}",
			"prog.go:4:6: a type assertion to temps (a type on []float64) is not supported by concur: its interpreter keeps temps as []float64, so it cannot tell " +
				"a temps in an interface from a []float64 or from another type on []float64; make it a struct type (type temps struct{ v []float64 }), or keep the value in a variable of type temps"},
		{"case of the slice a named slice is on", "type temps []float64\nvar x any = temps{2.5}\n_, ok := x.([]float64)\n_ = ok",
			"prog.go:3:13: a type assertion to []float64 is not supported by concur while the program declares temps (a type on []float64): its interpreter keeps temps as []float64, " +
				"so it cannot tell []float64 values in an interface from temps values; make temps a struct type (type temps struct{ v []float64 })"},
		{"case of the type a local named type is on", "func f(x any) bool {\n\ttype flag bool\n\t_, ok := x.(bool)\n\treturn ok\n}",
			"prog.go:3:14: a type assertion to bool is not supported by concur while the program declares flag (a type on bool): its interpreter keeps flag as bool, " +
				"so it cannot tell bool values in an interface from flag values; make flag a struct type (type flag struct{ v bool })"},
		{"String method of a map key printed", "import \"fmt\"\ntype c int\nfunc (c) String() string { return \"c\" }\ntype s struct{ C c }\n" +
			"fmt.Printf(\"%d %v\\n\", map[c]int{}, map[c]int{})\nfmt.Println(s{})",
			"prog.go:5:36: fmt cannot call the String method of main.c as a key of a map[main.c]int in concur (its interpreter hands fmt such values without their methods); print them one by one, or call String yourself\n" +
				"prog.go:6:13: fmt cannot call the String method of main.c in field C of a main.s in concur (its interpreter hands fmt such values without their methods); print them one by one, or call String yourself"},
		{"case int beside a type on int with methods", "import \"fmt\"\ntype myInt int\nfunc (m myInt) String() string { return fmt.Sprint(int(m)) }\nvar x any = myInt(5)\nswitch x.(type) {\ncase int:\n}",
			"prog.go:6:6: a type assertion to int is not supported by concur while the program declares myInt (a type on int): its interpreter keeps myInt as int, " +
				"so it cannot tell int values in an interface from myInt values; make myInt a struct type (type myInt struct{ v int })"},
		{"an error compared with a program value", "type code int\nfunc (c code) Error() string { return \"\" }\nvar err error = code(7)\n_ = err == code(7)",
			"prog.go:4:9: == between a value of type error and one of type code is not supported by concur: its interpreter keeps the program's values " +
				"in such an interface wrapped, so the answer can be the opposite of Go's; compare what it holds through a type switch or assertion to the struct type, or compare its Error or String text"},
		{"errors.Is with a program target", "import \"errors\"\ntype code int\nfunc (c code) Error() string { return \"\" }\nvar err error = code(7)\n_ = errors.Is(err, code(7))",
			"prog.go:5:20: errors.Is with a target of the program's type code is not supported by concur: its interpreter keeps such errors wrapped, " +
				"so errors.Is is false where Go's is true; use a sentinel made by errors.New (var ErrX = errors.New(...)), or compare the Error text"},
		{"Errorf of an error value with Unwrap", "import \"fmt\"\ntype wrapped struct{ err error }\nfunc (w wrapped) Error() string { return \"\" }\nfunc (w wrapped) Unwrap() error { return w.err }\n_ = fmt.Errorf(\"%w\", wrapped{})",
			"prog.go:5:22: fmt.Errorf with an error of the program's type main.wrapped, which has an Unwrap method, is not supported by concur: " +
				"its interpreter hands library code the error without that method, so errors.Is and errors.As would not look inside it; return the main.wrapped itself, or wrap a sentinel made by errors.New"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Rewrite("prog.go", c.src, NewEnv(nil))
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %v is not an ErrorList", err)
			}
			if err.Error() != c.err {
				t.Fatalf("error\n%v\nwant\n%s", err, c.err)
			}
		})
	}
}

func TestDemangle(t *testing.T) {
	got := Demangle("prog.go:3:2: cannot use __concur_12_count (variable of type int) as string; __concur_f1 stays")
	if want := "prog.go:3:2: cannot use count (variable of type int) as string; __concur_f1 stays"; got != want {
		t.Fatalf("got %q", got)
	}
}

// TestLineComments pins the exact text of one rewrite, comments included.
func TestLineComments(t *testing.T) {
	env := NewEnv(nil)
	ctx, err := Rewrite("ctx.go", "func f(a, b int) {}", env)
	if err != nil {
		t.Fatal(err)
	}
	env.Add(ctx)
	in, err := Rewrite("prog.go", "x := 1\n\tgo f(x,\n\t\t2)", env)
	if err != nil {
		t.Fatal(err)
	}
	want := `/*line :1:1*/x := 1
	{ __concur_a1_0 := /*line :2:7*/x; __concur.GoCall("f", (func() { defer __concur.Done(); /*line :2:5*/f(__concur_a1_0, /*line :3:3*/2) })) }`
	if len(in.Units) != 1 || in.Units[0].Src != want {
		t.Fatalf("got\n%s\nwant\n%s", in.Units[0].Src, want)
	}
}

// A struct value with a String method prints by its fields in %d through
// a copy of its struct type (typedStruct); where a local name hides that
// type, %d is refused with the way out, and %v, which calls String, is not.
func TestTypedStructHiddenName(t *testing.T) {
	const decls = "package main\n\nimport \"fmt\"\n\ntype S struct{ n int }\n\nfunc (s S) String() string { return \"S\" }\n\n"
	in, err := Rewrite("prog.go", decls+"func main() {\n\tx := S{1}\n\tfmt.Printf(\"%d\\n\", x)\n}\n", NewEnv(nil))
	if err != nil || !strings.Contains(describe(in), "__concur_builtin.TypedStruct(") {
		t.Fatalf("%%d of S does not go through TypedStruct: %v", err)
	}
	_, err = Rewrite("prog.go", decls+"func main() {\n\tx := S{1}\n\tS := 2\n\tfmt.Printf(\"%d %d\\n\", x, S)\n}\n", NewEnv(nil))
	if err == nil || !strings.Contains(err.Error(), "the program's S hides a name concur needs") || !strings.Contains(err.Error(), "give that S another name") {
		t.Fatalf("a hidden S: %v", err)
	}
	if _, err := Rewrite("prog.go", decls+"func main() {\n\tx := S{1}\n\tS := 2\n\tfmt.Printf(\"%v %d\\n\", x, S)\n}\n", NewEnv(nil)); err != nil {
		t.Fatalf("%%v of a value whose type is hidden: %v", err)
	}
}
