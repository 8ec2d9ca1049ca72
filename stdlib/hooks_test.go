package stdlib

import (
	"bytes"
	"io"
	"runtime"
	"sync"
	"time"
)

// fakeHooks records what the instrumented packages report. Its lock is
// Go's: it is held only while copying, never across a blocking call.
type fakeHooks struct {
	mu             sync.Mutex
	stdout, stderr bytes.Buffer
	sleeps         []time.Duration
	exits          []int
	gos            []string
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

func (h *fakeHooks) Stdout() io.Writer { return h.writer(&h.stdout) }
func (h *fakeHooks) Stderr() io.Writer { return h.writer(&h.stderr) }

func (h *fakeHooks) Sleep(d time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.sleeps = append(h.sleeps, d)
}

func (h *fakeHooks) Go(name string, f func()) {
	h.mu.Lock()
	h.gos = append(h.gos, name)
	h.mu.Unlock()
	go f()
}

// Exit ends the calling goroutine, as the engine's Exit ends the snippet.
func (h *fakeHooks) Exit(code int) {
	h.mu.Lock()
	h.exits = append(h.exits, code)
	h.mu.Unlock()
	runtime.Goexit()
}

func (h *fakeHooks) NumGoroutine() int { return 7 }

// record returns copies of what h recorded.
func (h *fakeHooks) record() (stdout, stderr string, sleeps []time.Duration, exits []int, gos []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.stdout.String(), h.stderr.String(), append([]time.Duration(nil), h.sleeps...),
		append([]int(nil), h.exits...), append([]string(nil), h.gos...)
}
