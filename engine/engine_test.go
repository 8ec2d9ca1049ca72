package engine

import (
	"context"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/concur-dev/concur/event"
)

func TestMain(m *testing.M) {
	// Sessions start workers by running this test binary again.
	if IsWorker() {
		os.Exit(ServeWorker())
	}
	os.Exit(m.Run())
}

func newSession(t testing.TB, opts Options) *Session {
	t.Helper()
	if opts.Timeout == 0 {
		opts.Timeout = time.Minute
	}
	s, err := NewSession(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// runOK runs src and fails the test unless it exits with want.
func run(t testing.TB, s *Session, src string, want int) []event.Event {
	t.Helper()
	var evs []event.Event
	res, err := s.Run(context.Background(), "prog.go", src, false, func(e event.Event) { evs = append(evs, e) })
	if err != nil {
		t.Fatal(err)
	}
	if res.Code != want {
		t.Fatalf("exit %d, want %d; events:\n%s", res.Code, want, dump(evs))
	}
	return evs
}

func dump(evs []event.Event) string {
	var b strings.Builder
	for _, e := range evs {
		b.Write(e.AppendJSON(nil))
		b.WriteByte('\n')
	}
	return b.String()
}

func outputs(evs []event.Event) []string {
	var out []string
	for _, e := range evs {
		if e.Kind == event.Output {
			out = append(out, fmt.Sprintf("%s g%d %s", time.Duration(e.T), e.G, e.Text))
		}
	}
	return out
}

func find(evs []event.Event, kind event.Kind) (event.Event, bool) {
	for _, e := range evs {
		if e.Kind == kind {
			return e, true
		}
	}
	return event.Event{}, false
}

// TestBubbleRuns fails loudly if a Go release breaks the testing.MainStart
// path that gives the worker its virtual clock (see bubble.go).
func TestBubbleRuns(t *testing.T) {
	s := newSession(t, Options{})
	begin := time.Now()
	evs := run(t, s, `time.Sleep(70 * time.Minute); fmt.Println("woke")`, 0)
	if got := outputs(evs); len(got) != 1 || got[0] != "1h10m0s g1 woke" {
		t.Fatalf("outputs %q", got)
	}
	if exit, _ := find(evs, event.Exit); exit.T != int64(70*time.Minute) {
		t.Errorf("exit at %v, want 1h10m0s", time.Duration(exit.T))
	}
	t.Logf("70 virtual minutes took %v of real time", time.Since(begin))
}

func TestGoroutineNumbersAndNames(t *testing.T) {
	s := newSession(t, Options{})
	evs := run(t, s, `
func worker(id int, done chan<- int) { time.Sleep(time.Duration(id) * time.Second); done <- id }
type T struct{}
func (T) run(done chan<- int) { done <- 0 }
done := make(chan int)
go worker(1, done)
go func() { done <- 9 }()
go T{}.run(done)
for i := 0; i < 3; i++ { <-done }
`, 0)
	var got []string
	for _, e := range evs {
		if e.Kind == event.Go {
			got = append(got, fmt.Sprintf("g%d %s parent g%d", e.G, e.Name, e.Parent))
		}
	}
	want := []string{"g2 worker parent g1", "g3 main.func1 parent g1", "g4 T{}.run parent g1"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("go events:\n got %q\nwant %q", got, want)
	}
	ends := 0
	for _, e := range evs {
		if e.Kind == event.End {
			ends++
		}
	}
	if ends != 4 {
		t.Errorf("%d end events, want 4 (three goroutines and main):\n%s", ends, dump(evs))
	}
}

func TestStateSurvivesInputs(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `x := 40`, 0)
	run(t, s, `func add(a, b int) int { return a + b }`, 0)
	evs := run(t, s, `fmt.Println(add(x, 2))`, 0)
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " 42") {
		t.Errorf("outputs %q", got)
	}
}

// A goroutine's panic ends the program; the next input finds the session
// restored from the inputs that succeeded.
func TestSessionRestoredAfterPanic(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `greeting := "hello"`, 0)
	run(t, s, `func shout(s string) string { return strings.ToUpper(s) }`, 0)
	run(t, s, `undefinedThing()`, 1) // a failed input is not replayed
	evs := run(t, s, `go func() { panic("boom") }(); time.Sleep(time.Second)`, 2)
	p, ok := find(evs, event.Panic)
	if !ok || !strings.HasPrefix(p.Text, "panic: boom") || p.G != 2 {
		t.Fatalf("panic event %+v", p)
	}
	evs = run(t, s, `fmt.Println(shout(greeting))`, 0)
	r, ok := find(evs, event.Restore)
	if !ok || !strings.Contains(r.Text, "replayed 2 earlier input(s)") {
		t.Errorf("restore event %+v", r)
	}
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " HELLO") {
		t.Errorf("outputs %q", got)
	}
}

// Stopping a run takes effect even for a loop that never yields, and the
// session survives it.
func TestCancelStopsSpin(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `n := 7`, 0)
	ctx, cancel := context.WithCancel(context.Background())
	var evs []event.Event
	done := make(chan Result)
	go func() {
		res, _ := s.Run(ctx, "prog.go", `fmt.Println("spinning"); for {}`, false, func(e event.Event) { evs = append(evs, e) })
		done <- res
	}()
	time.Sleep(200 * time.Millisecond)
	begin := time.Now()
	cancel()
	res := <-done
	t.Logf("stopped %v after the cancel", time.Since(begin))
	if res.Code != 2 {
		t.Errorf("exit %d, want 2", res.Code)
	}
	to, ok := find(evs, event.Timeout)
	if !ok || to.Text != "stopped: interrupted" || len(to.Blocked) == 0 || to.Blocked[0].G != 1 {
		t.Errorf("timeout event %+v", to)
	}
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], "spinning") {
		t.Errorf("output before the stop was lost: %q", got)
	}
	evs = run(t, s, `fmt.Println(n)`, 0)
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " 7") {
		t.Errorf("after the stop: %q", got)
	}
}

// A worker killed from outside is reported, and the session comes back.
func TestWorkerKilled(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `n := 7`, 0)
	var evs []event.Event
	done := make(chan Result)
	go func() {
		res, _ := s.Run(context.Background(), "prog.go", `fmt.Println("waiting"); for {}`, false, func(e event.Event) { evs = append(evs, e) })
		done <- res
	}()
	time.Sleep(200 * time.Millisecond)
	s.w.cmd.Process.Signal(syscall.SIGKILL)
	res := <-done
	if res.Code != 2 {
		t.Errorf("exit %d, want 2", res.Code)
	}
	f, ok := find(evs, event.Fatal)
	if !ok || !strings.Contains(f.Text, "killed") {
		t.Errorf("fatal event %+v", f)
	}
	evs = run(t, s, `fmt.Println(n)`, 0)
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " 7") {
		t.Errorf("after the kill: %q", got)
	}
}

// Two goroutines that hold a sync.Mutex while they sleep finish at 2 s of
// virtual time: the lock blocks durably, so the clock can move.
func TestDurableMutex(t *testing.T) {
	s := newSession(t, Options{})
	evs := run(t, s, `
var mu sync.Mutex
var wg sync.WaitGroup
for i := 0; i < 2; i++ {
	wg.Add(1)
	go func() { defer wg.Done(); mu.Lock(); time.Sleep(time.Second); mu.Unlock() }()
}
wg.Wait()
fmt.Println("done")
`, 0)
	if exit, _ := find(evs, event.Exit); exit.T != int64(2*time.Second) {
		t.Errorf("exit at %v, want 2s", time.Duration(exit.T))
	}
}

// Per-iteration loop variables, as in Go 1.22.
func TestLoopVariablePerIteration(t *testing.T) {
	s := newSession(t, Options{})
	evs := run(t, s, `
var mu sync.Mutex
sum := 0
var wg sync.WaitGroup
for i := 0; i < 3; i++ {
	wg.Add(1)
	go func() { defer wg.Done(); mu.Lock(); sum += i; mu.Unlock() }()
}
wg.Wait()
fmt.Println(sum)
`, 0)
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " 3") {
		t.Errorf("outputs %q, want a sum of 3", got)
	}
}

// Lines are never torn or merged across goroutines, even when they write
// pieces of lines with fmt.Print.
func TestPartialLinesPerGoroutine(t *testing.T) {
	s := newSession(t, Options{})
	evs := run(t, s, `
var wg sync.WaitGroup
for g := 0; g < 50; g++ {
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 20; i++ {
			fmt.Print("g", g, " ")
			runtime.Gosched()
			fmt.Print("line ", i, "\n")
		}
	}()
}
wg.Wait()
fmt.Print("no newline at the end")
`, 0)
	lines := 0
	for _, e := range evs {
		if e.Kind != event.Output {
			continue
		}
		lines++
		if e.G == 1 {
			if e.Text != "no newline at the end" {
				t.Errorf("main wrote %q", e.Text)
			}
			continue
		}
		var g, i int
		if _, err := fmt.Sscanf(e.Text, "g%d line %d", &g, &i); err != nil || g != e.G-2 {
			t.Errorf("goroutine g%d wrote %q", e.G, e.Text)
		}
	}
	if lines != 50*20+1 {
		t.Errorf("%d lines, want %d", lines, 50*20+1)
	}
}
