package sched

import (
	"container/heap"
	"reflect"
	"time"

	"github.com/concur-dev/concur/event"
)

// timer is an entry in the virtual clock's heap: a sleeping goroutine, or
// an action (a timer channel's send, an AfterFunc's start).
type timer struct {
	when   int64
	seq    uint64 // ties fire in the order they were set (or shuffled by a seed)
	g      *G     // a sleeper, or
	fire   func() // an action, run with the scheduler locked
	period int64  // a ticker's
	index  int    // in the heap; -1 when not in it
	obj    *Obj
}

type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when != h[j].when {
		return h[i].when < h[j].when
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.index = -1
	return t
}

// jitter changes a duration as Options.Jitter says. The caller holds s.mu.
func (s *Scheduler) jitter(d int64) int64 {
	if s.opts.Jitter <= 0 || d <= 0 {
		return d
	}
	f := 1 + s.opts.Jitter*(2*s.rng.Float64()-1)
	return max(1, int64(float64(d)*f))
}

// add puts t in the heap, due d (changed by the jitter) from now. The
// caller holds s.mu.
func (s *Scheduler) add(t *timer, d int64) { s.addAt(t, s.jitter(d)) }

// addAt puts t in the heap, due exactly d from now. The caller holds s.mu.
func (s *Scheduler) addAt(t *timer, d int64) {
	t.when = s.now + d
	s.seq++
	t.seq = s.seq
	if s.opts.Seed != 0 {
		// A seeded schedule orders same-instant timers at random.
		t.seq = s.rng.Uint64()
	}
	heap.Push(&s.timers, t)
}

// fireTimers moves the clock to the earliest entry and fires every entry
// due then. Past the run's budget it ends the run instead. The caller holds
// s.mu.
func (s *Scheduler) fireTimers() {
	when := s.timers[0].when
	if b := s.opts.MaxVirtual; b > 0 && when-s.runStart > int64(b) && !s.after.on {
		s.now = s.runStart + int64(b)
		s.endRun(OverBudget)
		return
	}
	if when > s.now {
		s.now = when
	}
	for len(s.timers) > 0 && s.timers[0].when <= s.now {
		t := heap.Pop(&s.timers).(*timer)
		switch {
		case t.g != nil:
			if t.g.st == sleeping {
				if p := &s.pend; p.g == t.g && !p.woke && s.t() == p.t0+int64(p.n)*p.d {
					// The end of the pending run's last sleep: said
					// with the run.
					p.woke = true
					s.enqueue(t.g, woken)
					t.g.reason = ""
				} else {
					s.wake(t.g, nil, nil, "clock")
				}
			}
		case t.fire != nil:
			if t.period > 0 {
				s.add(t, t.period)
			}
			t.fire()
		}
	}
}

// Sleep pauses the calling goroutine for d (time.Sleep).
func (s *Scheduler) Sleep(d time.Duration) {
	g := s.enter()
	defer s.mu.Unlock()
	if !s.opts.Virtual {
		s.emit(event.Event{Kind: event.Sleep, T: s.t(), G: g.ID, D: int64(d)})
		if s.skipSleeps {
			return
		}
		s.mu.Unlock()
		time.Sleep(d)
		s.mu.Lock()
		if !s.opts.Quiet {
			s.emit(event.Event{Kind: event.Wake, T: s.t(), G: g.ID, Op: "clock"})
		}
		return
	}
	if d <= 0 {
		s.point(g)
		return
	}
	dur := s.jitter(int64(d))
	s.noteSleep(g, dur)
	if s.alone(dur) {
		// Nothing else could run before this sleep ends: the clock moves
		// on at once, the goroutine goes on.
		s.now += dur
		s.pend.woke = true
		return
	}
	t := &timer{g: g}
	s.addAt(t, dur)
	g.st = sleeping
	g.reason, g.obj, g.since, g.wakeAt = "sleep", nil, s.now, t.when
	s.switchAway(g)
}

// noteSleep records that g sleeps for d: it joins g's run of sleeps when
// it is one more of the same, else starts one. The caller holds s.mu.
func (s *Scheduler) noteSleep(g *G, d int64) {
	t := s.t()
	p := &s.pend
	if p.g == g && p.woke && p.d == d && t == p.t0+int64(p.n)*d {
		p.n++
		p.woke = false
		return
	}
	if p.g != nil {
		s.flushSleeps()
	}
	s.pend = sleepRun{g: g, t0: t, d: d, n: 1}
}

// alone reports whether the running goroutine may sleep for d without
// anything else happening meanwhile: no other goroutine can run, no timer
// is due before it wakes, nothing outside may wake one, and the sleep stays
// within the run's budget. The caller holds s.mu.
func (s *Scheduler) alone(d int64) bool {
	if s.runnext != nil || len(s.runq) > 0 || s.extWaits > 0 || s.mainDone || s.after.on || !s.active {
		return false
	}
	if len(s.timers) > 0 && s.timers[0].when <= s.now+d {
		return false
	}
	if b := s.opts.MaxVirtual; b > 0 && s.now+d-s.runStart > int64(b) {
		return false
	}
	return true
}

// Timer is a timer on the scheduler's clock: its action runs (locked) when
// it fires.
type Timer struct {
	s *Scheduler
	t *timer
}

// AfterFunc sets a timer that runs fire, with the scheduler locked, after d;
// with period > 0 it fires again every period (a ticker).
func (s *Scheduler) afterFunc(d, period time.Duration, fire func()) *Timer {
	t := &timer{fire: fire, period: int64(period), index: -1}
	s.add(t, int64(d))
	return &Timer{s: s, t: t}
}

// stop takes the timer out of the heap and reports whether it was in it.
// The caller holds s.mu.
func (t *Timer) stop() bool {
	if t.t.index < 0 {
		return false
	}
	heap.Remove(&t.s.timers, t.t.index)
	return true
}

// ChanTimer is a timer whose channel receives the time when it fires:
// time.NewTimer, time.After, time.NewTicker, time.Tick. As in Go since 1.23,
// a firing nobody receives is held by the timer, not put in the channel
// (make it unbuffered: len and cap are then 0, as Go's), until a receive
// takes it or Stop or Reset discards it.
type ChanTimer struct {
	Timer
	o     *Obj
	epoch time.Time
}

// NewChanTimer starts a timer that sends the time (epoch plus the virtual
// time) on c after d, and then every period if period > 0 (a ticker drops a
// tick while one is still held). c becomes one of the program's channels
// (name is for reports).
func (s *Scheduler) NewChanTimer(c any, d, period time.Duration, epoch time.Time, name string) *ChanTimer {
	s.MakeChan(c, name, "")
	s.mu.Lock()
	defer s.mu.Unlock()
	ct := &ChanTimer{epoch: epoch}
	o := s.chanObj(reflect.ValueOf(c))
	o.Type = "timer"
	ct.o = o
	ct.Timer = *s.afterFunc(d, period, func() { s.timerSend(o, ct) })
	return ct
}

// timerSend is a timer's firing: the clock hands the time to a waiting
// receiver, or holds it for the next one. The caller holds s.mu.
func (s *Scheduler) timerSend(o *Obj, ct *ChanTimer) {
	v := reflect.ValueOf(ct.epoch.Add(time.Duration(s.now)))
	if len(o.recvq) > 0 {
		w := o.recvq[0]
		box(&w.g.mailbox, o.elem).TrySend(v)
		w.g.chosen, w.g.how = w.idx, handFilled
		s.wake(w.g, nil, o, "timer")
		return
	}
	if !o.pending.IsValid() {
		o.pending = v
	}
}

// disarm takes the timer out of the heap and discards a firing nobody
// received; it reports whether the timer was still due or held a firing
// (either way, Go's Stop says it stopped the timer). The caller holds s.mu.
func (ct *ChanTimer) disarm() bool {
	was := ct.stop()
	if ct.o.pending.IsValid() {
		ct.o.pending = reflect.Value{}
		was = true
	}
	return was
}

// Stop stops the timer and reports whether it stopped it: whether it was
// still due, or had fired with nobody receiving (Go's since 1.23).
func (ct *ChanTimer) Stop() bool {
	s := ct.s
	s.mu.Lock()
	defer s.mu.Unlock()
	return ct.disarm()
}

// Reset makes the timer fire after d (then every period, for a ticker),
// and reports whether it was still due (or held a firing nobody received).
func (ct *ChanTimer) Reset(d, period time.Duration) bool {
	s := ct.s
	s.mu.Lock()
	defer s.mu.Unlock()
	was := ct.disarm()
	ct.t.period = int64(period)
	s.add(ct.t, int64(d))
	return was
}

// Kernel is what a timer's action may do: it runs with the scheduler
// locked, on no goroutine of the program.
type Kernel struct{ s *Scheduler }

// Close closes a channel of the program (a context's Done channel at its
// deadline), waking whoever waits on it.
func (k Kernel) Close(c any) { k.s.close(c, nil) }

// Stop stops a timer (another one than the timer firing).
func (k Kernel) Stop(ft *FuncTimer) { ft.stop() }

// Spawn starts a goroutine of the program, named name, through start (the
// engine's way to run a goroutine given the G it must Enter).
func (k Kernel) Spawn(name string, start func(g *G)) {
	g := k.s.spawn(name, nil)
	g.kernel = true // start may Launch g: the lock is held
	start(g)
	g.kernel = false
}

// At sets a timer that runs fire after d on the virtual clock.
func (s *Scheduler) At(d time.Duration, fire func(Kernel)) *FuncTimer {
	s.mu.Lock()
	defer s.mu.Unlock()
	ft := &FuncTimer{}
	ft.Timer = *s.afterFunc(d, 0, func() { fire(Kernel{s}) })
	return ft
}

// Do runs f with the scheduler locked, as any goroutine (the engine flushes
// its events this way).
func (s *Scheduler) Do(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pend.g != nil {
		s.flushSleeps() // f may send events of its own
	}
	f()
}

// FuncTimer is time.AfterFunc's timer: when it fires, start runs (with the
// scheduler locked) to start a goroutine.
type FuncTimer struct{ Timer }

// Stop stops the timer and reports whether it was still due.
func (ft *FuncTimer) Stop() bool {
	ft.s.mu.Lock()
	defer ft.s.mu.Unlock()
	return ft.stop()
}

// Reset makes the timer fire after d and reports whether it was still due.
func (ft *FuncTimer) Reset(d time.Duration) bool {
	ft.s.mu.Lock()
	defer ft.s.mu.Unlock()
	was := ft.stop()
	ft.s.add(ft.t, int64(d))
	return was
}
