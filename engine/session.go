package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/concur-dev/concur/engine/prestart"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/concur-dev/concur/event"
)

// Options configure a session.
type Options struct {
	// Clock is "virtual" (default: sleeps take no real time) or "real".
	Clock string
	// Unrestricted lets snippets import the whole standard library.
	Unrestricted bool
	// MaxVirtual bounds a run's virtual time (virtual clock only; 0: none).
	MaxVirtual time.Duration
	// Timeout bounds a run's real time (0: none).
	Timeout time.Duration
	// MemoryLimit bounds the worker's resident memory in bytes (0: none).
	MemoryLimit int64
	// Seed picks the schedule on the virtual clock (0: the default policy;
	// see package sched); Jitter perturbs every sleep by up to that fraction.
	Seed   uint64
	Jitter float64
	// Quiet leaves the block, wake and object events out of the stream.
	Quiet bool
	// Leaks lets the goroutines of a whole program go on, unseen, after its
	// main returns, so that its exit event lists those that could never
	// have finished and those cut short (event.Event.Leaked and Cut): for
	// checks. It costs time only when goroutines are left.
	Leaks bool
	// Background receives, as they come, the events the program's
	// goroutines send while no input runs (on the real clock they go on
	// running). It is called on a goroutine of its own.
	Background func(event.Event)
	// Command starts a worker; by default this executable with WorkerEnv set.
	Command func() (*exec.Cmd, error)
	// Stdin is what the snippet's os.Stdin reads (nil: nothing). It must
	// not be a terminal: the worker runs in a process group of its own.
	Stdin *os.File
}

// Outcome says how a run ended.
type Outcome int

const (
	Returned   Outcome = iota // main returned
	Deadlocked                // every goroutine was blocked for good
	Panicked                  // a goroutine panicked and nothing recovered
	Exited                    // the program called os.Exit
	OverBudget                // the run reached --max-virtual
	Stopped                   // interrupted, or past --timeout
	Died                      // the Go runtime ended the program (a fatal error, memory)
	NotRun                    // the input did not compile
)

// Result is what a run came to.
type Result struct {
	// Code is the exit status Go would give: 0; 1 for a compile error; 2
	// after a panic, fatal error, deadlock or stop; os.Exit's own.
	Code    int
	Outcome Outcome
	// Elapsed is the run's time on its clock.
	Elapsed time.Duration
	// AutoImports are the standard packages imported on first use.
	AutoImports []string
	// Declared are the names the input declared at top level (functions,
	// variables, types, constants), and Imports the packages it imported
	// (name -> path), for completion.
	Declared []string
	Imports  map[string]string
	// Input is the input's number in the session, from 1: every input
	// given to Run has one, whether it ran or not.
	Input int
}

// ErrClosed is returned by Run after Close.
var ErrClosed = errors.New("session closed")

// ErrRestoreInterrupted is returned when the learner stopped a restore: no
// input was lost, and the next run tries again.
var ErrRestoreInterrupted = errors.New("restoring the session was interrupted; the next input tries again")

// Session is one learner's interpreter state, kept in a worker process (see
// the package doc).
type Session struct {
	opts     Options
	mu       sync.Mutex
	w        *workerProc
	history  []record // every input that ran, in order
	inputs   int      // inputs given to Run, for numbering
	closed   bool
	lost     *loss // why the worker was replaced, said with the next restore
	randSeed uint64
	idleStop func()
}

// record is an input that ran: replaying the history restores the session.
type record struct {
	n      int // the input's number in the session
	file   string
	src    string
	code   int           // the exit status it had
	stopAt int64         // a stopped run: how far its clock got
	took   time.Duration // the run's real time
	out    Outcome       // how it ended
	run    int           // its run number in the current worker
}

// loss says why the worker was lost and which input was to blame.
type loss struct {
	reason  string // "died", "memory", "busy", "clock"
	text    string // what ended it: Go's words ("fatal error: stack overflow"), or concur's
	culprit int    // the worker's run to blame (0: none)
	dropped []record
	why     string // why the dropped input is left out: "died", "busy", "memory", "again"
}

// NewSession starts a session and its worker.
func NewSession(opts Options) (*Session, error) {
	if opts.Clock == "" {
		opts.Clock = "virtual"
	}
	if opts.Clock != "virtual" && opts.Clock != "real" {
		return nil, fmt.Errorf("clock %q: want virtual or real", opts.Clock)
	}
	s := &Session{opts: opts, randSeed: rand.Uint64()}
	w, err := s.start()
	if err != nil {
		return nil, err
	}
	s.setWorker(w)
	return s, nil
}

// Clock is the session's clock, "virtual" or "real".
func (s *Session) Clock() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opts.Clock
}

// Seed is the session's schedule seed.
func (s *Session) Seed() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opts.Seed
}

// Inputs returns the sources of the inputs that ran to the end without a
// fault, in order: what :save keeps.
func (s *Session) Inputs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, r := range s.history {
		if r.code == 0 {
			out = append(out, r.src)
		}
	}
	return out
}

// Close stops the worker.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.dropWorker()
	return nil
}

// Reset forgets every input and starts a fresh program.
func (s *Session) Reset() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dropWorker()
	s.history, s.lost = nil, nil
	w, err := s.start()
	if err != nil {
		return err
	}
	s.setWorker(w)
	return nil
}

// SetClock switches the session to another clock ("virtual" or "real") with
// that clock's budgets, and replays its inputs on it, so declarations and
// values carry over. It returns how many inputs it replayed.
func (s *Session) SetClock(ctx context.Context, clock string, maxVirtual, timeout time.Duration, emit func(event.Event)) (int, error) {
	if clock != "virtual" && clock != "real" {
		return 0, fmt.Errorf("clock %q: want virtual or real", clock)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.Clock, s.opts.MaxVirtual, s.opts.Timeout = clock, maxVirtual, timeout
	s.dropWorker()
	s.lost = &loss{reason: "clock", text: clock}
	err := s.ensureWorker(ctx, emit)
	return len(s.history), err
}

// SetSeed replays the session under another schedule's seed, which every
// later run follows. It returns how many inputs it replayed.
func (s *Session) SetSeed(ctx context.Context, seed uint64, emit func(event.Event)) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.Seed = seed
	s.dropWorker()
	s.lost = &loss{reason: "seed", text: fmt.Sprint(seed)}
	err := s.ensureWorker(ctx, emit)
	return len(s.history), err
}

func (s *Session) setWorker(w *workerProc) {
	s.w = w
	s.idleStop = w.idle(s.opts.Background)
}

func (s *Session) dropWorker() {
	if s.w == nil {
		return
	}
	if s.idleStop != nil {
		s.idleStop()
		s.idleStop = nil
	}
	s.w.kill()
	s.w = nil
}

// Run evaluates one input and calls emit with each of its events, in order,
// as they arrive. file names the source in positions. final marks a whole
// program (`concur run`): when its main returns, the program is over.
// Cancelling ctx stops the run; the session survives it.
func (s *Session) Run(ctx context.Context, file, src string, final bool, emit func(event.Event)) (Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return Result{}, ErrClosed
	}
	// Every input has its number, whether it runs or not, as the REPL
	// numbers them (#3:1:13): the dropped event names it by that number.
	s.inputs++
	n := s.inputs
	if err := s.ensureWorker(ctx, emit); err != nil {
		return Result{Input: n}, err
	}
	if s.idleStop != nil {
		s.idleStop()
		s.idleStop = nil
	}
	w := s.w
	begin := time.Now()
	fr, lost := s.exchange(ctx, w, request{File: file, Src: src, Final: final}, s.opts.Timeout, emit)
	took := time.Since(begin)
	res := Result{Code: fr.Code, Outcome: Outcome(fr.Outcome), AutoImports: fr.AutoImports, Declared: fr.Declared, Elapsed: time.Duration(w.lastT)}
	for i := 0; i+1 < len(fr.Imports); i += 2 {
		if res.Imports == nil {
			res.Imports = map[string]string{}
		}
		res.Imports[fr.Imports[i]] = fr.Imports[i+1]
	}
	if !fr.Ran {
		res.Outcome = NotRun
	}
	if lost != nil {
		res.Outcome = Died
		if lost.reason == "stopped" || lost.reason == "busy" {
			res.Outcome = Stopped
		}
		res.Code = 2
	}
	res.Input = n
	if fr.Ran || lost != nil {
		rec := record{n: n, file: file, src: src, code: res.Code, stopAt: fr.StopAt, took: took, out: res.Outcome, run: w.runs}
		if !fr.Ran {
			rec.run = w.runs + 1 // it was running when the worker was lost
		}
		if lost != nil {
			s.blameHistory(lost)
		}
		if lost != nil && lost.culprit == rec.run {
			lost.dropped = append(lost.dropped, rec)
		} else {
			s.history = append(s.history, rec)
		}
	}
	switch {
	case lost != nil:
		s.lost = lost
		s.dropWorker()
	case fr.Dead:
		// A whole program is over, or the interpreter kept part of an
		// input that did not run: the worker ends on its own.
		select {
		case <-w.exited:
		case <-time.After(2 * time.Second):
		}
		s.dropWorker()
		if fr.Poisoned && !final {
			// The next input replays the session without this one.
			s.lost = &loss{reason: "interpreter"}
		}
	default:
		s.idleStop = w.idle(s.opts.Background)
	}
	return res, nil
}

// Goroutines lists the program's goroutines that are alive between inputs,
// with what each waits on.
func (s *Session) Goroutines(ctx context.Context) ([]event.Goroutine, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, ErrClosed
	}
	if s.w == nil || s.w.dead() {
		return nil, nil // a new program has not started any
	}
	if s.idleStop != nil {
		s.idleStop()
	}
	defer func() { s.idleStop = s.w.idle(s.opts.Background) }()
	var live []event.Goroutine
	_, lost := s.exchange(ctx, s.w, request{Op: "goroutines"}, 10*time.Second, func(e event.Event) {
		if e.Kind == kindGoroutines {
			live = e.Blocked
		}
	})
	if lost != nil {
		s.lost = lost
		s.dropWorker()
		return nil, errors.New("the program ended while listing its goroutines")
	}
	return live, nil
}

// ensureWorker brings back a worker that was lost, restoring the session.
func (s *Session) ensureWorker(ctx context.Context, emit func(event.Event)) error {
	if s.w != nil && !s.w.dead() {
		return nil
	}
	if s.w != nil {
		// Died between inputs (on the real clock a goroutine can).
		text, _, run := s.w.deathText()
		l := &loss{reason: "died", text: causeLine(text), culprit: run, why: "died"}
		s.dropWorker()
		s.blameHistory(l)
		s.lost = l
	}
	return s.restore(ctx, emit)
}

// blameHistory moves the input that l blames out of the history.
func (s *Session) blameHistory(l *loss) {
	if l.culprit == 0 {
		return
	}
	for i, r := range s.history {
		if r.run == l.culprit {
			l.dropped = append(l.dropped, r)
			s.history = append(s.history[:i:i], s.history[i+1:]...)
			return
		}
	}
}

// restoreBudget bounds a restore in real time.
const restoreBudget = time.Minute

// restore starts a new worker and replays the history into it, quietly,
// until one pass is clean: an input whose replay loses the worker again is
// left out, and the pass starts over. Only then does the new worker take
// over. Cancelling ctx stops the restore and loses nothing.
func (s *Session) restore(ctx context.Context, emit func(event.Event)) error {
	begin := time.Now()
	rctx, cancel := context.WithTimeout(ctx, restoreBudget)
	defer cancel()
	l := s.lost
	if l == nil {
		l = &loss{reason: "died", text: "the program ended"}
	}
	differ := 0
	for {
		w, err := s.start()
		if err != nil {
			return err
		}
		failed := -1
		differ = 0
		for i := range s.history {
			rec := &s.history[i]
			// A run that was stopped is replayed up to the instant it was
			// stopped at, on the virtual clock; one over budget up to its
			// budget. Neither comes where time does not move (a loop that
			// never sleeps), nor on the real clock, whose sleeps a replay
			// skips and which does not see every deadlock: such a replay is
			// stopped after as long as the run took, not left to wait for
			// what ended it; one whose virtual clock never left 0 after a
			// second at most, since how far such a loop got depended on
			// the machine anyway.
			var limit time.Duration
			switch {
			case s.opts.Clock == "real" && rec.out != Returned && rec.out != Died:
				limit = rec.took
			case rec.out == Stopped:
				limit = rec.took
				if rec.stopAt == 0 {
					limit = min(limit, time.Second)
				}
			}
			if limit > 0 {
				limit += 50 * time.Millisecond
			}
			fr, lost := s.exchange(rctx, w, request{File: rec.file, Src: rec.src, Quiet: true, StopAt: rec.stopAt}, limit, func(event.Event) {})
			if ctx.Err() != nil {
				w.kill()
				return ErrRestoreInterrupted
			}
			if lost != nil {
				// The replay's run k is the history's input k-1: blame the
				// one whose goroutine it was, else the one replaying.
				failed = i
				if c := lost.culprit; c >= 1 && c <= i {
					failed = c - 1
				}
				break
			}
			if fr.Code != rec.code {
				differ++
			}
			rec.run = w.runs
		}
		if failed < 0 {
			s.setWorker(w)
			break
		}
		w.kill()
		l.dropped = append(l.dropped, s.history[failed])
		if l.why == "" {
			l.why = "again"
		}
		s.history = append(s.history[:failed:failed], s.history[failed+1:]...)
	}
	s.lost = nil
	if l.reason != "" {
		emit(restoreEvent(l, len(s.history), differ, time.Since(begin), s.opts))
		for _, r := range l.dropped {
			emit(event.Event{Kind: event.Dropped, Input: r.n, Text: firstLine(r.src), Reason: l.why})
		}
	}
	return nil
}

// restoreEvent says what a restore did; the REPL says it in the learner's
// language from its fields (Cause: Go's own words, or the new clock), Text
// is the English.
func restoreEvent(l *loss, replayed, differ int, took time.Duration, opts Options) event.Event {
	why := map[string]string{
		"died":        "the last one died: " + l.text,
		"memory":      "the last one ran out of memory",
		"busy":        "the last one did not stop",
		"clock":       "the clock is now " + l.text,
		"seed":        "the schedule's seed is now " + l.text,
		"interpreter": "the interpreter could not run the last input and kept part of it",
	}[l.reason]
	text := fmt.Sprintf("new program (%s); replayed %d earlier input(s) in %v", why, replayed, took.Round(100*time.Microsecond))
	e := event.Event{Kind: event.Restore, Reason: l.reason, Cause: l.text, N: replayed, D: int64(took)}
	if differ > 0 {
		text += fmt.Sprintf("; %d ended differently this time", differ)
		e.Code = differ
	}
	if opts.Unrestricted && replayed > 0 {
		text += "; replaying repeated what they did outside the program (files, network)"
		e.Name = "unrestricted"
	}
	e.Text = text
	return e
}

// causeLine is the line of a dead worker's text that says what ended it in
// Go's words ("fatal error: stack overflow", not the runtime's "runtime:
// goroutine stack exceeds ..." before it), or its first line.
func causeLine(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "fatal error: ") || strings.HasPrefix(line, "panic: ") {
			return line
		}
	}
	return firstLine(text)
}

func firstLine(src string) string {
	src = strings.TrimSpace(src)
	line, rest, _ := strings.Cut(src, "\n")
	if rest != "" {
		line += " …"
	}
	return line
}

// start launches a worker and waits until it is ready.
func (s *Session) start() (*workerProc, error) {
	opts, _ := json.Marshal(workerOptions{Clock: s.opts.Clock, Unrestricted: s.opts.Unrestricted, MaxVirtual: s.opts.MaxVirtual,
		Seed: s.opts.Seed, Jitter: s.opts.Jitter, RandSeed: s.randSeed, Quiet: s.opts.Quiet, Leaks: s.opts.Leaks,
		MaxMemory: s.opts.MemoryLimit})
	if p := prestart.Take(); p != nil {
		// The first worker of `concur run`, already started (see package
		// prestart), if it reads what this session's would.
		if s.opts.Command == nil && s.opts.Stdin == p.Stdin {
			return adoptWorker(p, opts, s.opts.MemoryLimit)
		}
		p.Discard()
	}
	var cmd *exec.Cmd
	if s.opts.Command != nil {
		var err error
		if cmd, err = s.opts.Command(); err != nil {
			return nil, err
		}
	} else {
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("start worker: %w", err)
		}
		cmd = exec.Command(exe)
	}
	cmd.Env = append(os.Environ(), WorkerEnv+"="+string(opts))
	if s.opts.Stdin != nil {
		cmd.Stdin = s.opts.Stdin
	}
	return startWorker(cmd, s.opts.MemoryLimit)
}

// stopGrace is how long a stopped run may take to report before the worker
// is killed. The worker decides itself, within its stopVerdictLimit, whether
// a goroutine would not stop, and then reports and ends: this is only for a
// worker that cannot answer at all.
const stopGrace = 15 * time.Second

// heldGrace is how long the report of a stop that held every goroutine may
// take (the worker says so with a frame): a report of a million goroutines
// on a busy machine takes seconds, and nothing is left running.
const heldGrace = time.Minute

// exchange sends one request to w and reads its events up to the result.
// It returns a loss when the worker ended or had to be ended.
func (s *Session) exchange(ctx context.Context, w *workerProc, req request, timeout time.Duration, emit func(event.Event)) (result, *loss) {
	w.lastT = 0 // this run's clock: a death is stamped with its time, not an earlier run's
	if err := w.send(req); err != nil {
		return s.died(w, emit, nil)
	}
	var budget, grace <-chan time.Time
	if timeout > 0 {
		timer := time.NewTimer(timeout)
		defer timer.Stop()
		budget = timer.C
	}
	done := ctx.Done()
	for {
		if len(w.batch) == 0 {
			select {
			case batch, ok := <-w.frames:
				if !ok {
					return s.died(w, emit, nil)
				}
				w.recycle(w.batchBuf)
				w.batch, w.batchBuf = batch, batch
				continue
			case <-done:
				done = nil
				grace = s.stop(w, "stopped: interrupted")
			case <-budget:
				budget = nil
				grace = s.stop(w, fmt.Sprintf("stopped: the run took more than %v of real time (--timeout)", timeout))
			case <-grace:
				// A goroutine busy in code without a scheduling point.
				w.kill()
				_, l := s.died(w, emit, errors.New("stopped: a goroutine was still running and did not stop"))
				l.reason, l.why = "busy", "busy"
				l.culprit = w.runs + 1
				return result{}, l
			case <-w.overMemory:
				w.kill()
				_, l := s.died(w, emit, fmt.Errorf("fatal error: runtime: out of memory (the program used more than %s, concur's limit; --max-memory raises it)", bytesText(s.opts.MemoryLimit)))
				l.reason, l.why = "memory", "memory"
				return result{}, l
			}
			continue
		}
		f := w.batch[0]
		w.batch = w.batch[1:]
		if f.typ == frameHeld {
			if grace != nil {
				grace = time.After(heldGrace)
			}
			continue
		}
		if f.typ == frameResult {
			r := *f.result
			if r.Ran {
				w.runs++
			}
			if r.Dead && !req.Final && !r.Poisoned {
				// The worker ends after this: a goroutine would not stop.
				<-w.exited
				w.drain(emit)
				return r, &loss{reason: "busy", text: "a goroutine was still running when the run was stopped", culprit: r.Culprit, why: "busy"}
			}
			return r, nil
		}
		if e, ok := w.take(f); ok {
			emit(e)
		}
	}
}

// stop asks the worker to end the run in progress; it returns the grace
// period's timer.
func (s *Session) stop(w *workerProc, why string) <-chan time.Time {
	w.send(request{Op: "stop", Why: why})
	return time.After(stopGrace)
}

// died reports a worker that ended without a result: a fatal error of the
// Go runtime (stack overflow; on the real clock concurrent map writes), a
// kill, or memory; cause, if set, says why instead of the runtime.
func (s *Session) died(w *workerProc, emit func(event.Event), cause error) (result, *loss) {
	<-w.exited
	w.drain(emit)
	text, g, run := w.deathText()
	if cause != nil {
		text = cause.Error()
	}
	kind := event.Fatal
	if strings.HasPrefix(text, "panic: ") {
		kind = event.Panic
	}
	t := w.lastT
	emit(event.Event{Kind: kind, T: t, G: g, Text: text})
	emit(event.Event{Kind: event.Exit, T: t, Code: 2})
	l := &loss{reason: "died", text: causeLine(text), culprit: run, why: "died"}
	if run == 0 {
		l.culprit = w.runs + 1 // the run in progress
	}
	return result{Code: 2}, l
}
