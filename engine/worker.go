package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"reflect"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/traefik/yaegi/interp"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/rewrite"
	"github.com/concur-dev/concur/stdlib"
)

// WorkerEnv is the environment variable that turns the concur binary into a
// worker: its value holds the worker's options.
const WorkerEnv = "CONCUR_WORKER"

// The worker's pipes, as the terminal side passes them (cmd.ExtraFiles).
const (
	requestFD = 3
	eventFD   = 4
)

// workerOptions travel from the terminal side to the worker in WorkerEnv.
type workerOptions struct {
	Clock        string        `json:"clock"`
	Unrestricted bool          `json:"unrestricted,omitempty"`
	MaxVirtual   time.Duration `json:"max_virtual,omitempty"`
}

// IsWorker reports whether this process was started as a worker.
func IsWorker() bool { return os.Getenv(WorkerEnv) != "" }

// ServeWorker runs this process as a worker: it reads requests from fd 3,
// runs them in one interpreter session and writes events to fd 4, until the
// terminal side closes the requests or the snippet's program ends. It returns
// the process exit status.
func ServeWorker() int {
	var opts workerOptions
	if err := json.Unmarshal([]byte(os.Getenv(WorkerEnv)), &opts); err != nil {
		fmt.Fprintf(os.Stderr, "concur worker: bad %s: %v\n", WorkerEnv, err)
		return 3
	}
	os.Unsetenv(WorkerEnv)
	// Deep recursion in interpreted code eats stack fast; fail long before
	// the machine does.
	debug.SetMaxStack(256 << 20)
	// The interpreter allocates a lot; collecting less often makes a
	// print-heavy run a quarter faster (bench: BenchmarkPrintHeavy). The soft
	// limit keeps a big program collecting well before --max-memory.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(1 << 30)

	w := &worker{opts: opts, reqs: make(chan request)}
	w.enc = newEncoder(os.NewFile(eventFD, "events"))
	w.t = newTracker(w.enc)
	w.t.budget = opts.MaxVirtual
	w.t.overBudget = w.stopOverBudget
	w.t.eagerGoids = opts.Clock == "real"
	go w.readRequests(os.NewFile(requestFD, "requests"))
	go w.flushLoop()

	if opts.Clock == "real" {
		w.serve()
		return 0
	}
	if ended := inBubble(w.serve); ended != nil {
		w.deadlock(ended)
	}
	return 0
}

// worker is one interpreter session.
type worker struct {
	opts   workerOptions
	enc    *encoder
	t      *tracker
	reqs   chan request // made outside the bubble: waiting on it freezes the clock
	interp *interp.Interpreter
	env    *rewrite.Env
	final  bool
	file   string // the file name to put in positions, or "" for bare ones
	once   sync.Once
}

func (w *worker) readRequests(r io.Reader) {
	dec := json.NewDecoder(r)
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			close(w.reqs)
			return
		}
		w.reqs <- req
	}
}

// flushLoop sends buffered events at least every 10 ms, so output appears
// while a long run is still going.
func (w *worker) flushLoop() {
	for range time.Tick(10 * time.Millisecond) {
		w.t.mu.Lock()
		if w.t.dirty {
			w.enc.flush()
			w.t.dirty = false
		}
		w.t.mu.Unlock()
	}
}

// serve runs inside the bubble (virtual clock) or plainly (real clock).
func (w *worker) serve() {
	if w.opts.Clock != "real" {
		// One processor makes the order of goroutines that wake at the same
		// virtual instant repeatable, run after run: what a learner sees
		// again on a re-run. --clock=real keeps every core for parallelism.
		runtime.GOMAXPROCS(1)
	}
	if err := w.setup(); err != nil {
		fmt.Fprintf(os.Stderr, "concur worker: %v\n", err)
		exitProcess(3)
	}
	w.t.mu.Lock()
	w.enc.frame(frameReady, nil)
	w.enc.flush()
	w.t.mu.Unlock()
	for req := range w.reqs {
		if req.Op == "goroutines" {
			w.listGoroutines()
			continue
		}
		w.eval(req)
	}
	exitProcess(0)
}

func (w *worker) setup() error {
	w.interp = interp.New(interp.Options{
		Stdout: writerFunc(func(p []byte) { w.t.write(stdout, p) }),
		Stderr: writerFunc(w.t.writeInterpStderr),
		Args:   []string{"prog"},
	})
	if err := stdlib.Use(w.interp, w, w.opts.Unrestricted); err != nil {
		return fmt.Errorf("load standard library: %w", err)
	}
	if err := w.interp.Use(w.hookExports()); err != nil {
		return fmt.Errorf("load hooks: %w", err)
	}
	if _, err := w.interp.Eval(`import __concur "concur/rt"`); err != nil {
		return fmt.Errorf("import hooks: %w", err)
	}
	if _, err := w.interp.Eval(rewrite.Prelude); err != nil {
		return fmt.Errorf("prelude: %w", err)
	}
	w.env = rewrite.NewEnv(stdlib.Names(w.opts.Unrestricted))
	return nil
}

// hookExports is the package "concur/rt" that rewritten code calls.
func (w *worker) hookExports() interp.Exports {
	return interp.Exports{"concur/rt/rt": {
		"Spawn": reflect.ValueOf(w.t.spawn),
		"Enter": reflect.ValueOf(w.t.enter),
		"Exit":  reflect.ValueOf(w.goroutineExit),
		"Clear": reflect.ValueOf(clearValue),
		"At":    reflect.ValueOf(w.t.panicAt),
	}}
}

// clearValue is Go 1.21's clear builtin for maps and slices.
func clearValue(x any) {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Map, reflect.Slice:
		v.Clear()
	}
}

// goroutineExit runs when a goroutine of the snippet returns, calls
// runtime.Goexit, or panics (recovered is then the panic value).
func (w *worker) goroutineExit(id int, recovered any) {
	if recovered == nil {
		w.t.end(id)
		return
	}
	w.t.mu.Lock()
	g := w.t.byID[id]
	w.t.mu.Unlock()
	w.die(g, recovered)
}

// eval runs one input.
func (w *worker) eval(req request) {
	w.final = req.Final
	w.file = ""
	if req.Final {
		w.file = req.File
	}
	t := w.t
	t.mu.Lock()
	t.quiet = req.Quiet
	t.start = time.Now()
	t.lastT = 0
	t.mu.Unlock()

	in, err := rewrite.Rewrite(req.File, req.Src, w.env)
	if err == nil {
		err = w.checkImports(req.File, in)
		if serr := stdlib.CheckSource(req.Src, w.opts.Unrestricted); serr != nil {
			err = errors.Join(serr, err)
		}
	}
	if err != nil {
		w.compileError(err)
		w.finish(1, false)
		return
	}

	var (
		done     = make(chan struct{})
		returned bool
		code     = 0
	)
	go func() {
		defer close(done)
		t.bindMain()
		code = w.runMain(req.File, req.Src, in)
		returned = true
	}()
	<-done
	if !returned {
		// runtime.Goexit in main: Go goes on running the other goroutines
		// and dies once none is left.
		t.end(1)
		w.waitOthers()
		t.mu.Lock()
		t.emit(event.Event{Kind: event.Fatal, T: t.now(), G: 1, Text: "fatal error: no goroutines (main called runtime.Goexit) - deadlock!"}, 0)
		t.mu.Unlock()
		w.exitProgram(2)
		return
	}
	if code == 0 {
		w.env.Add(in)
	}
	w.finish(code, code == 0)
}

// listGoroutines answers :goroutines: the live goroutines and their states.
func (w *worker) listGoroutines() {
	// Goroutines the last input started may not have run yet: let every
	// runnable one go on until it blocks, so they are seen waiting, not
	// "runnable".
	for range 3 {
		runtime.Gosched()
	}
	live := w.t.states()
	t := w.t
	t.mu.Lock()
	defer t.mu.Unlock()
	t.emit(event.Event{Kind: kindGoroutines, Blocked: live}, 0)
	w.enc.result(result{OK: true})
	w.enc.flush()
	t.dirty = false
}

// kindGoroutines is internal to the wire: the answer to Op "goroutines".
const kindGoroutines event.Kind = "goroutines"

// runMain is the input's main goroutine: it compiles every unit, then runs
// them. It returns the exit status; a panic ends the program from here.
func (w *worker) runMain(file, src string, in *rewrite.Input) (code int) {
	defer func() {
		// The interpreter itself panicked (it does for some inputs while
		// compiling): a compile error in the learner's eyes.
		if r := recover(); r != nil {
			msg := fmt.Sprintf("%s: the interpreter failed on this input: %v", file, r)
			if fmt.Sprint(r) == "nil type" && strings.Contains(src, "range") {
				msg += "\n\tif a for loop ranges over an integer (Go 1.22), concur could not tell that it is one:" +
					"\n\twrite `for i := 0; i < n; i++`, or give n a type: `var n int = ...`"
			}
			w.compileError(errors.New(msg))
			code = 1
		}
	}()
	for _, path := range in.AutoImports {
		if _, err := w.interp.Eval(`import "` + path + `"`); err != nil {
			w.compileError(err)
			return 1
		}
	}
	progs := make([]*interp.Program, len(in.Units))
	for i, u := range in.Units {
		p, err := w.interp.Compile(u.Src)
		if err != nil {
			w.compileError(err)
			return 1
		}
		progs[i] = p
	}
	stdlib.NoteTypes(w.interp) // for fmt: the names of the struct types declared
	var last reflect.Value
	for _, p := range progs {
		v, err := w.interp.Execute(p)
		if err != nil {
			var pan interp.Panic
			if errors.As(err, &pan) {
				w.t.mu.Lock()
				g := w.t.byID[1]
				w.t.mu.Unlock()
				w.die(g, pan.Value)
			}
			w.compileError(err)
			return 1
		}
		last = v
	}
	if in.LastExpr && last.IsValid() && !w.t.quiet && w.hasValue(in.Units[len(in.Units)-1].Src) {
		w.t.mu.Lock()
		w.t.emit(event.Event{Kind: event.Value, T: w.t.now(), G: 1, Text: formatValue(last)}, 0)
		w.t.mu.Unlock()
	}
	return 0
}

// hasValue reports whether the last statement of a statements unit is an
// expression with a value. The interpreter returns something even for a call
// of a function without results, so look at the function called: a plain
// name or selector chain is evaluated (no side effects) and its type asked.
func (w *worker) hasValue(unit string) bool {
	const prefix = "package p; func _() {\n"
	f, err := parser.ParseFile(token.NewFileSet(), "", prefix+unit+"\n}", parser.SkipObjectResolution)
	if err != nil || len(f.Decls) == 0 {
		return false
	}
	body := f.Decls[0].(*ast.FuncDecl).Body
	if len(body.List) == 0 {
		return false
	}
	stmt, ok := body.List[len(body.List)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(stmt.X).(*ast.CallExpr)
	if !ok {
		return true
	}
	if id, ok := call.Fun.(*ast.Ident); ok && noValueBuiltins[id.Name] {
		return false
	}
	if !isNameChain(call.Fun) {
		return true
	}
	fun := unit[int(call.Fun.Pos())-1-len(prefix) : int(call.Fun.End())-1-len(prefix)]
	v, err := w.interp.Eval(fun)
	if err != nil || !v.IsValid() || v.Kind() != reflect.Func {
		return true
	}
	return v.Type().NumOut() > 0
}

// noValueBuiltins are the builtins whose calls have no value.
var noValueBuiltins = map[string]bool{"print": true, "println": true, "panic": true, "close": true, "delete": true, "clear": true}

// isNameChain reports whether e is a name or a chain of selectors on one,
// which evaluates without running any code.
func isNameChain(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return isNameChain(e.X)
	}
	return false
}

func (w *worker) checkImports(file string, in *rewrite.Input) error {
	var msgs []string
	for _, path := range in.Imports {
		if err := stdlib.CheckImport(path, w.opts.Unrestricted); err != nil {
			msgs = append(msgs, file+": "+err.Error())
		}
	}
	if msgs != nil {
		return errors.New(strings.Join(msgs, "\n"))
	}
	return nil
}

// formatValue prints an expression's value as the REPL shows it.
func formatValue(v reflect.Value) string {
	if v.Kind() == reflect.String {
		return strconv.Quote(v.String())
	}
	if v.CanInterface() {
		return fmt.Sprintf("%v", v.Interface())
	}
	return v.String()
}

func (w *worker) compileError(err error) {
	var lines []string
	for _, line := range strings.Split(strings.TrimSpace(err.Error()), "\n") {
		line = w.position(rewrite.Demangle(line))
		if m := undefinedSelector.FindStringSubmatch(line); m != nil && !w.opts.Unrestricted && stdlib.CutDown(m[1]+m[2]) {
			line += " (concur's sandbox leaves it out; --unrestricted allows it)"
		}
		lines = append(lines, line)
	}
	w.t.mu.Lock()
	defer w.t.mu.Unlock()
	w.t.emit(event.Event{Kind: event.Compile, T: 0, G: 1, Text: strings.Join(lines, "\n")}, 0)
}

// undefinedSelector matches the interpreter's message for a package member
// that is not there: in restricted mode that may be one the sandbox cut.
var undefinedSelector = regexp.MustCompile(`(?:undefined selector (\w+)\.\w+|package (\w+) "[^"]*" has no symbol \w+)$`)

// barePosition matches a message that starts with a position without a
// file: the interpreter's positions name none (see package rewrite).
var barePosition = regexp.MustCompile(`^(?:_\.go:)?\d+:\d+`)

// position puts the input's file name in front of a bare "line:col" at the
// start of text, for a file run by `concur run`; REPL inputs keep "line:col".
func (w *worker) position(text string) string {
	if w.file == "" || !barePosition.MatchString(text) {
		return text
	}
	return w.file + ":" + strings.TrimPrefix(text, "_.go:")
}

// finish ends a run that returned: partial lines, main's end, the exit event
// and the result. After `concur run`'s program, the worker ends too.
func (w *worker) finish(code int, ok bool) {
	t := w.t
	t.mu.Lock()
	now := t.now()
	t.flushAll(now)
	if g := t.byID[1]; g != nil {
		t.emit(event.Event{Kind: event.End, T: now, G: 1}, 0)
		delete(t.byID, 1)
		delete(t.byGoid, g.goid)
	}
	t.emit(event.Event{Kind: event.Exit, T: now, Code: code}, 0)
	dead := w.final && code != 1
	w.enc.result(result{Code: code, OK: ok, Dead: dead})
	w.enc.flush()
	t.dirty = false
	t.quiet = false
	t.mu.Unlock()
	if dead {
		exitProcess(0)
	}
}

// die reports a panic that nothing recovered and ends the program, as Go does.
func (w *worker) die(g *gor, value any) {
	value = unwrap(value)
	t := w.t
	t.mu.Lock()
	id, frames, top := 0, []string(nil), ""
	if g != nil {
		id, frames = g.id, g.frames
		if g.panicAt != "" && samePanic(g.panicVal, value) {
			top = w.position(g.panicAt)
		}
	}
	var stack []string
	for i, f := range frames {
		fn, _, _ := strings.Cut(f, " ")
		if i == 0 && top != "" {
			fn += " " + top
		}
		stack = append(stack, fn)
	}
	text := rewrite.Demangle("panic: " + panicText(value))
	trace := goStack(id, "running", frames, top)
	t.emit(event.Event{Kind: event.Panic, T: t.now(), G: id, Text: text + "\n\n" + trace, Stack: stack}, 0)
	t.mu.Unlock()
	w.exitProgram(2)
}

// unwrap takes a panic value out of the reflect.Value the interpreter
// sometimes hands over instead of the value itself.
func unwrap(v any) any {
	if rv, ok := v.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		return rv.Interface()
	}
	return v
}

// exitProgram ends the snippet's program with code: the worker goes with it,
// since nothing of a dead program may run on.
func (w *worker) exitProgram(code int) {
	t := w.t
	t.mu.Lock()
	now := t.now()
	t.flushAll(now)
	t.emit(event.Event{Kind: event.Exit, T: now, Code: code}, 0)
	w.enc.result(result{Code: code, Dead: true})
	w.enc.flush()
	t.mu.Unlock()
	exitProcess(0)
}

// waitOthers waits, on the run's clock, until no goroutine of the snippet is
// left (only used after main called runtime.Goexit).
func (w *worker) waitOthers() {
	t := w.t
	t.mu.Lock()
	if len(t.byID) == 0 {
		t.mu.Unlock()
		return
	}
	none := make(chan struct{}) // made inside the bubble: waiting on it is durable
	t.noneLeft = none
	t.mu.Unlock()
	<-none
}

// deadlock reports a bubble in which every goroutine blocked for good.
func (w *worker) deadlock(ended any) {
	t := w.t
	blocked := t.states()
	t.mu.Lock()
	msg := fmt.Sprint(ended)
	if strings.HasPrefix(msg, "deadlock:") {
		msg = "fatal error: all goroutines are asleep - deadlock!"
	}
	t.emit(event.Event{Kind: event.Deadlock, T: t.lastT, G: 0, Text: msg, Blocked: blocked}, 0)
	t.flushAll(t.lastT)
	t.emit(event.Event{Kind: event.Exit, T: t.lastT, Code: 2}, 0)
	w.enc.result(result{Code: 2, Dead: true})
	w.enc.flush()
	t.mu.Unlock()
	exitProcess(0)
}

// stopOverBudget ends a run that went past --max-virtual.
func (w *worker) stopOverBudget(at time.Duration) {
	w.once.Do(func() {
		blocked := w.t.states()
		t := w.t
		t.mu.Lock()
		t.emit(event.Event{Kind: event.Timeout, T: int64(t.budget), Text: fmt.Sprintf(
			"stopped: the run reached %v of virtual time (--max-virtual=%v)", t.budget, t.budget), Blocked: blocked}, 0)
		t.lastT = int64(t.budget)
		t.mu.Unlock()
		w.exitProgram(2)
	})
	select {} // the process is exiting
}

// Hooks for package stdlib.

func (w *worker) Stdout() io.Writer     { return writerFunc(func(p []byte) { w.t.write(stdout, p) }) }
func (w *worker) Stderr() io.Writer     { return writerFunc(func(p []byte) { w.t.write(stderr, p) }) }
func (w *worker) Sleep(d time.Duration) { w.t.sleep(d) }
func (w *worker) NumGoroutine() int     { return w.t.live() }

// Stdin is the snippet's os.Stdin: the worker's own, which Options.Stdin
// gives it (otherwise it reads as empty).
func (w *worker) Stdin() io.Reader { return os.Stdin }

func (w *worker) Go(name string, f func()) {
	id := w.t.spawn(name)
	go func() {
		w.t.enter(id)
		defer func() {
			if r := recover(); r != nil {
				w.goroutineExit(id, r)
			}
			w.t.end(id)
		}()
		f()
	}()
}

func (w *worker) Exit(code int) {
	w.exitProgram(code)
	select {}
}

// writerFunc adapts a function to io.Writer; it never fails.
type writerFunc func(p []byte)

func (f writerFunc) Write(p []byte) (int, error) { f(p); return len(p), nil }

// exitProcess ends the worker. A variable so tests of the worker's parts can
// see an exit instead of dying.
var exitProcess = os.Exit
