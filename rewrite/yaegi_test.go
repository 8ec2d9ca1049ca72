package rewrite_test

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/concur-dev/concur/rewrite"
	concurstd "github.com/concur-dev/concur/stdlib"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// hooks stands in for the engine's "concur/rt" package.
type hooks struct {
	mu     sync.Mutex
	names  []string // Spawn names, in order
	exits  []any    // recovered values of goroutines that panicked
	next   int
	states map[int]string
	exited chan int // ids of goroutines as they exit
}

func (h *hooks) spawn(name string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.next++
	h.names = append(h.names, name)
	h.states[h.next] = "spawned"
	return h.next
}

func (h *hooks) enter(id int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.states[id] = "running"
}

func (h *hooks) exit(id int, recovered any) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.states[id] = "done"
	if recovered != nil {
		h.exits = append(h.exits, recovered)
	}
	select {
	case h.exited <- id:
	default: // nobody waits
	}
}

// start runs f as a new goroutine, as the engine's Go and GoCall do: the
// goroutine's panic ends in exit, not in the test process.
func (h *hooks) start(name string, f func()) {
	id := h.spawn(name)
	go func() {
		h.enter(id)
		defer func() { h.exit(id, recover()) }()
		f()
	}()
}

// clear is the builtin clear, done with reflection as the engine would.
func clearValue(x any) {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Map:
		v.Clear()
	case reflect.Slice:
		v.Clear()
	}
}

// session is one yaegi interpreter fed as the engine feeds it.
type session struct {
	t      *testing.T
	i      *interp.Interpreter
	env    *rewrite.Env
	hooks  *hooks
	stdout syncBuffer
	stderr syncBuffer
}

// syncBuffer is a buffer that the interpreted goroutines may write at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *syncBuffer) Reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.Reset()
}

// stdNames maps the package names of yaegi's standard library to paths.
func stdNames() map[string]string {
	std := map[string]string{}
	for key := range stdlib.Symbols {
		i := strings.LastIndexByte(key, '/')
		if i < 0 {
			continue
		}
		name, path := key[i+1:], key[:i]
		if strings.Contains(path, "internal") || strings.HasPrefix(path, "vendor") {
			continue
		}
		if old, ok := std[name]; !ok || len(path) < len(old) {
			std[name] = path // math/rand wins over math/rand/v2
		}
	}
	return std
}

func newSession(t *testing.T) *session {
	t.Helper()
	s := &session{t: t, env: rewrite.NewEnv(stdNames()), hooks: &hooks{states: map[int]string{}, exited: make(chan int, 64)}}
	// Evaluating a file named prog.go once makes yaegi name all later
	// source prog.go, so its messages name the learner's file.
	s.i = interp.New(interp.Options{Stdout: &s.stdout, Stderr: &s.stderr,
		SourcecodeFilesystem: fstest.MapFS{"prog.go": {Data: []byte("package main\n")}}})
	if err := s.i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if _, err := s.i.EvalPath("prog.go"); err != nil {
		t.Fatal(err)
	}
	builtins := concurstd.PrintBuiltins(&s.stderr)
	// fmt here is yaegi's, which knows nothing of concur's typed operands.
	builtins["Typed"] = reflect.ValueOf(func(v any, _ string) any { return v })
	prints := map[string]reflect.Value{
		"FmtPrint":   reflect.ValueOf(func(a ...any) { fmt.Fprint(&s.stdout, a...) }),
		"FmtPrintln": reflect.ValueOf(func(a ...any) { fmt.Fprintln(&s.stdout, a...) }),
		"FmtPrintf":  reflect.ValueOf(func(f string, a ...any) { fmt.Fprintf(&s.stdout, f, a...) }),
	}
	mapTypes := map[reflect.Value][]reflect.Type{rewrite.ShowValue: rewrite.ShowInterfaces}
	for name, v := range prints {
		builtins[name] = v
		mapTypes[v] = []reflect.Type{reflect.TypeFor[fmt.Formatter](), reflect.TypeFor[fmt.Stringer](), reflect.TypeFor[fmt.GoStringer]()}
	}
	err := s.i.Use(interp.Exports{"concur/rt/rt": {
		"Go":        reflect.ValueOf(s.hooks.start),
		"GoCall":    reflect.ValueOf(s.hooks.start),
		"Done":      reflect.ValueOf(func() {}),
		"Clear":     reflect.ValueOf(clearValue),
		"At":        reflect.ValueOf(func(line, col int, v any, file string) {}),
		"RangeDone": reflect.ValueOf(rewrite.RangeDone),
		"Show":      rewrite.ShowValue,
		// The channel hooks as on the real clock: they watch, the Go
		// runtime schedules.
		"Mk":       reflect.ValueOf(func(c any, name, at string) any { return c }),
		"PreSend":  reflect.ValueOf(func(pc any) bool { return false }),
		"PostSend": reflect.ValueOf(func() {}),
		"PreRecv":  reflect.ValueOf(func(pc any) {}),
		"PreRecvOK": reflect.ValueOf(func(pc any) bool {
			p := reflect.ValueOf(pc)
			v, ok := p.Elem().Recv()
			if ok {
				mb := reflect.MakeChan(reflect.ChanOf(reflect.BothDir, v.Type()), 1)
				mb.Send(v)
				p.Elem().Set(mb)
			}
			return ok
		}),
		"Post":   reflect.ValueOf(func() {}),
		"Close":  reflect.ValueOf(func(c any) { reflect.ValueOf(c).Close() }),
		"Select": reflect.ValueOf(func(hasDefault bool, sends []bool, chans ...any) {}),
	}, "concur/builtin/builtin": builtins,
		".": {"MapTypes": reflect.ValueOf(mapTypes)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{`import __concur "concur/rt"`, rewrite.Prelude} {
		if _, err := s.i.Eval(src); err != nil {
			t.Fatalf("prelude: %v", err)
		}
	}
	return s
}

// eval rewrites and evaluates one input, returning yaegi's or Rewrite's error.
func (s *session) eval(src string) error {
	s.t.Helper()
	in, err := rewrite.Rewrite("prog.go", src, s.env)
	if err != nil {
		return err
	}
	for _, p := range in.AutoImports {
		if err := s.evalUnit(fmt.Sprintf("import %q", p)); err != nil {
			return err
		}
	}
	for _, u := range in.Units {
		if err := s.evalUnit(u.Src); err != nil {
			return fmt.Errorf("%w\nunit:\n%s", err, u.Src)
		}
		if u.Prelude {
			s.env.PreludeLoaded()
		}
	}
	s.env.Add(in)
	return nil
}

// evalUnit evaluates source in yaegi, turning a panic of yaegi's compiler
// (it has some) into an error.
func (s *session) evalUnit(src string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("yaegi panicked: %v", p)
		}
	}()
	_, err = s.i.Eval(src)
	return err
}

// run evaluates inputs that must succeed and returns what they printed.
func (s *session) run(inputs ...string) string {
	s.t.Helper()
	for _, src := range inputs {
		if err := s.eval(src); err != nil {
			s.t.Fatalf("input\n%s\nfailed: %v", src, err)
		}
	}
	out := s.stdout.String()
	s.stdout.Reset()
	return out
}

// evalRaw hands source to yaegi without rewriting, to show the gap bridged.
func (s *session) evalRaw(src string) string {
	s.t.Helper()
	if err := s.evalUnit(src); err != nil {
		s.t.Fatalf("raw eval: %v", err)
	}
	out := s.stdout.String()
	s.stdout.Reset()
	return out
}

const waitGroupSum = `import (
	"fmt"
	"sync"
)
var wg sync.WaitGroup
var mu sync.Mutex
sum := 0
for i := 0; i < 3; i++ {
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		sum += i
		mu.Unlock()
	}()
}
wg.Wait()
fmt.Println("sum", sum)
`

func TestLoopVariableSemantics(t *testing.T) {
	closures := `fs := []func(){}
for i := 0; i < 3; i++ {
	fs = append(fs, func() { fmt.Print(i, " ") })
}
for _, v := range []string{"a", "b"} {
	fs = append(fs, func() { fmt.Print(v, " ") })
}
for _, f := range fs {
	f()
}
fmt.Println()
`
	t.Run("raw yaegi shares the variable", func(t *testing.T) {
		s := newSession(t)
		s.evalRaw(`import "fmt"`)
		if got := s.evalRaw(closures); got != "3 3 3 b b \n" {
			t.Fatalf("yaegi's old semantics not reproduced: %q", got)
		}
	})
	t.Run("closures", func(t *testing.T) {
		s := newSession(t)
		if got := s.run(`import "fmt"`, closures); got != "0 1 2 a b \n" {
			t.Fatalf("got %q", got)
		}
	})
	t.Run("goroutines at top level", func(t *testing.T) {
		s := newSession(t)
		if got := s.run(waitGroupSum); got != "sum 3\n" {
			t.Fatalf("got %q", got)
		}
		if len(s.hooks.names) != 3 || s.hooks.names[0] != "main.func1" {
			t.Fatalf("spawned %v", s.hooks.names)
		}
	})
	t.Run("goroutines in a function", func(t *testing.T) {
		s := newSession(t)
		got := s.run(`import (
	"fmt"
	"sync"
)
func total() int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			sum += i
			mu.Unlock()
		}()
	}
	wg.Wait()
	return sum
}
fmt.Println(total())`)
		if got != "3\n" {
			t.Fatalf("got %q", got)
		}
		if want := []string{"total.func1", "total.func1", "total.func1"}; !reflect.DeepEqual(s.hooks.names, want) {
			t.Fatalf("spawned %v, want %v", s.hooks.names, want)
		}
	})
	t.Run("address of the variable", func(t *testing.T) {
		s := newSession(t)
		got := s.run(`import "fmt"
var ps []*int
for i := 0; i < 3; i++ {
	ps = append(ps, &i)
}
fmt.Println(*ps[0], *ps[1], *ps[2])`)
		if got != "0 1 2\n" {
			t.Fatalf("got %q", got)
		}
	})
}

func TestShadowingAtTopLevel(t *testing.T) {
	s := newSession(t)
	got := s.run(`import "fmt"
x := 1
if true {
	x := 2
	_ = x
}
for x := 10; x < 11; x++ {
}
if x := "s"; x != "" {
}
fmt.Println(x)`)
	if got != "1\n" {
		t.Fatalf("an inner x overwrote the outer one: %q", got)
	}
	// A later input still sees the top-level x.
	if got := s.run(`fmt.Println(x + 1)`); got != "2\n" {
		t.Fatalf("got %q", got)
	}
	got = s.run(`i := 100
type P struct{ i int }
var e any = 2.5
for i := range 3 {
	p := P{i: i}
	fmt.Print(p.i)
}
switch i := e.(type) {
case float64:
	fmt.Print(" ", i)
}
fmt.Println(" ", i)`)
	if got != "012 2.5  100\n" {
		t.Fatalf("got %q", got)
	}
}

func TestRangeOverInt(t *testing.T) {
	s := newSession(t)
	got := s.run(`import "fmt"
const three = 3
var n64 int64 = 2
for i := range three {
	fmt.Print(i, " ")
	i += 10 // does not change the iteration, as in Go
}
fmt.Println()
for i := range n64 {
	fmt.Printf("%T ", i)
}
for range 2 {
	fmt.Print("x ")
}
var j int8
for j = range 3 {
}
fmt.Println(j)
outer:
for i := range 3 {
	for k := range len("ab") {
		if k == 1 {
			continue outer
		}
		if i == 2 {
			break outer
		}
		fmt.Print(i, k, " ")
	}
}
fmt.Println()`)
	if want := "0 1 2 \nint64 int64 x x 2\n0 0 1 0 \n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	// A name from an earlier input known to be an integer.
	if got := s.run(`m := 2`, `for i := range m { fmt.Print(i) }`); got != "01" {
		t.Fatalf("got %q", got)
	}
	// Any integer: a library function's result, a method's, a field, an
	// element (syntax alone could not tell these were integers).
	got = s.run(`import "strings"
type box struct{ n uint8 }
func (b box) count() int16 { return 2 }
bx, ns := box{3}, []int{2}
for i := range strings.Count("aaa", "a") { fmt.Print(i) }
for i := range bx.n { fmt.Printf(" %T", i) }
for i := range bx.count() + 1 { fmt.Printf(" %d%T", i, i) }
for range ns[0] { fmt.Print(" x") }
fmt.Println()`)
	if want := "012 uint8 uint8 uint8 0int16 1int16 2int16 x x\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestMinMaxClear(t *testing.T) {
	s := newSession(t)
	got := s.run(`import "fmt"
a, b := 3, 4
f := 2.5
fmt.Println(min(1, 2.5), max(1, 2), min("b", "a"), max('a', 1.5))
fmt.Println(min(a, b), max(a, b, 10), min(1, f), max(f, 7), min(10, a, 2))
m := map[string]int{"x": 1}
clear(m)
fmt.Println(len(m))`)
	if want := "1 2 a 97\n3 10 1 7 2\n0\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	// A learner's own min wins over the builtin.
	got = s.run(`func min(x, y int) string { return "mine" }`, `fmt.Println(min(1, 2))`)
	if got != "mine\n" {
		t.Fatalf("got %q", got)
	}
}

func TestGoStatementSemantics(t *testing.T) {
	s := newSession(t)
	got := s.run(`import (
	"fmt"
	"sync"
)
var wg sync.WaitGroup
type C struct{ n int }
func (c *C) run(tag string) { defer wg.Done(); fmt.Println("run", c.n, tag) }
func half(x float64) { defer wg.Done(); fmt.Println("half", x/2) }
func sum(tag string, xs ...int) {
	defer wg.Done()
	t := 0
	for _, x := range xs {
		t += x
	}
	fmt.Println(tag, t)
}
release := make(chan bool)
func show(x int) { <-release; fmt.Println("show", x); wg.Done() }`,
		`c := &C{n: 1}
wg.Add(1)
go (&C{n: 0}).run(fmt.Sprint("literal receiver"))
wg.Wait()
wg.Add(1)
go c.run("method value")
c = &C{n: 2}
wg.Wait()
wg.Add(1); go half(1); wg.Wait()
xs := []int{1, 2, 3}
wg.Add(1); go sum("spread", xs...); wg.Wait()
wg.Add(1); go sum("variadic", 4, 5); wg.Wait()
x := 1
wg.Add(1)
go show(x)
x = 2
release <- true
wg.Wait()
wg.Add(1)
go func(s string, k float64) { defer wg.Done(); fmt.Println(s, k) }("literal", 3)
wg.Wait()`)
	want := "run 0 literal receiver\nrun 1 method value\nhalf 0.5\nspread 6\nvariadic 9\nshow 1\nliteral 3\n"
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	wantNames := []string{"(&C{n: 0}).run", "c.run", "half", "sum", "sum", "show", "main.func1"}
	if !reflect.DeepEqual(s.hooks.names, wantNames) {
		t.Fatalf("spawned %v, want %v", s.hooks.names, wantNames)
	}
	// A goroutine's Exit comes after its deferred wg.Done: wait for each.
	for range wantNames {
		select {
		case <-s.hooks.exited:
		case <-time.After(10 * time.Second):
			t.Fatal("a goroutine never exited")
		}
	}
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	for id, st := range s.hooks.states {
		if st != "done" {
			t.Errorf("goroutine %d is %s", id, st)
		}
	}
}

func TestMethodValuesBindTheirReceiverEarly(t *testing.T) {
	s := newSession(t)
	got := s.run(`import (
	"fmt"
	"sync"
)
var wg sync.WaitGroup
type W struct{ id, runs int }
func (w *W) run() { defer wg.Done(); w.runs++; fmt.Println("run", w.id) }
func (w W) show() { defer wg.Done(); fmt.Println("show", w.id) }`, `ws := []W{{id: 1}, {id: 2}}
ps := []*W{{id: 3}, {id: 4}}
for i := range ws {
	wg.Add(2)
	go ws[i].run()
	go ps[i].show()
}
wg.Wait()
fmt.Println("runs", ws[0].runs, ws[1].runs)
var counter W
wg.Add(1)
go counter.run()
wg.Wait()
fmt.Println("counter", counter.runs)`)
	lines := strings.Split(strings.TrimSpace(got), "\n")
	sort.Strings(lines[:4]) // the first four goroutines run in any order
	want := []string{"run 1", "run 2", "show 3", "show 4", "runs 1 1", "run 0", "counter 1"}
	if !reflect.DeepEqual(lines, want) {
		t.Fatalf("got %q, want %q", lines, want)
	}
	got = s.run(`q := &W{id: 6}
wg.Add(1)
go q.run()
q = &W{id: 7}
wg.Wait()`)
	if got != "run 6\n" {
		t.Fatalf("the goroutine saw a receiver assigned after the go statement: %q", got)
	}
}

// rawAndRewritten evaluates src as yaegi sees it unrewritten and rewritten,
// in fresh sessions, and returns the two errors and stderr texts.
func rawAndRewritten(t *testing.T, src string) (rawErr, newErr error, rawStderr, newStderr string) {
	t.Helper()
	raw := newSession(t)
	rawErr = raw.evalUnit(src)
	rewritten := newSession(t)
	newErr = rewritten.eval(src)
	return rawErr, newErr, raw.stderr.String(), rewritten.stderr.String()
}

func TestPositionsMapToLearnerSource(t *testing.T) {
	// Each line puts rewritten go statements before the interesting column,
	// so that a wrong /*line*/ comment would move it.
	t.Run("compile error in a function", func(t *testing.T) {
		src := `package main

import "fmt"

func main() {
	go fmt.Print(""); go func() {}(); x := undefinedName
	fmt.Println(x)
}`
		rawErr, newErr, _, _ := rawAndRewritten(t, src)
		want := "prog.go:6:41: undefined: undefinedName"
		if rawErr == nil || !strings.HasPrefix(rawErr.Error(), want) {
			t.Fatalf("yaegi itself says %v", rawErr)
		}
		if newErr == nil || !strings.HasPrefix(newErr.Error(), want) {
			t.Fatalf("rewritten: %v, want %s", newErr, want)
		}
	})
	t.Run("compile error in top-level statements", func(t *testing.T) {
		src := `y := 2
go println(y); go func(a int) {}(y); z := y + "s"`
		rawErr, newErr, _, _ := rawAndRewritten(t, src)
		want := "prog.go:2:43: invalid operation: mismatched types int and untyped string"
		if rawErr == nil || !strings.HasPrefix(rawErr.Error(), want) {
			t.Fatalf("yaegi itself says %v", rawErr)
		}
		// The type checker refuses it first, at the same place, in Go's words.
		want = `prog.go:2:43: invalid operation: y + "s" (mismatched types int and untyped string)`
		if newErr == nil || newErr.Error() != want {
			t.Fatalf("rewritten: %v, want %s", newErr, want)
		}
	})
	t.Run("panic in a function", func(t *testing.T) {
		src := `package main

func boom() {
	go func() {}(); go println(); var s []int; _ = s[3]
}

func main() {
	boom()
}`
		rawErr, newErr, rawStderr, newStderr := rawAndRewritten(t, src)
		if rawErr == nil || newErr == nil {
			t.Fatalf("no panic: %v, %v", rawErr, newErr)
		}
		// yaegi blames the frame of the first function literal on the line.
		// The learner's main has another name in yaegi's source (the
		// engine demangles it), and a statement calls it.
		for _, want := range []string{"prog.go:4:5: panic: main.boom.func(...)", "prog.go:8:2: panic: main.main(...)"} {
			if !strings.Contains(rawStderr, want) {
				t.Fatalf("yaegi itself says %q; rewritten %q", rawStderr, newStderr)
			}
			if !strings.Contains(rewrite.Demangle(newStderr), want) {
				t.Fatalf("rewritten says %q, want %q", newStderr, want)
			}
		}
	})
	t.Run("panic in a goroutine", func(t *testing.T) {
		s := newSession(t)
		s.run(`import "sync"
var wg sync.WaitGroup
func boom(n int) {
	defer wg.Done()
	var s []int; go func() {}(); _ = s[n]
}`)
		s.run(`wg.Add(1); go boom(3); wg.Wait()`)
		// boom's deferred Done runs before the goroutine's Exit: wait for it.
		select {
		case <-s.hooks.exited:
		case <-time.After(10 * time.Second):
			t.Fatal("the goroutine never exited")
		}
		s.hooks.mu.Lock()
		defer s.hooks.mu.Unlock()
		if len(s.hooks.exits) != 1 {
			t.Fatalf("Exit saw %v", s.hooks.exits)
		}
		// yaegi reports the frame that panicked, then the closure the
		// rewrite wraps the call in (the engine's GoCall leaves that one
		// out of the traceback). boom defers a call, so its deferred calls
		// run through a *Defers (stdlib/defers.go), which takes its panic
		// over: the interpreter no longer prints boom's frame (the engine
		// gets it from End, engine/capture.go's Frame).
		if got, want := s.stderr.String(), "prog.go:1:54: panic: main.func(...)\n"; got != want {
			t.Fatalf("stderr %q, want %q", got, want)
		}
	})
}

func TestSnippetFunctionLiteralCall(t *testing.T) {
	s := newSession(t)
	got := s.run(`import "fmt"`, `func() { fmt.Println("lit") }()`)
	if got != "lit\n" {
		t.Fatalf("got %q", got)
	}
}

// TestLessonPrograms runs programs of the kind the lessons use, whole and
// as snippets, and checks Go's output.
func TestLessonPrograms(t *testing.T) {
	cases := []struct {
		name   string
		inputs []string
		want   string
	}{
		{
			name: "worker pool program",
			inputs: []string{`package main

import (
	"fmt"
	"sort"
	"sync"
)

func worker(id int, jobs <-chan int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- fmt.Sprint(j * 2)
	}
}

func main() {
	jobs := make(chan int, 10)
	results := make(chan string, 10)
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := 1; j <= 5; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	var out []string
	for r := range results {
		out = append(out, r)
	}
	sort.Strings(out)
	fmt.Println(out)
}`},
			want: "[10 2 4 6 8]\n",
		},
		{
			name: "counters as snippets",
			inputs: []string{
				`type Counter struct {
	mu sync.Mutex
	n  int
}
func (c *Counter) Inc(wg *sync.WaitGroup) {
	defer wg.Done()
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}`,
				`counters := make([]Counter, 3)
var wg sync.WaitGroup`,
				`for i := range counters {
	for range i + 1 {
		wg.Add(1)
		go counters[i].Inc(&wg)
	}
}
wg.Wait()
for i := range len(counters) {
	fmt.Print(counters[i].n, " ")
}
fmt.Println()`,
			},
			want: "1 2 3 \n",
		},
		{
			name: "select and done channel",
			inputs: []string{`done := make(chan struct{})
results := make(chan int)
for i := range 3 {
	go func() {
		select {
		case results <- i * i:
		case <-done:
		}
	}()
}
seen := map[int]bool{}
for range 3 {
	seen[<-results] = true
}
close(done)
fmt.Println(len(seen), seen[0], seen[1], seen[4], max(len(seen), 2))
clear(seen)
fmt.Println(len(seen))`},
			want: "3 true true true 3\n0\n",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newSession(t)
			if got := s.run(c.inputs...); got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestDeferEvaluatesArgumentsEarly(t *testing.T) {
	s := newSession(t)
	got := s.run(`import "fmt"
func f() {
	x := 1
	defer fmt.Println("x", x)
	x = 2
	for i := range 2 {
		defer fmt.Println("d", i)
		defer func(n int) { fmt.Println("lit", n) }(i * 10)
	}
	defer func(tag string) {
		if r := recover(); r != nil {
			fmt.Println(tag, r)
		}
	}("caught")
	panic("boom")
}
f()`)
	want := "caught boom\nlit 10\nd 1\nlit 0\nd 0\nx 1\n"
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// TestTopLevelCompoundStatements runs, at a snippet's top level, statements
// that yaegi cannot compile in its global scope.
func TestTopLevelCompoundStatements(t *testing.T) {
	s := newSession(t)
	got := s.run(`import "fmt"
m := map[string]int{"a": 1}
if v, ok := m["a"]; ok {
	fmt.Println("found", v)
}
ch := make(chan int, 1)
ch <- 7
select {
case v, ok := <-ch:
	fmt.Println("received", v, ok)
}
var e any = 2.5
switch v := e.(type) {
case float64:
	fmt.Println("float", v+1)
}
total := 0
for _, v := range []int{1, 2, 3} {
	total += v
}
fmt.Println(total)`)
	if want := "found 1\nreceived 7 true\nfloat 3.5\n6\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	// Not wrapped (a defer runs at the snippet's end): still Go's result.
	got = s.run(`x := 1
switch v := e.(type) {
case float64:
	defer fmt.Println("deferred", v, x)
	x := 2
	_ = x
}
fmt.Println("x", x)`)
	if want := "x 1\ndeferred 2.5 1\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
