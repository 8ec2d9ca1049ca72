package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/traefik/yaegi/interp"

	"github.com/concur-dev/concur/engine/prestart"
	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/internal/lazyregexp"
	"github.com/concur-dev/concur/rewrite"
	"github.com/concur-dev/concur/sched"
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

// Epoch is what time.Now says when the virtual clock reads zero: the Go
// Playground's convention, a fixed and realistic date.
var Epoch = time.Date(2009, time.November, 10, 23, 0, 0, 0, time.UTC)

// workerOptions travel from the terminal side to the worker in WorkerEnv.
type workerOptions struct {
	Clock        string        `json:"clock"`
	Unrestricted bool          `json:"unrestricted,omitempty"`
	MaxVirtual   time.Duration `json:"max_virtual,omitempty"`
	Seed         uint64        `json:"seed,omitempty"`
	Jitter       float64       `json:"jitter,omitempty"`
	RandSeed     uint64        `json:"rand_seed,omitempty"`
	Quiet        bool          `json:"quiet,omitempty"`      // no block, wake or object events
	Leaks        bool          `json:"leaks,omitempty"`      // a whole program's afterlife (see sched)
	MaxMemory    int64         `json:"max_memory,omitempty"` // the terminal side's --max-memory, in bytes
}

// IsWorker reports whether this process was started as a worker.
func IsWorker() bool { return os.Getenv(WorkerEnv) != "" }

// ServeWorker runs this process as a worker: it reads requests from fd 3,
// runs them in one interpreter session and writes events to fd 4, until the
// terminal side closes the requests. It returns the process exit status.
func ServeWorker() int {
	var opts workerOptions
	reqDec := json.NewDecoder(pipeFile(requestFD, "requests"))
	if env := os.Getenv(WorkerEnv); env == prestart.Marker {
		// Started before the terminal side knew them (package prestart):
		// the options come first on the request pipe.
		if err := reqDec.Decode(&opts); err != nil {
			return 0 // not wanted after all
		}
	} else if err := json.Unmarshal([]byte(env), &opts); err != nil {
		fmt.Fprintf(os.Stderr, "concur worker: bad %s: %v\n", WorkerEnv, err)
		return 3
	}
	os.Unsetenv(WorkerEnv)
	// Deep recursion in interpreted code eats stack fast; fail long before
	// the machine does.
	debug.SetMaxStack(256 << 20)
	// The interpreter allocates a lot; collecting less often makes a
	// print-heavy run a quarter faster (bench: BenchmarkPrintHeavy).
	debug.SetGCPercent(400)
	if opts.MaxMemory > 0 {
		// Collecting at a fifth of the heap's growth, a program whose live
		// memory is a fifth of the budget was stopped for its garbage,
		// which Go would have collected: near the budget the collector
		// runs sooner.
		debug.SetMemoryLimit(opts.MaxMemory / 100 * 85)
	}
	if opts.Clock != "real" {
		time.Local = time.UTC
	}

	if dir := os.Getenv("CONCUR_PROFILE"); dir != "" {
		profile(dir)
	}
	l := &link{enc: newEncoder(pipeFile(eventFD, "events"))}
	// Ready before the interpreter is: the terminal side sends the first
	// input while it is being set up, and that input's type check and
	// rewrite run beside the set-up (newWorker). Hello world's first output
	// came some 2 ms sooner (bench: BenchmarkHelloFirstOutput).
	l.frame(frameReady)
	w := newWorker(opts, l)
	reqs := make(chan request, 1)
	go l.readRequests(reqDec, reqs)
	go l.flushLoop()
	for req := range reqs {
		switch req.Op {
		case "goroutines":
			w.awaitSetup()
			w.listGoroutines()
		case "explore":
			w.awaitSetup()
			w.explore(req)
		default:
			w.result(w.eval(req))
		}
	}
	return 0
}

// pipeFile is one of the worker's pipes to the terminal side, made
// non-blocking first so that the Go runtime waits on it in its poller: a
// read or write that blocks in the kernel holds the worker's one processor
// until the runtime's monitor takes it back, which can be 10 ms (a request
// waited that long between the goroutine that read it and the one that
// runs it: half of hello world's time to its output).
func pipeFile(fd int, name string) *os.File {
	syscall.SetNonblock(fd, true)
	return os.NewFile(uintptr(fd), name)
}

// link is the worker process's side of the wire: the events and results
// it sends, whichever program they are of, and the stop requests it hears.
type link struct {
	mu      sync.Mutex
	enc     *encoder
	dirty   bool                   // enc holds bytes not yet flushed
	current atomic.Pointer[worker] // the program a stop request is for
}

// frame sends a frame without a payload and flushes.
func (l *link) frame(typ byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.enc.frame(typ, nil)
	l.enc.flush()
}

func (l *link) readRequests(dec *json.Decoder, reqs chan<- request) {
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			// The terminal side is gone or closed the session.
			exitProcess(0)
			return
		}
		if req.Op == "stop" {
			if w := l.current.Load(); w != nil {
				w.stop(req.Why)
			}
			continue
		}
		reqs <- req
	}
}

// flushLoop sends buffered events at least every 10 ms, so output appears
// while a long run is still going.
func (l *link) flushLoop() {
	for range time.Tick(10 * time.Millisecond) {
		l.mu.Lock()
		if l.dirty {
			l.enc.flush()
			l.dirty = false
		}
		l.mu.Unlock()
	}
}

// newWorker makes a program: its scheduler and its interpreter, with the
// standard library and concur's hooks loaded. (The goroutines of a program
// that is over stay parked until the process ends: an explorer's worker
// process is short-lived.)
func newWorker(opts workerOptions, l *link) *worker {
	w := &worker{opts: opts, link: l}
	w.s = sched.New(sched.Options{
		Virtual:    opts.Clock != "real",
		Seed:       opts.Seed,
		Jitter:     opts.Jitter,
		MaxVirtual: opts.MaxVirtual,
		Emit:       w.emit,
		Quiet:      opts.Quiet,
		Afterlife:  opts.Leaks,
	})
	// The tables first (the rewrite's type check reads them), then the
	// interpreter, on a goroutine of its own: compile waits for it once the
	// input is rewritten.
	syms := stdlib.Symbols(w, opts.Unrestricted)
	w.env = rewrite.NewCheckedEnv(stdlib.Names(opts.Unrestricted), opts.Unrestricted, stdlib.Tables())
	w.env.RacePoints = opts.Seed != 0 && opts.Clock != "real"
	w.ready = make(chan struct{})
	go func() {
		defer close(w.ready)
		w.setupErr = w.setup(syms)
		if opts.Clock != "real" {
			// The scheduler runs one of the program's goroutines at a
			// time. One processor: with a second, each hand-over of the
			// baton woke an idle thread to look for work there was none
			// of (100 k goroutines that sleep and print: 3.85 s -> 3.3 s).
			// The worker's own goroutines (events, requests) get the
			// processor by preemption. Until now the set-up had the
			// second.
			runtime.GOMAXPROCS(1)
		}
	}()
	l.current.Store(w)
	return w
}

// awaitSetup waits until the interpreter is set up (newWorker); a worker
// whose set-up failed ends, saying why in words its terminal side reports.
func (w *worker) awaitSetup() {
	<-w.ready
	if w.setupErr != nil {
		fmt.Fprintf(os.Stderr, "fatal error: concur's worker could not start: %v\n", w.setupErr)
		exitProcess(3)
	}
}

// worker is one program: an interpreter session and its scheduler.
type worker struct {
	poisoned bool // the interpreter failed running an input it compiled (see execute)
	opts     workerOptions
	link     *link
	s        *sched.Scheduler
	interp   *interp.Interpreter
	env      *rewrite.Env
	generics map[string]bool // concur's generic packages compiled into interp (loadGeneric)
	ready    chan struct{}   // closed once interp is set up (newWorker)
	setupErr error           // why it could not be, read after ready

	quiet bool // replaying: events are dropped (written with the scheduler locked)

	// The goroutine whose line in pieces each stream has last written to,
	// if any (with the scheduler locked).
	partialOwner [2]*sched.G

	// The run in progress (the serve goroutine's, and its main's).
	final   bool
	file    string // the file name for positions, or "" for bare ones
	filesMu sync.Mutex
	files   map[int]string // each run's file, by number: a goroutine's panic names its own
	stopMu  sync.Mutex
	stopWhy string        // why the run was stopped from outside
	busy    bool          // a goroutine was running and would not stop
	stuck   string        // what the busy one waits on, in the runtime's words, when it waits
	verdict chan struct{} // closed once stop knows whether one is busy
}

// emit sends an event; the scheduler is locked.
func (w *worker) emit(e event.Event) {
	if w.s.QuietLocked() { // the afterlife: unseen, but noted
		if e.Kind != event.End {
			w.s.ActedLocked(e.G)
		}
		return
	}
	if w.quiet {
		return
	}
	l := w.link
	l.mu.Lock()
	err := l.enc.event(e)
	l.dirty = true
	l.mu.Unlock()
	if err != nil {
		// The terminal side is gone; nobody is left to tell.
		exitProcess(3)
	}
}

// emitOutput is emit of an output event of goroutine g at time t on stream,
// from the bytes written (see encoder.output); the scheduler is locked.
func (w *worker) emitOutput(t int64, g, stream int, text []byte, more bool) {
	if w.s.QuietLocked() {
		w.s.ActedLocked(g)
		return
	}
	if w.quiet {
		return
	}
	l := w.link
	l.mu.Lock()
	err := l.enc.output(t, g, streamNames[stream], text, more)
	l.dirty = true
	l.mu.Unlock()
	if err != nil {
		exitProcess(3)
	}
}

// emitNow sends an event stamped with the run's time, in order with the
// scheduler's.
func (w *worker) emitNow(e event.Event) { w.s.Emit(e) }

// setup makes the interpreter, with the standard library's tables syms
// (stdlib.Symbols), concur's hooks and prelude.
func (w *worker) setup(syms interp.Exports) error {
	w.interp = interp.New(interp.Options{
		Stdout: writerFunc(func(p []byte) { w.write(stdout, p) }),
		Stderr: writerFunc(w.writeInterpStderr),
		Args:   []string{"prog"},
	})
	if err := w.interp.Use(syms); err != nil {
		return fmt.Errorf("load standard library: %w", err)
	}
	// concur's errors declares a variable: compiled after the program's
	// own globals, the interpreter mixed the two up (errors.Is found an
	// int where an error was), so it comes first. The other generic
	// packages are compiled when imported (loadGeneric).
	if err := w.loadGenericPath("errors"); err != nil {
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
	return nil
}

// stop ends the run in progress from outside (an interrupt, a real-time
// budget). A goroutine busy in code that never reaches a scheduling point
// cannot be stopped: the worker then ends once the run is reported.
func (w *worker) stop(why string) {
	w.stopMu.Lock()
	w.stopWhy = why
	verdict := make(chan struct{})
	w.verdict = verdict
	w.stopMu.Unlock()
	before := cpuTime()
	held, running := w.s.Stop()
	busy, stuck := false, ""
	if !w.s.Virtual() {
		<-held
		// On the real clock the program's goroutines run freely: one
		// that keeps the processor busy is one that will not stop.
		time.Sleep(200 * time.Millisecond)
		busy = cpuTime()-before > 100*time.Millisecond
	} else {
		busy, stuck = w.awaitHeld(held, running, before)
	}
	w.stopMu.Lock()
	w.busy, w.stuck = busy, stuck
	w.stopMu.Unlock()
	close(verdict)
	if !busy {
		// The terminal side waits for the report from now on, however long
		// a big program's report takes on a busy machine.
		w.link.frame(frameHeld)
	}
}

// awaitHeld waits for the goroutine that held the baton when the run was
// stopped to reach a scheduling point. It is busy (computing in code without
// one) once the process has spent half a second of processor time since the
// stop without it getting there: processor time, not wall time, so a loaded
// machine or a collection of a million goroutines' stacks is not taken for
// a loop. A process that spends nearly none while it waits has the goroutine
// waiting on something the scheduler cannot see (I/O, a library's lock):
// the runtime says what, once. Wall time only bounds the whole.
func (w *worker) awaitHeld(held <-chan struct{}, running *sched.G, before time.Duration) (busy bool, stuck string) {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	begin := time.Now()
	lastCPU, lastAt := before, begin
	asked := false
	for {
		select {
		case <-held:
			return false, ""
		case now := <-tick.C:
			cpu := cpuTime()
			if cpu-before > 500*time.Millisecond || now.Sub(begin) > stopVerdictLimit {
				return true, ""
			}
			if now.Sub(lastAt) < 250*time.Millisecond {
				continue
			}
			idle := cpu-lastCPU < (now.Sub(lastAt))/10
			lastCPU, lastAt = cpu, now
			if idle && !asked && running != nil && now.Sub(begin) >= 500*time.Millisecond {
				asked = true
				switch state := runtimeState(running.Goid()); state {
				case "", "running", "runnable", "preempted":
				default:
					return true, state
				}
			}
		}
	}
}

// stopVerdictLimit bounds how long a stop waits for the goroutine that ran
// to reach a scheduling point, whatever the processor time says.
const stopVerdictLimit = 8 * time.Second

// runtimeState reads what the goroutine with runtime id goid waits on from
// the runtime's goroutine dump ("IO wait"), or "".
func runtimeState(goid int64) string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	for _, m := range goroutineHeader.FindAllStringSubmatch(string(buf), -1) {
		if id, _ := strconv.ParseInt(m[1], 10, 64); id == goid {
			state, _, _ := strings.Cut(m[2], ",")
			return state
		}
	}
	return ""
}

// cpuTime is the processor time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// eval runs one input and returns its result.
func (w *worker) eval(req request) result {
	w.final = req.Final
	w.file = req.File
	w.s.Do(func() { w.quiet = req.Quiet })
	w.s.SkipSleeps(req.Quiet && w.opts.Clock == "real")
	defer w.s.SkipSleeps(false)

	in, progs, err := w.compile(req)
	if err != nil {
		w.compileError(err)
		w.s.Do(func() { w.emit(event.Event{Kind: event.Exit, Code: 1}) })
		return result{Code: 1}
	}
	w.s.SetBudget(w.opts.MaxVirtual)
	if req.StopAt > 0 {
		w.s.SetBudget(time.Duration(req.StopAt))
	}
	started := make(chan (<-chan struct{}))
	// Set once execute returns; a main that panicked or exited ends the
	// run before that, and endRun then reads no code of its own.
	var code atomic.Int32
	go func() {
		g := w.s.BeginRun(req.Final)
		w.filesMu.Lock()
		if w.files == nil {
			w.files = map[int]string{}
		}
		w.files[g.Input] = req.File
		w.filesMu.Unlock()
		started <- w.s.Over()
		w.sendIdentity(g)
		returned := false
		defer func() {
			if !returned {
				// runtime.Goexit in main: Go goes on running the other
				// goroutines and dies once none is left.
				w.s.MainGoexit(g)
			}
		}()
		c := w.execute(g, req, in, progs)
		code.Store(int32(c))
		if c == 0 {
			w.s.EndMain(g)
		}
		returned = true
	}()
	<-<-started
	return w.endRun(req, in, int(code.Load()))
}

// loadGeneric compiles into the interpreter the generic packages of
// concur's that the input imports first (stdlib.LoadGeneric).
func (w *worker) loadGeneric(in *rewrite.Input) error {
	imported := slices.Collect(maps.Values(in.Declared.Imports))
	for _, path := range stdlib.GenericPackages {
		if slices.Contains(imported, path) {
			if err := w.loadGenericPath(path); err != nil {
				return err
			}
		}
	}
	return nil
}

// loadGenericPath compiles concur's generic package path into the
// interpreter, once.
func (w *worker) loadGenericPath(path string) error {
	if w.generics[path] {
		return nil
	}
	if err := stdlib.LoadGeneric(w.interp, path); err != nil {
		return err
	}
	if w.generics == nil {
		w.generics = map[string]bool{}
	}
	w.generics[path] = true
	return nil
}

// compile rewrites an input and compiles its units; nothing runs yet.
func (w *worker) compile(req request) (in *rewrite.Input, progs []*interp.Program, err error) {
	defer func() {
		// The interpreter itself panicked (it does for some inputs while
		// compiling): a compile error in the learner's eyes.
		if r := recover(); r != nil {
			if os.Getenv("CONCUR_DEBUG") != "" {
				os.WriteFile(os.Getenv("CONCUR_DEBUG"), debug.Stack(), 0o644)
			}
			if in != nil {
				w.env.Imported(in)
			}
			in, progs = nil, nil
			err = fmt.Errorf("%s: the interpreter failed on this input: %v\n%s", req.File, r, interpreterOnly)
		}
	}()
	in, err = rewrite.Rewrite(req.File, req.Src, w.env)
	if err == nil {
		err = w.checkImports(req.File, in)
		if serr := stdlib.CheckSource(req.Src, w.opts.Unrestricted); serr != nil {
			err = errors.Join(serr, err)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	w.awaitSetup()
	if err := w.loadGeneric(in); err != nil {
		return nil, nil, err
	}
	for _, path := range in.AutoImports {
		if _, err := w.interp.Eval(`import "` + path + `"`); err != nil {
			return nil, nil, err
		}
		// The interpreter has it now, whatever becomes of the input.
		for name, p := range in.Declared.Imports {
			if p == path {
				w.env.ImportedAs(name, path)
			}
		}
	}
	progs = make([]*interp.Program, len(in.Units))
	for i, u := range in.Units {
		p, err := w.interp.Compile(u.Src)
		if err == nil && u.Prelude {
			// concur's own declarations: the session has them from now
			// on, whatever becomes of the rest of the input.
			if _, err = w.interp.Execute(p); err == nil {
				w.env.PreludeLoaded()
				continue
			}
		}
		if err != nil {
			// Go's type checker accepted the input (package rewrite): this
			// is the interpreter's limit. Its imports are made; nothing
			// else of the input stays visible to later inputs.
			w.env.Imported(in)
			return nil, nil, fmt.Errorf("%w\n%s", err, interpreterOnly)
		}
		progs[i] = p
	}
	stdlib.NoteTypes(w.interp) // for fmt: the names of the struct types declared
	return in, progs, nil
}

// execute runs the compiled units as the run's main goroutine g. It returns
// 0 when they ran to the end, 2 when main panicked (the run is then over).
func (w *worker) execute(g *sched.G, req request, in *rewrite.Input, progs []*interp.Program) int {
	// What the input declares is the session's from now on, whether or not
	// it runs to the end.
	w.env.Add(in)
	var last reflect.Value
	for _, p := range progs {
		if p == nil {
			continue // concur's prelude, evaluated when compiled
		}
		v, err := w.interp.Execute(p)
		if err != nil {
			var pan interp.Panic
			if errors.As(err, &pan) {
				w.die(g, pan.Value)
				return 2
			}
			// Not a panic: the interpreter could not run what it compiled,
			// and may keep part of it (a variable it declared, as 0): the
			// session is not as it was, so this worker ends and the next
			// input replays the session into a new one without it.
			w.compileError(err)
			w.poisoned = true
			w.s.Exit(1)
			return 1
		}
		last = v
	}
	if in.LastExpr && last.IsValid() && !req.Quiet && w.hasValue(in.Units[len(in.Units)-1].Src) {
		w.emitNow(event.Event{Kind: event.Value, G: 1, Text: formatValue(last)})
	}
	return 0
}

// endRun reports how the run ended, once the scheduler says it has: the one
// place a run ends.
func (w *worker) endRun(req request, in *rewrite.Input, code int) result {
	outcome, exitCode, live := w.s.Outcome()
	if outcome == sched.Stopped {
		w.stopMu.Lock()
		verdict := w.verdict
		w.stopMu.Unlock()
		if verdict != nil {
			<-verdict
		}
	}
	w.stopMu.Lock()
	why, busy, stuck := w.stopWhy, w.busy, w.stuck
	w.stopWhy, w.busy, w.stuck, w.verdict = "", false, "", nil
	w.stopMu.Unlock()
	res := result{Ran: true, Outcome: int(outcome)}
	var stopAt int64
	budget := w.s.Budget()
	w.s.Do(func() {
		t := w.s.RunTimeLocked()
		w.flushPartials()
		switch outcome {
		case sched.Returned:
			res.Code = code
		case sched.Panicked:
			res.Code = 2
		case sched.Exited:
			res.Code = exitCode
		case sched.Deadlocked:
			res.Code = 2
			text := "fatal error: all goroutines are asleep - deadlock!"
			if w.s.MainWentAway() {
				text = "fatal error: no goroutines (main called runtime.Goexit) - deadlock!"
			}
			w.emit(event.Event{Kind: event.Deadlock, T: t, Text: text, Blocked: w.report(live)})
		case sched.OverBudget:
			res.Code = 2
			w.emit(event.Event{Kind: event.Timeout, T: t, Text: fmt.Sprintf(
				"stopped: the run reached %v of virtual time (--max-virtual=%v)", budget, budget), Blocked: w.report(live)})
		case sched.Stopped:
			res.Code = 2
			stopAt = t
			if why == "" {
				why = "stopped"
			}
			if stuck != "" {
				why += "\nthe virtual clock stood still: a goroutine was waiting on something the clock cannot see" +
					"\n(not a channel, timer or lock of the program's own), so time could not move on"
				for i := range live {
					if live[i].State == "running" {
						live[i].State = stuck
					}
				}
			}
			w.emit(event.Event{Kind: event.Timeout, T: t, Text: why, Blocked: w.report(live)})
			if busy {
				for _, l := range live {
					if l.State == "running" {
						res.Culprit = l.Input
						break
					}
				}
			}
		}
		exit := event.Event{Kind: event.Exit, T: t, Code: res.Code}
		if outcome == sched.Returned {
			exit.Leaked = w.report(w.s.LeakedLocked())
			exit.Cut = w.report(w.s.CutLocked())
		}
		w.emit(exit)
	})
	res.StopAt = stopAt
	res.Dead = busy || (req.Final && !req.Explore && res.Code != 1)
	if w.poisoned {
		res.Ran, res.Dead, res.Poisoned = false, true, true
	}
	if in != nil && !req.Quiet {
		res.Declared = in.Declared.Funcs
		for _, name := range slices.Sorted(maps.Keys(in.Declared.Imports)) {
			res.Imports = append(res.Imports, name, in.Declared.Imports[name])
		}
	}
	return res
}

// result closes a request; after a result that says so, the worker ends.
func (w *worker) result(r result) {
	w.s.Do(func() { w.quiet = false })
	l := w.link
	l.mu.Lock()
	l.enc.result(r)
	l.enc.flush()
	l.dirty = false
	l.mu.Unlock()
	if r.Dead {
		exitProcess(0)
	}
}

// listGoroutines answers :goroutines: the program's goroutines alive
// between inputs, and what each waits on.
func (w *worker) listGoroutines() {
	live := w.s.Live()
	w.s.Do(func() {
		w.emit(event.Event{Kind: kindGoroutines, Blocked: w.report(live)})
	})
	w.result(result{})
}

// kindGoroutines is internal to the wire: the answer to Op "goroutines".
const kindGoroutines event.Kind = "goroutines"

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

// interpreterOnly follows an error of the interpreter's compiler.
const interpreterOnly = "\t(Go accepts this input, but concur's interpreter cannot run it; the session is as it was before it)"

// formatValue prints an expression's value as the REPL shows it.
func formatValue(v reflect.Value) string {
	if v.CanInterface() {
		if s, ok := v.Interface().(rewrite.Shown); ok {
			return string(s) // formatted already, as fmt would (rewrite.Show)
		}
	}
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
	w.s.Do(func() {
		w.emit(event.Event{Kind: event.Compile, G: 1, Text: strings.Join(lines, "\n")})
	})
}

// undefinedSelector matches the interpreter's message for a package member
// that is not there: in restricted mode that may be one the sandbox cut.
var undefinedSelector = lazyregexp.New(`(?:undefined selector (\w+)\.\w+|package (\w+) "[^"]*" has no symbol \w+)$`)

// barePosition matches a message that starts with a position without a
// file: the interpreter's positions name none (see package rewrite).
var barePosition = lazyregexp.New(`^(?:_\.go:)?\d+:\d+`)

// position puts the running input's file name in front of a bare
// "line:col" at the start of text.
func (w *worker) position(text string) string { return positionIn(w.file, text) }

// positionOf is position for code of the input that started g, which may
// be an earlier one than the input running now.
func (w *worker) positionOf(g *sched.G, text string) string {
	w.filesMu.Lock()
	file, ok := w.files[g.Input]
	w.filesMu.Unlock()
	if !ok {
		file = w.file
	}
	return positionIn(file, text)
}

// positionIn puts file in front of a bare "line:col" at the start of text
// (a file's name for `concur run`, an input's number in the REPL).
func positionIn(file, text string) string {
	if file == "" || !barePosition.MatchString(text) {
		return text
	}
	return file + ":" + strings.TrimPrefix(text, "_.go:")
}

// die reports a panic that nothing recovered and ends the program, as Go
// does: its other goroutines never run again. The session's declarations
// and values stay.
func (w *worker) die(g *sched.G, value any) {
	value = unwrap(value)
	w.s.Panic(g, func(t int64) {
		if f, ok := value.(*sched.Fatal); ok {
			w.emit(event.Event{Kind: event.Fatal, T: t, G: g.ID, Text: f.Error() + "\n\n" + goStack(g.ID, "running", nil, "")})
			return
		}
		d := data(g)
		top := ""
		if d.panicAt != "" && samePanic(d.panicVal, value) {
			top = w.positionOf(g, d.panicAt)
			if d.panicFile != "" {
				top = positionIn(d.panicFile, d.panicAt)
			}
		}
		var stack []string
		for i, f := range d.frames {
			fn, _, _ := strings.Cut(f, " ")
			if i == 0 && top != "" {
				fn += " " + top
			}
			stack = append(stack, fn)
		}
		before, mark := stdlib.PanicChain(value)
		text := rewrite.Demangle(stdlib.ChainText(before, "panic: "+panicText(value)+mark))
		trace := goStack(g.ID, "running", d.frames, top)
		w.emit(event.Event{Kind: event.Panic, T: t, G: g.ID, Text: text + "\n\n" + trace, Stack: stack})
	})
}

// unwrap takes a panic value out of the reflect.Value the interpreter
// sometimes hands over instead of the value itself.
func unwrap(v any) any {
	if rv, ok := v.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		return rv.Interface()
	}
	return v
}

// writerFunc adapts a function to io.Writer; it never fails.
type writerFunc func(p []byte)

func (f writerFunc) Write(p []byte) (int, error) { f(p); return len(p), nil }

// exitProcess ends the worker. A variable so tests of the worker's parts can
// see an exit instead of dying.
var exitProcess = func(code int) {
	os.Exit(code)
}

// explore runs req's input under each of req.Seeds in a program of its
// own, which first replays req.History quietly (the session so far), and
// sends each run's events and result (with its seed). The session's own
// program is left as it was.
func (w *worker) explore(req request) {
	defer func() {
		w.link.current.Store(w)
		stdlib.Activate(w)
	}()
	for _, seed := range req.Seeds {
		opts := w.opts
		opts.Seed, opts.Jitter = seed, req.Jitter
		x := newWorker(opts, w.link)
		for _, h := range req.History {
			h.Quiet = true
			x.eval(h)
		}
		r := req
		r.Op, r.Quiet = "", false
		res := x.eval(r)
		res.Seed = seed
		res.Goroutines = runtime.NumGoroutine()
		x.result(res)
	}
}
