package stdlib

import (
	"bytes"
	"io"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/sched"
)

// fakeHooks is a minimal engine: it records what the instrumented packages
// report and runs the program's goroutines on a scheduler of its own.
type fakeHooks struct {
	s              *sched.Scheduler
	mu             sync.Mutex
	stdout, stderr bytes.Buffer
	events         []event.Event
	exits          []int
}

func newFake(virtual bool) *fakeHooks {
	h := &fakeHooks{}
	h.s = sched.New(sched.Options{Virtual: virtual, Emit: func(e event.Event) { h.events = append(h.events, e) }})
	return h
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

func (h *fakeHooks) writer(buf *bytes.Buffer) io.Writer {
	return writerFunc(func(b []byte) (int, error) {
		h.mu.Lock()
		defer h.mu.Unlock()
		return buf.Write(b)
	})
}

func (h *fakeHooks) Stdout() io.Writer       { return h.writer(&h.stdout) }
func (h *fakeHooks) Stderr() io.Writer       { return h.writer(&h.stderr) }
func (h *fakeHooks) Sched() *sched.Scheduler { return h.s }
func (h *fakeHooks) Epoch() time.Time        { return time.Date(2009, 11, 10, 23, 0, 0, 0, time.UTC) }
func (h *fakeHooks) RandSeed() uint64        { return 1 }

func (h *fakeHooks) Start(g *sched.G, f func()) {
	go func() {
		h.s.Enter(g)
		defer h.s.End(g)
		f()
	}()
}

// Exit ends the program and the calling goroutine, as the engine's does.
func (h *fakeHooks) Exit(code int) {
	h.mu.Lock()
	h.exits = append(h.exits, code)
	h.mu.Unlock()
	h.s.Exit(code)
	runtime.Goexit()
}

// record returns copies of what h recorded.
func (h *fakeHooks) record() (stdout, stderr string, exits []int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.stdout.String(), h.stderr.String(), append([]int(nil), h.exits...)
}

// run runs main as the main goroutine of one run of h's program and waits
// until the run is over.
func (h *fakeHooks) run(t *testing.T, main func()) sched.Outcome {
	t.Helper()
	over := make(chan (<-chan struct{}))
	go func() {
		g := h.s.BeginRun(true)
		over <- h.s.Over()
		main()
		h.s.EndMain(g)
	}()
	select {
	case <-<-over:
	case <-time.After(30 * time.Second):
		t.Fatal("the run did not end")
	}
	o, _, _ := h.s.Outcome()
	return o
}
