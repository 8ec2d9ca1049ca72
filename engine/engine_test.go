package engine

import (
	"context"
	"fmt"
	"os"
	"slices"
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

// Sleeps take no real time: 70 virtual minutes end at once.
func TestVirtualClock(t *testing.T) {
	s := newSession(t, Options{})
	begin := time.Now()
	evs := run(t, s, `time.Sleep(70 * time.Minute); fmt.Println("woke", time.Now().Format("2006-01-02 15:04"))`, 0)
	if got := outputs(evs); len(got) != 1 || got[0] != "1h10m0s g1 woke 2009-11-11 00:10" {
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

// A goroutine's panic ends the program, as in Go, and is shown once; the
// session keeps its declarations and values, in the same interpreter.
func TestPanicKeepsTheSession(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `x := 42`, 0)
	run(t, s, `func shout(s string) string { return strings.ToUpper(s) }`, 0)
	evs := run(t, s, `go func() { panic("boom") }(); time.Sleep(time.Second)`, 2)
	if p, ok := find(evs, event.Panic); !ok || !strings.HasPrefix(p.Text, "panic: boom") || p.G != 2 {
		t.Fatalf("panic event %+v", p)
	}
	for _, src := range []string{`fmt.Println(shout("hi"), x)`, `y := 7; fmt.Println(x + y)`} {
		evs = run(t, s, src, 0)
		if _, ok := find(evs, event.Restore); ok {
			t.Errorf("%s: the session was restored:\n%s", src, dump(evs))
		}
		if _, ok := find(evs, event.Panic); ok {
			t.Errorf("%s: the panic came back:\n%s", src, dump(evs))
		}
	}
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " 49") {
		t.Errorf("outputs %q", got)
	}
}

// A goroutine that panics during a later input ends that run; its other
// goroutines stop there; what the session declared stays.
func TestLatePanicStopsTheProgram(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `x := 1`, 0)
	run(t, s, `go func() { time.Sleep(2 * time.Second); panic("late") }()`, 0)
	run(t, s, `go func() { for { time.Sleep(700 * time.Millisecond); x++ } }()`, 0)
	evs := run(t, s, `time.Sleep(5 * time.Second); fmt.Println("not reached")`, 2)
	if p, ok := find(evs, event.Panic); !ok || p.T != int64(2*time.Second) || !strings.HasPrefix(p.Text, "panic: late") {
		t.Fatalf("panic event %+v\n%s", p, dump(evs))
	}
	if got := outputs(evs); len(got) != 0 {
		t.Errorf("main went on after the panic: %q", got)
	}
	evs = run(t, s, `time.Sleep(10 * time.Second); fmt.Println(x)`, 0)
	// The ticker ran at 0.7s and 1.4s (x = 3) and stopped with the program at 2s.
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " 3") {
		t.Errorf("outputs %q\n%s", got, dump(evs))
	}
	if _, ok := find(evs, event.Panic); ok {
		t.Errorf("the panic came back:\n%s", dump(evs))
	}
}

// A deadlock and os.Exit end the program, not the session.
func TestDeadlockAndExitKeepTheSession(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `x := 42`, 0)
	evs := run(t, s, `jobs := make(chan int); go func() { jobs <- 1; jobs <- 2 }(); <-jobs; <-make(chan int)`, 2)
	d, ok := find(evs, event.Deadlock)
	if !ok || d.Text != "fatal error: all goroutines are asleep - deadlock!" {
		t.Fatalf("deadlock event %+v\n%s", d, dump(evs))
	}
	var states []string
	for _, g := range d.Blocked {
		states = append(states, fmt.Sprintf("g%d %s: %s on %s", g.G, g.Name, g.State, g.On))
	}
	if want := "g1 main: chan receive on chan #2; g2 main.func1: chan send on jobs (made at 1:9)"; strings.Join(states, "; ") != want {
		t.Errorf("blocked %q, want %q", states, want)
	}
	run(t, s, `fmt.Println(x); os.Exit(3)`, 3)
	evs = run(t, s, `fmt.Println(x + 1)`, 0)
	if _, ok := find(evs, event.Restore); ok {
		t.Errorf("the session was restored:\n%s", dump(evs))
	}
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " 43") {
		t.Errorf("outputs %q", got)
	}
}

// Stopping a run whose goroutines all wait ends it at once; the session
// goes on in the same worker.
func TestCancelStopsWaitingRun(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `n := 7`, 0)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan []event.Event)
	started := make(chan bool, 1)
	go func() {
		var evs []event.Event
		s.Run(ctx, "prog.go", `go func() { for { time.Sleep(time.Second) } }(); fmt.Println("waiting"); select {}`, false, func(e event.Event) {
			evs = append(evs, e)
			if e.Kind == event.Output {
				started <- true
			}
		})
		done <- evs
	}()
	<-started
	cancel()
	evs := <-done
	if to, ok := find(evs, event.Timeout); !ok || to.Text != "stopped: interrupted" || len(to.Blocked) != 2 || to.Blocked[0].State != "select (no cases)" {
		t.Errorf("timeout event %+v", to)
	}
	evs = run(t, s, `fmt.Println(n)`, 0)
	if _, ok := find(evs, event.Restore); ok {
		t.Errorf("the session was restored:\n%s", dump(evs))
	}
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " 7") {
		t.Errorf("after the stop: %q", got)
	}
}

// A loop that never reaches a scheduling point cannot be stopped but by
// ending the worker: the session is restored without that input, which is
// named.
func TestCancelStopsSpin(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `n := 7`, 0)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan []event.Event)
	started := make(chan bool, 1)
	go func() {
		var evs []event.Event
		s.Run(ctx, "prog.go", `fmt.Println("spinning"); for {}`, false, func(e event.Event) {
			evs = append(evs, e)
			if e.Kind == event.Output {
				started <- true
			}
		})
		done <- evs
	}()
	<-started
	begin := time.Now()
	cancel()
	evs := <-done
	t.Logf("stopped %v after the cancel", time.Since(begin))
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], "spinning") {
		t.Errorf("output before the stop was lost: %q", got)
	}
	if to, ok := find(evs, event.Timeout); !ok || !strings.HasPrefix(to.Text, "stopped: interrupted") {
		t.Errorf("no timeout event:\n%s", dump(evs))
	}
	evs = run(t, s, `fmt.Println(n)`, 0)
	r, ok := find(evs, event.Restore)
	if !ok || r.N != 1 {
		t.Errorf("restore event %+v", r)
	}
	if d, ok := find(evs, event.Dropped); !ok || d.Input != 2 || !strings.Contains(d.Text, "for {}") {
		t.Errorf("dropped event %+v", d)
	}
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " 7") {
		t.Errorf("after the stop: %q", got)
	}
}

// A worker killed from outside is reported, and the session comes back.
func TestWorkerKilled(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `n := 7; r := rand.Intn(1000000)`, 0)
	before := outputs(run(t, s, `fmt.Println(r)`, 0))
	done := make(chan []event.Event)
	started := make(chan bool, 1)
	go func() {
		var evs []event.Event
		s.Run(context.Background(), "prog.go", `fmt.Println("waiting"); for {}`, false, func(e event.Event) {
			evs = append(evs, e)
			if e.Kind == event.Output {
				started <- true
			}
		})
		done <- evs
	}()
	<-started
	s.w.proc.Signal(syscall.SIGKILL)
	evs := <-done
	if f, ok := find(evs, event.Fatal); !ok || !strings.Contains(f.Text, "killed") {
		t.Errorf("fatal event %+v", f)
	}
	evs = run(t, s, `fmt.Println(n)`, 0)
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " 7") {
		t.Errorf("after the kill: %q", got)
	}
	// The replay drew the same random number.
	if after := outputs(run(t, s, `fmt.Println(r)`, 0)); len(after) != 1 || len(before) != 1 ||
		after[0][strings.LastIndex(after[0], " "):] != before[0][strings.LastIndex(before[0], " "):] {
		t.Errorf("r was %q, after the restore %q", before, after)
	}
}

// Two goroutines that hold a sync.Mutex while they sleep finish at 2 s of
// virtual time: the scheduler sees them wait for the lock.
func TestMutexOnTheVirtualClock(t *testing.T) {
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

// Pieces of lines (fmt.Print) stay whole unless another goroutine writes
// between them, as in Go's output; then the piece written so far is an
// event of its own, marked More, and what follows it on the stream
// continues that line. No event holds two goroutines' text.
func TestTornLines(t *testing.T) {
	for _, seed := range []uint64{0, 1, 2} {
		s := newSession(t, Options{Seed: seed})
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
		wrote := map[int]string{} // each goroutine's bytes, in order
		var outs []event.Event
		for _, e := range evs {
			if e.Kind != event.Output {
				continue
			}
			outs = append(outs, e)
			wrote[e.G] += e.Text
			if !e.More {
				wrote[e.G] += "\n"
			}
		}
		torn := 0
		for i, e := range outs {
			if !e.More {
				continue
			}
			torn++
			if i+1 == len(outs) || outs[i+1].G == e.G {
				t.Errorf("seed %d: piece %q of g%d is not followed by another goroutine's output", seed, e.Text, e.G)
			}
		}
		for g := 2; g < 52; g++ {
			var want strings.Builder
			for i := 0; i < 20; i++ {
				fmt.Fprintf(&want, "g%d line %d\n", g-2, i)
			}
			if wrote[g] != want.String() {
				t.Errorf("seed %d: g%d wrote %q, want %q", seed, g, wrote[g], want.String())
			}
		}
		if wrote[1] != "no newline at the end\n" {
			t.Errorf("seed %d: main wrote %q", seed, wrote[1])
		}
		if torn == 0 {
			t.Errorf("seed %d: no line was torn, though every goroutine yields between its pieces", seed)
		}
	}
}

// A producer and a consumer: every wait has its reason, and every hand-off
// names both goroutines and the channel.
func TestBlockAndWakeEvents(t *testing.T) {
	s := newSession(t, Options{})
	evs := run(t, s, `
jobs := make(chan int)
done := make(chan bool)
go func() {
	for j := range jobs {
		time.Sleep(time.Second)
		fmt.Println("job", j)
	}
	done <- true
}()
for i := 1; i <= 2; i++ {
	jobs <- i
}
close(jobs)
<-done
`, 0)
	var got []string
	for _, e := range evs {
		switch e.Kind {
		case event.Block:
			got = append(got, fmt.Sprintf("%v g%d waits: %s #%d", time.Duration(e.T), e.G, e.Reason, e.Obj))
		case event.Wake:
			got = append(got, fmt.Sprintf("%v g%d woken by g%d: %s #%d", time.Duration(e.T), e.G, e.By, e.Op, e.Obj))
		case event.Object:
			got = append(got, fmt.Sprintf("#%d %s %s at %s", e.Obj, e.Type, e.Name, e.At))
		}
	}
	want := []string{
		"#1 chan jobs at 2:9",
		"0s g1 waits: chan send #1",
		"0s g1 woken by g2: receive #1",
		"0s g1 waits: chan send #1",
		"1s g2 woken by g0: clock #0",
		"1s g1 woken by g2: receive #1",
		"#2 chan done at 3:9",
		"1s g1 waits: chan receive #2",
		"2s g2 woken by g0: clock #0",
		"2s g1 woken by g2: send #2",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The same program gives the same event stream, however busy the machine:
// the scheduler's choices are its own.
func TestSameStreamUnderLoad(t *testing.T) {
	stop := make(chan struct{})
	defer close(stop)
	for range 4 {
		go func() {
			x := 0
			for {
				select {
				case <-stop:
					return
				default:
				}
				for i := range 1 << 16 {
					x += i
				}
			}
		}()
	}
	src := `
counter := 0
var wg sync.WaitGroup
results := make(chan int, 3)
for i := 0; i < 6; i++ {
	wg.Add(1)
	go func() {
		defer wg.Done()
		for j := 0; j < 3; j++ {
			v := counter
			busy := 0
			for k := 0; k < 20000; k++ { busy += k }
			runtime.Gosched()
			counter = v + 1 + busy%2
			select {
			case results <- i:
			default:
			}
		}
	}()
}
wg.Wait()
close(results)
for r := range results { fmt.Println("result", r) }
fmt.Println("counter:", counter)
`
	var first string
	for i := range 10 {
		s := newSession(t, Options{})
		text := dump(run(t, s, src, 0))
		s.Close()
		if i == 0 {
			first = text
		} else if text != first {
			t.Fatalf("run %d differs from the first:\n%s\nfirst:\n%s", i+1, text, first)
		}
	}
}

// Every form a channel operation takes in the learner's code goes through
// the scheduler and keeps Go's meaning (each of these broke once).
func TestChannelForms(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `ch := make(chan int, 1); ch <- 5`, 0)
	// A two-value receive at a snippet's top level.
	evs := run(t, s, `v, ok := <-ch; fmt.Println(v, ok); close(ch); w, ok2 := <-ch; fmt.Println(w, ok2)`, 0)
	if got := strings.Join(texts(evs), "|"); got != "5 true|0 false" {
		t.Errorf("top-level v, ok: %q", got)
	}
	evs = run(t, newSession(t, Options{}), `package main

import "fmt"

func get(c chan int) int { return <-c }

func main() {
	c := make(chan float64, 4)
	c <- 1 // an untyped constant takes the channel's type
	var x float64
	var ok bool
	select {
	case x = <-c: // assigned, not declared
	}
	fmt.Println(x)
	c <- 2
	close(c)
	for i := 0; i < 2; i++ {
		select {
		case x, ok = <-c:
			fmt.Println(x, ok)
		}
	}
	ints := make(chan int, 1)
	ints <- 7
	fmt.Println(get(ints) + 1)
	if v, ok := <-c; !ok {
		fmt.Println("closed", v)
	}
	errs := make(chan error, 1)
	errs <- nil
	fmt.Println(<-errs == nil)
}
`, 0)
	if got := strings.Join(texts(evs), "|"); got != "1|2 true|0 false|8|closed 0|true" {
		t.Errorf("channel forms: %q\n%s", got, dump(evs))
	}
}

func texts(evs []event.Event) []string {
	var out []string
	for _, e := range evs {
		if e.Kind == event.Output {
			out = append(out, e.Text)
		}
	}
	return out
}

// A range with a value over a slice of channels (yaegi cannot run it as
// it is) and over a named channel type.
func TestRangeOverChannelSlices(t *testing.T) {
	s := newSession(t, Options{})
	evs := run(t, s, `type Jobs chan int
chans := []chan int{make(chan int, 1), make(chan int, 1)}
for i, c := range chans { c <- i * 10 }
for _, c := range chans { fmt.Println(<-c) }
var j Jobs = make(Jobs, 2)
j <- 7
close(j)
for v := range j { fmt.Println("job", v) }`, 0)
	if got := strings.Join(texts(evs), "|"); got != "0|10|job 7" {
		t.Errorf("outputs %q\n%s", got, dump(evs))
	}
}

// concur's generic packages serve an input that imports them after other
// inputs ran: slices (sorting with Go's own algorithm), errors and maps,
// auto-imported too.
func TestGenericPackagesAfterOtherInputs(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `x := []int{3, 1, 2}`, 0)
	evs := run(t, s, `import "slices"
slices.Sort(x)
fmt.Println(x, slices.Max(x))`, 0)
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], "[1 2 3] 3") {
		t.Errorf("slices: %q", got)
	}
	evs = run(t, s, `errX := errors.New("x")
fmt.Println(errors.Is(fmt.Errorf("w: %w", errX), errX), maps.Clone(map[int]int{1: 7})[1])`, 0)
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], "true 7") {
		t.Errorf("errors and maps, auto-imported: %q", got)
	}
}

// A package-level variable whose value uses a variable of an earlier input
// (var y = x + 1): the interpreter alone refuses it ("variable definition
// loop") and leaves y behind as 0.
func TestVarFromEarlierInput(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `x := 40`, 0)
	run(t, s, `var base = 2`, 0)
	run(t, s, `var y = x + base`, 0)
	run(t, s, `type pair struct{ a, b int }`, 0)
	run(t, s, `var p, q = pair{x, base}, &base`, 0)
	run(t, s, `var total int = y * 10`, 0)
	run(t, s, `var f = func() int { return x }`, 0)
	evs := run(t, s, `fmt.Println(y, p, *q, total, f())`, 0)
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " 42 {40 2} 2 420 40") {
		t.Errorf("outputs %q, want 42 {40 2} 2 420 40", got)
	}
}

// An input the interpreter compiles but cannot run may keep part of itself
// in the interpreter (a variable declared as 0); the session replaces its
// program without that input, as if it had never been typed.
func TestInterpreterFailureLeavesNothing(t *testing.T) {
	s := newSession(t, Options{})
	run(t, s, `x := 1`, 0)
	// A group in parentheses keeps its declaration as written, which the
	// interpreter cannot run (see rewrite's sessionVarInit).
	evs := run(t, s, "var (\n\ty = x + 1\n)", 1)
	if e, ok := find(evs, event.Compile); !ok || !strings.Contains(e.Text, "variable definition loop") {
		t.Fatalf("no interpreter error; events:\n%s", dump(evs))
	}
	evs = run(t, s, `fmt.Println(y)`, 1)
	if e, ok := find(evs, event.Compile); !ok || !strings.Contains(e.Text, "undefined: y") {
		t.Errorf("y outlived the input that failed; events:\n%s", dump(evs))
	}
	if e, ok := find(evs, event.Restore); !ok || e.Reason != "interpreter" || e.N != 1 {
		t.Errorf("no restore that says why; events:\n%s", dump(evs))
	}
	evs = run(t, s, `fmt.Println(x)`, 0)
	if got := outputs(evs); len(got) != 1 || !strings.HasSuffix(got[0], " 1") {
		t.Errorf("outputs %q, want x's 1", got)
	}
	if _, ok := find(evs, event.Restore); ok {
		t.Errorf("restored twice; events:\n%s", dump(evs))
	}
}
