package sched

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/concur-dev/concur/event"
)

// prog is a program written as the rewrite writes one: every goroutine
// start, channel operation, lock and sleep goes through the scheduler.
type prog struct {
	s   *Scheduler
	mu  sync.Mutex
	evs []event.Event
}

func newProg(opts Options) *prog {
	p := &prog{}
	opts.Emit = func(e event.Event) { p.evs = append(p.evs, e) }
	p.s = New(opts)
	return p
}

// run runs main as a run's main goroutine and waits for the run to end.
func (p *prog) run(t *testing.T, final bool, main func()) Outcome {
	t.Helper()
	started := make(chan (<-chan struct{}))
	go func() {
		g := p.s.BeginRun(final)
		started <- p.s.Over()
		main()
		p.s.EndMain(g)
	}()
	over := <-started
	select {
	case <-over:
	case <-time.After(20 * time.Second):
		t.Fatalf("the run did not end; events:\n%s", p.text())
	}
	o, _, _ := p.s.Outcome()
	return o
}

func (p *prog) goRun(name string, f func()) {
	g := p.s.Spawn(name)
	go func() {
		p.s.Enter(g)
		f()
		p.s.End(g)
	}()
}

func (p *prog) print(format string, args ...any) {
	text := fmt.Sprintf(format, args...)
	p.s.Point()
	p.s.Locked(func(g *G, t int64) {
		p.s.emit(event.Event{Kind: event.Output, T: t, G: g.ID, Text: text})
	})
}

func mk[T any](p *prog, c chan T, name string) chan T {
	p.s.MakeChan(c, name, "")
	return c
}

func send[T any](p *prog, c chan T, v T) {
	post := p.s.PreSend(&c)
	c <- v
	if post {
		p.s.PostSend()
	}
}

func recv[T any](p *prog, c chan T) (T, bool) {
	p.s.PreRecv(&c)
	v, ok := <-c
	return v, ok
}

// text is the run's events, one a line, without the object events.
func (p *prog) text() string {
	var b strings.Builder
	for _, e := range p.evs {
		b.Write(e.AppendJSON(nil))
		b.WriteByte('\n')
	}
	return b.String()
}

func (p *prog) output() []string {
	var out []string
	for _, e := range p.evs {
		if e.Kind == event.Output {
			out = append(out, fmt.Sprintf("%.3fs g%d %s", float64(e.T)/1e9, e.G, e.Text))
		}
	}
	return out
}

func TestSleepsRunOnTheVirtualClock(t *testing.T) {
	p := newProg(Options{Virtual: true})
	start := time.Now()
	o := p.run(t, true, func() {
		var wg WaitGroup
		for i, name := range []string{"A", "B", "C"} {
			p.s.Add(&wg, 1)
			p.goRun("task", func() {
				p.print("task %s start", name)
				p.s.Sleep(time.Duration(3-i) * time.Hour)
				p.print("task %s stop", name)
				p.s.Add(&wg, -1)
			})
		}
		p.s.Wait(&wg)
		p.print("all done")
	})
	if o != Returned {
		t.Fatalf("outcome %v", o)
	}
	got := strings.Join(p.output(), "\n")
	want := strings.Join([]string{
		"0.000s g4 task C start", "0.000s g2 task A start", "0.000s g3 task B start",
		"3600.000s g4 task C stop", "7200.000s g3 task B stop", "10800.000s g2 task A stop",
		"10800.000s g1 all done"}, "\n")
	if got != want {
		t.Fatalf("output:\n%s\nwant:\n%s", got, want)
	}
	if real := time.Since(start); real > 5*time.Second {
		t.Fatalf("3 hours of sleeps took %v of real time", real)
	}
}

func TestUnbufferedPingPong(t *testing.T) {
	p := newProg(Options{Virtual: true})
	var got []int
	o := p.run(t, true, func() {
		ping, pong := mk(p, make(chan int), "ping"), mk(p, make(chan int), "pong")
		p.goRun("player", func() {
			for {
				v, _ := recv(p, ping)
				if v < 0 {
					return
				}
				send(p, pong, v+1)
			}
		})
		for i := 0; i < 1000; i += 2 {
			send(p, ping, i)
			v, _ := recv(p, pong)
			got = append(got, v)
		}
		send(p, ping, -1)
	})
	if o != Returned || len(got) != 500 || got[499] != 999 {
		t.Fatalf("outcome %v, %d values, last %v", o, len(got), got[len(got)-1])
	}
}

func TestBufferedChannelKeepsOrder(t *testing.T) {
	for _, seed := range []uint64{0, 1, 2, 3} {
		p := newProg(Options{Virtual: true, Seed: seed})
		var got []int
		p.run(t, true, func() {
			c := mk(p, make(chan int, 3), "c")
			done := mk(p, make(chan bool), "done")
			p.goRun("consumer", func() {
				for {
					v, ok := recv(p, c)
					if !ok {
						break
					}
					got = append(got, v)
				}
				send(p, done, true)
			})
			for i := range 20 {
				send(p, c, i)
			}
			p.s.Close(c)
			recv(p, done)
		})
		if len(got) != 20 || !slices.IsSorted(got) {
			t.Fatalf("seed %d: got %v", seed, got)
		}
	}
}

func TestDeadlockIsReportedWithWhatWaits(t *testing.T) {
	p := newProg(Options{Virtual: true})
	o := p.run(t, true, func() {
		jobs := mk(p, make(chan int), "jobs")
		p.goRun("consumer", func() { recv(p, jobs) })
		recv(p, mk(p, make(chan int), "never"))
	})
	if o != Deadlocked {
		t.Fatalf("outcome %v\n%s", o, p.text())
	}
	_, _, live := p.s.Outcome()
	var states []string
	for _, l := range live {
		states = append(states, fmt.Sprintf("g%d %s: %s on %s", l.G, l.Name, l.State, l.Obj.Label()))
	}
	want := "g1 main: chan receive on never; g2 consumer: chan receive on jobs"
	if got := strings.Join(states, "; "); got != want {
		t.Fatalf("live %q, want %q", got, want)
	}
}

func TestSelectDefaultAndTimeouts(t *testing.T) {
	p := newProg(Options{Virtual: true})
	p.run(t, true, func() {
		c := mk(p, make(chan int), "c")
		c0 := c
		p.s.Select(true, []bool{false}, &c0)
		select {
		case <-c0:
			p.print("wrong")
		default:
			p.print("nothing yet")
		}
		p.goRun("late", func() {
			p.s.Sleep(2 * time.Second)
			send(p, c, 7)
		})
		tick := mk(p, make(chan time.Time), "")
		p.s.NewChanTimer(tick, time.Second, 0, time.Time{}, "time.After")
		for range 2 {
			c0, c1 := c, (<-chan time.Time)(tick)
			p.s.Select(false, []bool{false, false}, &c0, &c1)
			select {
			case v := <-c0:
				p.s.Post()
				p.print("got %d", v)
			case <-c1:
				p.s.Post()
				p.print("timeout")
			}
		}
	})
	want := []string{"0.000s g1 nothing yet", "1.000s g1 timeout", "2.000s g1 got 7"}
	if got := p.output(); !slices.Equal(got, want) {
		t.Fatalf("output %q, want %q\n%s", got, want, p.text())
	}
}

// A timer that fired while nobody received holds its firing, as Go's since
// 1.23: the channel stays empty (len 0), a receive gets the time it fired,
// and Stop or Reset discards it, Stop reporting that it stopped the timer.
func TestTimerHoldsAFiringNobodyReceived(t *testing.T) {
	p := newProg(Options{Virtual: true})
	p.run(t, true, func() {
		c1 := mk(p, make(chan time.Time), "")
		p.s.NewChanTimer(c1, time.Second, 0, time.Time{}, "time.NewTimer")
		p.s.Sleep(2 * time.Second)
		p.print("len %d cap %d", len(c1), cap(c1))
		v, _ := recv(p, c1)
		p.print("received %v", v.Sub(time.Time{}))

		c2 := mk(p, make(chan time.Time), "")
		t2 := p.s.NewChanTimer(c2, time.Second, 0, time.Time{}, "time.NewTimer")
		p.s.Sleep(2 * time.Second)
		p.print("stop %v, again %v", t2.Stop(), t2.Stop())
		c0 := c2
		p.s.Select(true, []bool{false}, &c0)
		select {
		case <-c0:
			p.print("stale value")
		default:
			p.print("nothing")
		}

		c3 := mk(p, make(chan time.Time), "")
		t3 := p.s.NewChanTimer(c3, time.Second, 0, time.Time{}, "time.NewTimer")
		p.s.Sleep(2 * time.Second)
		p.print("reset %v", t3.Reset(3*time.Second, 0))
		v, _ = recv(p, c3)
		p.print("received %v", v.Sub(time.Time{}))
	})
	want := []string{
		"2.000s g1 len 0 cap 0",
		"2.000s g1 received 1s",
		"4.000s g1 stop true, again false",
		"4.000s g1 nothing",
		"6.000s g1 reset true",
		"9.000s g1 received 9s",
	}
	if got := p.output(); !slices.Equal(got, want) {
		t.Fatalf("output %q, want %q\n%s", got, want, p.text())
	}
}

func TestLostUpdatesAreTheSameEveryRun(t *testing.T) {
	counter := func(seed uint64) (int, string) {
		p := newProg(Options{Virtual: true, Seed: seed})
		n := 0
		p.run(t, true, func() {
			var wg WaitGroup
			for range 3 {
				p.s.Add(&wg, 1)
				p.goRun("adder", func() {
					for range 2 {
						v := n
						p.s.Gosched()
						n = v + 1
					}
					p.s.Add(&wg, -1)
				})
			}
			p.s.Wait(&wg)
		})
		return n, p.text()
	}
	n0, text0 := counter(0)
	if n0 != 2 {
		t.Errorf("default schedule: counter %d, want 2 (as Go on one processor)", n0)
	}
	seen := map[int]bool{}
	for seed := range uint64(40) {
		n, text := counter(seed)
		seen[n] = true
		if n2, text2 := counter(seed); n2 != n || text2 != text {
			t.Fatalf("seed %d gave two runs: %d and %d", seed, n, n2)
		}
		if seed == 0 && text != text0 {
			t.Fatal("seed 0 differs")
		}
	}
	if len(seen) < 2 {
		t.Fatalf("40 seeds gave only %v", seen)
	}
}

func TestMutexWaitersAreSeen(t *testing.T) {
	p := newProg(Options{Virtual: true})
	p.run(t, true, func() {
		var mu Mutex
		var wg WaitGroup
		for range 2 {
			p.s.Add(&wg, 1)
			p.goRun("worker", func() {
				p.s.Lock(&mu)
				p.s.Sleep(time.Second)
				p.s.Unlock(&mu)
				p.s.Add(&wg, -1)
			})
		}
		p.s.Wait(&wg)
		p.print("done")
	})
	text := p.text()
	for _, want := range []string{
		`"kind":"block","t":0,"g":2,"reason":"sync.Mutex.Lock"`,
		`"kind":"wake","t":1000000000,"g":2,"by":3,"op":"unlock"`,
		`"kind":"output","t":2000000000,"g":1`,
	} {
		if !strings.Contains(text, want) {
			t.Fatalf("no %s in\n%s", want, text)
		}
	}
}

func TestPanicStopsTheOtherGoroutines(t *testing.T) {
	p := newProg(Options{Virtual: true})
	ran := false
	o := p.run(t, false, func() {
		p.goRun("later", func() {
			p.s.Sleep(time.Second)
			ran = true
		})
		p.goRun("boom", func() {
			g := p.s.current()
			p.s.Panic(g, func(int64) {})
		})
		p.s.Sleep(2 * time.Second)
		ran = true
	})
	if o != Panicked || ran {
		t.Fatalf("outcome %v, ran %v", o, ran)
	}
	// The next run is a new program: nothing of the old one runs.
	o = p.run(t, false, func() { p.s.Sleep(3 * time.Second) })
	if o != Returned || ran {
		t.Fatalf("second run: %v, ran %v", o, ran)
	}
}

func TestBackgroundGoroutinesWaitBetweenRuns(t *testing.T) {
	p := newProg(Options{Virtual: true})
	p.run(t, false, func() {
		p.goRun("ticker", func() {
			for i := range 3 {
				p.s.Sleep(time.Second)
				p.print("tick %d", i)
			}
		})
	})
	if out := p.output(); len(out) != 0 {
		t.Fatalf("ticked while no input ran: %q", out)
	}
	p.evs = nil
	p.run(t, false, func() { p.s.Sleep(2500 * time.Millisecond) })
	want := []string{"1.000s g2 tick 0", "2.000s g2 tick 1"}
	if got := p.output(); !slices.Equal(got, want) {
		t.Fatalf("output %q, want %q", got, want)
	}
}

// TestSameRunUnderLoad runs a program whose goroutines interleave at every
// step, again and again while other goroutines keep every processor busy:
// the Go runtime preempts the program's goroutines at will, and the event
// stream must not change.
func TestSameRunUnderLoad(t *testing.T) {
	stop := make(chan struct{})
	defer close(stop)
	for range runtime.GOMAXPROCS(0) * 2 {
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
	prog := func(seed uint64) string {
		p := newProg(Options{Virtual: true, Seed: seed, Jitter: 0.2})
		p.run(t, true, func() {
			results := mk(p, make(chan int, 2), "results")
			var mu Mutex
			total := 0
			for w := range 8 {
				p.goRun("worker", func() {
					for j := range 20 {
						busy := 0
						for i := range 20000 {
							busy += i // long enough for the runtime to preempt
						}
						p.s.Lock(&mu)
						v := total
						p.s.Gosched()
						total = v + busy%7 + j
						p.s.Unlock(&mu)
						p.print("w%d step %d", w, j)
						p.s.Sleep(time.Duration(j%3) * time.Millisecond)
					}
					send(p, results, w)
				})
			}
			for range 8 {
				v, _ := recv(p, results)
				p.print("done %d", v)
			}
			p.print("total %d", total)
		})
		return p.text()
	}
	for _, seed := range []uint64{0, 7} {
		first := prog(seed)
		for i := range 10 {
			if got := prog(seed); got != first {
				t.Fatalf("seed %d, run %d differs from the first", seed, i+2)
			}
		}
	}
}

// When a whole program's main returns, the afterlife tells the goroutines
// left then apart: one blocked on what nothing will release could never
// finish, one asleep was cut short, one that had only to return was not,
// and one in an endless loop of sleeps is still running at the bound. The
// outcome and the time are main's; nothing of the afterlife is seen.
func TestAfterlifeFindsLeaksAndCutShort(t *testing.T) {
	p := newProg(Options{Virtual: true, Afterlife: true})
	o := p.run(t, true, func() {
		stuck := mk(p, make(chan int), "stuck")
		done := mk(p, make(chan int), "done")
		p.goRun("blocked", func() { send(p, stuck, 1) })
		p.goRun("sleeper", func() { p.s.Sleep(time.Minute); p.print("never seen") })
		p.goRun("returner", func() { send(p, done, 1) })
		p.goRun("ticker", func() {
			for {
				p.s.Sleep(time.Millisecond)
			}
		})
		recv(p, done)
		p.s.Sleep(time.Second)
	})
	if o != Returned {
		t.Fatalf("outcome %v, want Returned", o)
	}
	names := func(ls []Live) []string {
		var s []string
		for _, l := range ls {
			s = append(s, l.Name+":"+l.State)
		}
		return s
	}
	var leaked, cut []string
	p.s.Do(func() { leaked, cut = names(p.s.LeakedLocked()), names(p.s.CutLocked()) })
	if want := []string{"blocked:chan send", "ticker:sleep"}; !slices.Equal(leaked, want) {
		t.Errorf("leaked %q, want %q", leaked, want)
	}
	if want := []string{"sleeper:sleep"}; !slices.Equal(cut, want) {
		t.Errorf("cut short %q, want %q", cut, want)
	}
	if got := p.s.RunTime(); got != time.Second {
		t.Errorf("the run took %v, want main's 1s", got)
	}
	if strings.Contains(p.text(), "never seen") {
		t.Errorf("the afterlife's output was seen:\n%s", p.text())
	}
	// Without Afterlife, nothing is looked for.
	q := newProg(Options{Virtual: true})
	q.run(t, true, func() {
		stuck := mk(q, make(chan int), "stuck")
		q.goRun("blocked", func() { send(q, stuck, 1) })
	})
	q.s.Do(func() {
		if l := q.s.LeakedLocked(); len(l) != 0 {
			t.Errorf("leaked %v without an afterlife", l)
		}
	})
}

// TestLiveInOrder: what is alive is listed in the order of the goroutines'
// IDs, main first, across runs, after goroutines ended out of order and
// the list of them was compacted, and in a deadlock's report.
func TestLiveInOrder(t *testing.T) {
	p := newProg(Options{Virtual: true})
	const n = 300
	p.run(t, false, func() {
		hold := mk(p, make(chan int), "hold")
		for i := range n {
			p.goRun(fmt.Sprintf("w%d", i), func() {
				// Odd ones end at once, even ones after i ms, later
				// ones first: a third waits on for good.
				if i%2 == 1 {
					return
				}
				if i%3 == 0 {
					recv(p, hold)
					return
				}
				p.s.Sleep(time.Duration(n-i) * time.Millisecond)
			})
		}
		p.s.Sleep(time.Second)
	})
	want := func() []int {
		out := []int{}
		for i := range n {
			if i%2 == 0 && i%3 == 0 {
				out = append(out, i+2) // w0 is g2
			}
		}
		return out
	}
	ids := func(live []Live) []int {
		out := []int{}
		for _, l := range live {
			out = append(out, l.G)
		}
		return out
	}
	if got := ids(p.s.Live()); !slices.Equal(got, want()) {
		t.Fatalf("alive between runs %v, want %v", got, want())
	}
	// A second run starts more (the list compacts as it grows) and ends in
	// a deadlock: main, then every goroutine alive, in order.
	o := p.run(t, true, func() {
		for range 3 * n {
			p.goRun("short", func() {})
		}
		block := mk(p, make(chan int), "block")
		p.goRun("last", func() { recv(p, block) })
		p.s.Sleep(time.Millisecond)
		recv(p, mk(p, make(chan int), "never"))
	})
	if o != Deadlocked {
		t.Fatalf("outcome %v", o)
	}
	_, _, live := p.s.Outcome()
	got := ids(live)
	if len(got) == 0 || got[0] != 1 || !slices.IsSorted(got) {
		t.Fatalf("the report's goroutines %v: want main first, then in order", got)
	}
	if w := append(append([]int{1}, want()...), 2+n+3*n); !slices.Equal(got, w) {
		t.Fatalf("the report's goroutines %v, want %v", got, w)
	}
	if len(p.s.order) > 2*n {
		t.Errorf("the ordered list kept %d goroutines for %d alive", len(p.s.order), len(got))
	}
}
