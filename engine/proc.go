package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/concur-dev/concur/engine/prestart"
	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/internal/lazyregexp"
)

// workerProc is a running worker process, as the terminal side sees it.
type workerProc struct {
	proc       *os.Process
	req        *json.Encoder
	reqFile    *os.File
	frames     chan []frame  // batches, in order
	batch      []frame       // the rest of the batch being handed out
	batchBuf   []frame       // all of it, to be used again (see recycle)
	spare      chan []frame  // batches handed out and used up
	exited     chan struct{} // closed when the process has ended
	overMemory chan struct{}
	stderr     *tailBuffer
	ids        map[int64]identity // runtime goroutine id -> who it was
	names      map[int]string     // goroutine number -> name, for last words
	lastT      int64
	runs       int // runs the worker has made (its scheduler's run numbers)
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
	w := newWorkerProc(reqW)
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
	w.proc = cmd.Process
	go func() {
		cmd.Wait()
		w.ended(cmd.ProcessState)
	}()
	return w.begin(evR, memLimit)
}

// adoptWorker takes over a worker that package prestart started before
// its options were known, and sends them (JSON, as in WorkerEnv) first.
func adoptWorker(p *prestart.Proc, opts []byte, memLimit int64) (*workerProc, error) {
	w := newWorkerProc(p.Req)
	w.proc = p.Process
	copied := make(chan struct{})
	go func() {
		io.Copy(w.stderr, p.Output)
		p.Output.Close()
		close(copied)
	}()
	go func() {
		state, _ := p.Process.Wait()
		<-copied // all it wrote is there for deathText
		w.ended(state)
	}()
	if _, err := p.Req.Write(append(opts, '\n')); err != nil {
		w.kill()
		<-w.exited
		p.Events.Close()
		return nil, fmt.Errorf("start worker: %w: %s", err, strings.TrimSpace(w.stderrText()))
	}
	return w.begin(p.Events, memLimit)
}

func newWorkerProc(req *os.File) *workerProc {
	return &workerProc{
		req: json.NewEncoder(req), reqFile: req,
		frames: make(chan []frame, 16), spare: make(chan []frame, 18), exited: make(chan struct{}), overMemory: make(chan struct{}),
		stderr: &tailBuffer{max: 256 << 10}, ids: map[int64]identity{}, names: map[int]string{1: "main"},
	}
}

// ended notes that the process has ended.
func (w *workerProc) ended(state *os.ProcessState) {
	w.mu.Lock()
	w.state = state
	w.isDead = true
	w.mu.Unlock()
	close(w.exited)
}

// begin reads the started worker's events and waits until it is ready.
func (w *workerProc) begin(evR *os.File, memLimit int64) (*workerProc, error) {
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
	case <-time.After(30 * time.Second):
		w.kill()
		return nil, errors.New("start worker: no answer within 30s")
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
	// channel operation for each would cost more than decoding them. The
	// batches are used again: a frame is some 400 bytes.
	batch := w.newBatch()
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
			batch = w.newBatch()
		}
	}
}

// newBatch returns an empty batch, one used up before if there is one.
func (w *workerProc) newBatch() []frame {
	select {
	case b := <-w.spare:
		return b[:0]
	default:
		return make([]frame, 0, 512)
	}
}

// recycle hands a batch whose frames were all taken back to readFrames.
func (w *workerProc) recycle(b []frame) {
	if cap(b) == 0 {
		return
	}
	select {
	case w.spare <- b:
	default:
	}
}

// take handles a frame that is not a result: it returns the event to pass
// on, if any.
func (w *workerProc) take(f frame) (event.Event, bool) {
	switch f.typ {
	case frameIdentity:
		w.ids[f.id.goid] = f.id
		return event.Event{}, false
	case frameEvent:
		if f.ev.Kind == event.Go {
			w.names[f.ev.G] = f.ev.Name
		}
		w.lastT = max(w.lastT, f.ev.T)
		return f.ev, true
	}
	return event.Event{}, false
}

// idle passes on, to bg, what the program's goroutines say while no input
// runs (on the real clock they go on running), until the returned function
// is called.
func (w *workerProc) idle(bg func(event.Event)) (stop func()) {
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			select {
			case <-done:
				return
			case batch, ok := <-w.frames:
				if !ok {
					w.frames = closedFrames()
					return
				}
				for _, f := range batch {
					if e, ok := w.take(f); ok && bg != nil {
						bg(e)
					}
				}
				w.recycle(batch)
			}
		}
	}()
	return func() { close(done); <-stopped }
}

func closedFrames() chan []frame { c := make(chan []frame); close(c); return c }

// drain passes on the events a dead worker sent before it died: every line
// printed before a fault is kept.
func (w *workerProc) drain(emit func(event.Event)) {
	rest := w.batch
	w.batch, w.batchBuf = nil, nil
	for batch := range w.frames {
		rest = append(rest, batch...)
	}
	for _, f := range rest {
		if e, ok := w.take(f); ok && e.Kind != event.Exit {
			emit(e)
		}
	}
}

func (w *workerProc) send(req request) error { return w.req.Encode(req) }

func (w *workerProc) dead() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.isDead
}

func (w *workerProc) kill() {
	w.reqFile.Close()
	w.proc.Kill()
}

func (w *workerProc) stderrText() string { return w.stderr.String() }

// fatalLine finds the runtime's own words in a dead worker's stderr.
var fatalLine = lazyregexp.New(`(?m)^(fatal error: .*|panic: .*|runtime: .*)$`)

// goroutineHeader matches a goroutine's first line in a traceback.
var goroutineHeader = lazyregexp.New(`(?m)^goroutine (\d+)[^[\n]*\[([^\]]*)\]:`)

// deathText says why the worker died, in Go's words where it left any, and
// which goroutine of the program it happened on (0: unknown), and during
// which of the worker's runs that goroutine started.
func (w *workerProc) deathText() (text string, g, run int) {
	errText := w.stderrText()
	if path := os.Getenv("CONCUR_DEBUG"); path != "" {
		os.WriteFile(path+".worker", []byte(errText), 0o644) // the whole of what it said
	}
	if m := goroutineHeader.FindStringSubmatch(errText); m != nil {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		if who, ok := w.ids[id]; ok {
			g, run = who.g, who.input
		}
	}
	var lines []string
	for _, m := range fatalLine.FindAllString(errText, 3) {
		if strings.HasPrefix(m, "runtime: goroutine stack exceeds") || !strings.HasPrefix(m, "runtime:") {
			lines = append(lines, m)
		}
	}
	if len(lines) > 0 {
		return strings.Join(lines, "\n"), g, run
	}
	w.mu.Lock()
	state := w.state
	w.mu.Unlock()
	if state != nil {
		if ws, ok := state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return fmt.Sprintf("fatal error: the program was killed (signal: %v)", ws.Signal()), g, run
		}
		return fmt.Sprintf("fatal error: the program ended unexpectedly (%v)", state), g, run
	}
	return "fatal error: the program ended unexpectedly", g, run
}

// watchMemory kills the worker when its resident memory passes limit.
func (w *workerProc) watchMemory(limit int64) {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	path := fmt.Sprintf("/proc/%d/statm", w.proc.Pid)
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
			close(w.overMemory)
			w.kill()
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

func bytesText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	default:
		return fmt.Sprintf("%d MiB", n>>20)
	}
}
