package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

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
	// Command starts a worker; by default this executable with WorkerEnv set.
	Command func() (*exec.Cmd, error)
	// Stdin is what the snippet's os.Stdin reads (nil: nothing). It must
	// not be a terminal: the worker runs in a process group of its own.
	Stdin *os.File
}

// Result is how a run ended.
type Result struct {
	Code int // exit status: 0 ok, 1 compile error, 2 panic/fatal/deadlock/stopped, or os.Exit's
	// AutoImports are the standard packages imported on first use.
	AutoImports []string
}

// ErrClosed is returned by Run after Close.
var ErrClosed = errors.New("session closed")

// Session is one learner's interpreter state, kept in a worker process. When
// the worker's program ends (a panic, os.Exit, a deadlock, a kill) the next Run
// starts a new worker and replays the inputs that succeeded before, so
// declarations, variables and imports come back.
type Session struct {
	opts    Options
	mu      sync.Mutex
	w       *workerProc
	inputs  []request // inputs that succeeded, for restoring
	closed  bool
	pending string // why the worker was lost, said at the next restore
}

// NewSession starts a session and its worker.
func NewSession(opts Options) (*Session, error) {
	if opts.Clock == "" {
		opts.Clock = "virtual"
	}
	if opts.Clock != "virtual" && opts.Clock != "real" {
		return nil, fmt.Errorf("clock %q: want virtual or real", opts.Clock)
	}
	s := &Session{opts: opts}
	w, err := s.start()
	if err != nil {
		return nil, err
	}
	s.w = w
	return s, nil
}

// Clock is the session's clock, "virtual" or "real".
func (s *Session) Clock() string { return s.opts.Clock }

// Inputs returns the sources of the inputs that succeeded, in order.
func (s *Session) Inputs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, len(s.inputs))
	for i, r := range s.inputs {
		out[i] = r.Src
	}
	return out
}

// Close stops the worker.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	if s.w != nil {
		s.w.kill()
		s.w = nil
	}
	return nil
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
	if err := s.ensureWorker(ctx, emit); err != nil {
		return Result{}, err
	}
	req := request{File: file, Src: src, Final: final}
	res, err := s.exchange(ctx, req, emit)
	if err != nil {
		return res, err
	}
	return res, nil
}

// Goroutines lists the session's goroutines that are still alive between
// inputs, with what each waits on.
func (s *Session) Goroutines(ctx context.Context) ([]event.Goroutine, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, ErrClosed
	}
	if s.w == nil || s.w.dead() {
		return nil, nil // a new program has not started any
	}
	var live []event.Goroutine
	_, err := s.exchange(ctx, request{Op: "goroutines"}, func(e event.Event) {
		if e.Kind == kindGoroutines {
			live = e.Blocked
		}
	})
	return live, err
}

// ensureWorker brings back a worker whose program ended, replaying the inputs
// that succeeded before.
func (s *Session) ensureWorker(ctx context.Context, emit func(event.Event)) error {
	if s.w != nil && !s.w.dead() {
		return nil
	}
	if s.w != nil {
		s.w.kill()
	}
	w, err := s.start()
	if err != nil {
		return err
	}
	s.w = w
	if len(s.inputs) == 0 {
		return nil
	}
	start := time.Now()
	kept := s.inputs[:0:0]
	var failed []string
	for _, req := range s.inputs {
		req.Quiet = true
		res, err := s.exchange(ctx, req, func(event.Event) {})
		if err != nil {
			return err
		}
		if res.Code == 0 {
			kept = append(kept, request{File: req.File, Src: req.Src})
		} else {
			failed = append(failed, req.File)
		}
		if s.w.dead() {
			// A replayed input ended the program again; keep what we have.
			w, err := s.start()
			if err != nil {
				return err
			}
			s.w = w
		}
	}
	s.inputs = kept
	text := fmt.Sprintf("%s; replayed %d earlier input(s) in %v",
		s.pending, len(kept), time.Since(start).Round(100*time.Microsecond))
	if len(failed) > 0 {
		text += fmt.Sprintf("; %d did not succeed again and were dropped", len(failed))
	}
	emit(event.Event{Kind: event.Restore, Text: text})
	return nil
}

// start launches a worker and waits until it is ready.
func (s *Session) start() (*workerProc, error) {
	opts, _ := json.Marshal(workerOptions{Clock: s.opts.Clock, Unrestricted: s.opts.Unrestricted, MaxVirtual: s.opts.MaxVirtual})
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

// exchange sends one request and reads its events up to the result.
func (s *Session) exchange(ctx context.Context, req request, emit func(event.Event)) (Result, error) {
	w := s.w
	if err := w.send(req); err != nil {
		return s.lost(w, emit, time.Now(), nil)
	}
	begin := time.Now()
	var budget <-chan time.Time
	if s.opts.Timeout > 0 {
		timer := time.NewTimer(s.opts.Timeout)
		defer timer.Stop()
		budget = timer.C
	}
	for {
		if len(w.batch) == 0 {
			select {
			case batch, ok := <-w.frames:
				if !ok {
					return s.lost(w, emit, begin, nil)
				}
				w.batch = batch
				continue
			case <-ctx.Done():
				return s.stop(w, emit, begin, "stopped: interrupted")
			case <-budget:
				return s.stop(w, emit, begin, fmt.Sprintf("stopped: the run took more than %v of real time (--timeout)", s.opts.Timeout))
			case <-w.overMemory:
				return s.lost(w, emit, begin, fmt.Errorf("fatal error: runtime: out of memory (the program used more than %s, concur's limit)", bytesText(s.opts.MemoryLimit)))
			}
		}
		f := w.batch[0]
		w.batch = w.batch[1:]
		switch f.typ {
		case frameEvent:
			if f.ev.Kind == kindGoid {
				w.goids[f.goid] = f.ev.G
				continue
			}
			if f.ev.Kind == event.Go {
				w.names[f.ev.G] = f.ev.Name
			}
			w.lastT = max(w.lastT, f.ev.T)
			emit(f.ev)
		case frameResult:
			if f.result.OK && !req.Quiet && req.Op == "" {
				s.inputs = append(s.inputs, req)
			}
			if f.result.Dead {
				w.markDead()
				s.pending = "new program (the last one ended)"
			}
			return Result{Code: f.result.Code, AutoImports: f.result.AutoImports}, nil
		}
	}
}

// stop ends a run from outside: the worker dumps its goroutines (SIGQUIT) and
// dies, and the run is reported as stopped with what was still running.
func (s *Session) stop(w *workerProc, emit func(event.Event), begin time.Time, why string) (Result, error) {
	w.quit()
	<-w.exited
	w.drain(emit)
	var (
		blocked []event.Goroutine
		raw     []string
	)
	for goid, state := range parseRawDump(w.stderrText()) {
		if g, ok := w.goids[goid]; ok {
			blocked = append(blocked, event.Goroutine{G: g, Name: w.names[g], State: cleanState(state)})
			raw = append(raw, state)
		}
	}
	sortGoroutines(blocked)
	if s.opts.Clock != "real" && stuckNonDurably(raw) {
		why += "\nthe virtual clock stood still: every goroutine was waiting, and some on something" +
			"\nthe clock cannot see (not a channel, timer or lock of the program's own), so time could not move on"
	}
	t := w.elapsed(s.opts.Clock, begin)
	emit(event.Event{Kind: event.Timeout, T: t, Text: why, Blocked: blocked})
	emit(event.Event{Kind: event.Exit, T: t, Code: 2})
	s.pending = "new program (the last run was stopped)"
	return Result{Code: 2}, nil
}

// lost reports a worker that died without saying why: a fatal error of the
// Go runtime (concurrent map writes, stack overflow), a kill, or memory.
func (s *Session) lost(w *workerProc, emit func(event.Event), begin time.Time, cause error) (Result, error) {
	if cause != nil {
		w.kill()
	}
	<-w.exited
	w.drain(emit)
	text, g := w.deathText()
	if cause != nil {
		text = cause.Error()
	}
	t := w.elapsed(s.opts.Clock, begin)
	kind := event.Fatal
	if strings.HasPrefix(text, "panic: ") {
		kind = event.Panic
	}
	emit(event.Event{Kind: kind, T: t, G: g, Text: text})
	emit(event.Event{Kind: event.Exit, T: t, Code: 2})
	s.pending = "new program (the last one died)"
	return Result{Code: 2}, nil
}

// workerProc is a running worker process.
type workerProc struct {
	cmd        *exec.Cmd
	req        *json.Encoder
	reqFile    *os.File
	frames     chan []frame  // batches, in order
	batch      []frame       // the rest of the batch being handed out
	exited     chan struct{} // closed when the process has ended
	overMemory chan struct{}
	stderr     *tailBuffer
	goids      map[int64]int // runtime goroutine id -> session goroutine
	names      map[int]string
	lastT      int64
	mu         sync.Mutex
	isDead     bool
	state      *os.ProcessState
}

func startWorker(cmd *exec.Cmd, memLimit int64) (*workerProc, error) {
	reqR, reqW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("start worker: %w", err)
	}
	evR, evW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("start worker: %w", err)
	}
	// A bigger pipe lets a print-heavy worker run ahead of the screen
	// instead of waiting on every 64 KiB (Linux; elsewhere the default stays).
	unix.FcntlInt(evW.Fd(), unix.F_SETPIPE_SZ, 1<<20)
	w := &workerProc{
		cmd: cmd, req: json.NewEncoder(reqW), reqFile: reqW,
		frames: make(chan []frame, 16), exited: make(chan struct{}), overMemory: make(chan struct{}),
		stderr: &tailBuffer{max: 256 << 10}, goids: map[int64]int{}, names: map[int]string{1: "main"},
	}
	cmd.ExtraFiles = []*os.File{reqR, evW}
	// Its own process group: Ctrl-C at the terminal goes to the terminal
	// side, which decides what it means (stop the run, skip playback).
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Stdout = w.stderr // a snippet cannot reach it; anything there is the runtime's
	cmd.Stderr = w.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start worker: %w", err)
	}
	reqR.Close()
	evW.Close()
	go func() {
		cmd.Wait()
		w.mu.Lock()
		w.state = cmd.ProcessState
		w.isDead = true
		w.mu.Unlock()
		close(w.exited)
	}()
	ready := make(chan error, 1)
	go w.readFrames(evR, ready)
	if memLimit > 0 {
		go w.watchMemory(memLimit)
	}
	select {
	case err := <-ready:
		if err != nil {
			<-w.exited
			return nil, fmt.Errorf("start worker: %w: %s", err, strings.TrimSpace(w.stderrText()))
		}
	case <-time.After(10 * time.Second):
		w.kill()
		return nil, errors.New("start worker: no answer within 10s")
	}
	return w, nil
}

func (w *workerProc) readFrames(r io.ReadCloser, ready chan<- error) {
	defer r.Close()
	defer close(w.frames)
	dec := newDecoder(r)
	f, err := dec.next()
	if err == nil && f.typ != frameReady {
		err = fmt.Errorf("worker said %q first", f.typ)
	}
	if err != nil {
		if err == io.EOF {
			err = errors.New("worker ended before it was ready")
		}
		ready <- err
		return
	}
	ready <- nil
	// Hand frames over in batches: a print-heavy run sends a million, and a
	// channel operation for each would cost more than decoding them.
	var batch []frame
	for {
		f, err := dec.next()
		if err != nil {
			if len(batch) > 0 {
				w.frames <- batch
			}
			return
		}
		batch = append(batch, f)
		if len(batch) == 512 || dec.r.Buffered() == 0 {
			w.frames <- batch
			batch = nil
		}
	}
}

// drain passes on the events a dead worker sent before it died: every line
// printed before a fault is kept.
func (w *workerProc) drain(emit func(event.Event)) {
	rest := w.batch
	w.batch = nil
	for batch := range w.frames {
		rest = append(rest, batch...)
	}
	for _, f := range rest {
		if f.typ != frameEvent {
			continue
		}
		switch f.ev.Kind {
		case kindGoid:
			w.goids[f.goid] = f.ev.G
		case event.Exit:
		default:
			if f.ev.Kind == event.Go {
				w.names[f.ev.G] = f.ev.Name
			}
			w.lastT = max(w.lastT, f.ev.T)
			emit(f.ev)
		}
	}
}

func (w *workerProc) send(req request) error { return w.req.Encode(req) }

func (w *workerProc) dead() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.isDead
}

func (w *workerProc) markDead() {
	w.mu.Lock()
	w.isDead = true
	w.mu.Unlock()
}

func (w *workerProc) kill() {
	w.reqFile.Close()
	w.cmd.Process.Kill()
}

// quit asks the Go runtime in the worker to print every goroutine and exit.
func (w *workerProc) quit() { w.cmd.Process.Signal(syscall.SIGQUIT) }

func (w *workerProc) stderrText() string { return w.stderr.String() }

// elapsed is the time a stopped or dead run reached: on the virtual clock the
// last event's time, on the real clock the wall time since it began.
func (w *workerProc) elapsed(clock string, begin time.Time) int64 {
	if clock == "real" {
		return int64(time.Since(begin))
	}
	return w.lastT
}

// fatalLine finds the runtime's own words in a dead worker's stderr.
var fatalLine = regexp.MustCompile(`(?m)^(fatal error: .*|panic: .*|runtime: .*)$`)

// deathText says why the worker died, in Go's words where it left any, and
// which snippet goroutine it happened on.
func (w *workerProc) deathText() (string, int) {
	errText := w.stderrText()
	g := 0
	if m := goroutineHeader.FindStringSubmatch(errText); m != nil {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		g = w.goids[id]
	}
	var lines []string
	for _, m := range fatalLine.FindAllString(errText, 3) {
		if strings.HasPrefix(m, "runtime: goroutine stack exceeds") || !strings.HasPrefix(m, "runtime:") {
			lines = append(lines, m)
		}
	}
	if len(lines) > 0 {
		return strings.Join(lines, "\n"), g
	}
	if w.state != nil {
		if ws, ok := w.state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return fmt.Sprintf("fatal error: the program was killed (signal: %v)", ws.Signal()), g
		}
		return fmt.Sprintf("fatal error: the program ended unexpectedly (%v)", w.state), g
	}
	return "fatal error: the program ended unexpectedly", g
}

// watchMemory kills the worker when its resident memory passes limit.
func (w *workerProc) watchMemory(limit int64) {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	path := fmt.Sprintf("/proc/%d/statm", w.cmd.Process.Pid)
	page := int64(os.Getpagesize())
	for {
		select {
		case <-w.exited:
			return
		case <-tick.C:
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return
		}
		fields := strings.Fields(string(b))
		if len(fields) < 2 {
			return
		}
		rss, _ := strconv.ParseInt(fields[1], 10, 64)
		if rss*page > limit {
			w.kill()
			close(w.overMemory)
			return
		}
	}
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		// Keep the head too: a fatal error's first lines say what happened.
		head := t.b[:t.max/4]
		tail := t.b[len(t.b)-t.max/2:]
		t.b = append(append(append([]byte{}, head...), "\n...\n"...), tail...)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(bytes.Clone(t.b))
}

func sortGoroutines(gs []event.Goroutine) {
	slices.SortFunc(gs, func(a, b event.Goroutine) int { return a.G - b.G })
}

func bytesText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	default:
		return fmt.Sprintf("%d MiB", n>>20)
	}
}
