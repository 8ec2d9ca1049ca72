// Package sched is concur's scheduler: it decides which of a program's
// goroutines runs, and it keeps the virtual clock.
//
// On the virtual clock (Options.Virtual) exactly one of the program's
// goroutines runs at a time: the one holding the baton. Every other one is
// parked on a channel of its own. A goroutine gives the baton away only at a
// scheduling point that concur controls — starting or ending a goroutine, a
// channel operation, a select, a lock, a sleep, a print, runtime.Gosched —
// and the scheduler chooses who gets it next, by a policy and a seed. The Go
// runtime still runs the goroutines and may preempt them when it likes, but a
// preempted goroutine keeps the baton and every other one waits for it, so
// the runtime's choices cannot change what the program does: the same
// program with the same seed gives the same run, on any machine, under any
// load.
//
// Channels are Go's own, and the data goes through channels, typed as the
// program typed them. The rewritten program hands the scheduler a pointer
// to the channel before each operation (PreSend, PreRecv, Select), and the
// scheduler points it at a channel on which the operation completes at once:
// the program's own when its buffer has room or data (or it is closed), or a
// goroutine's one-value mailbox — the receiver's, which a sender fills, or a
// waiting sender's outbox, which a receiver empties. No two goroutines of
// the program ever meet inside the Go runtime, so nothing is left to its
// choices. When no operation can complete, the goroutine waits in the
// scheduler, which therefore knows what each goroutine waits on, since when,
// and who woke it: the block and wake events.
//
// Time is the scheduler's too: a sleep or a timer is an entry in a heap, and
// when no goroutine can run the clock jumps to the next entry. Nothing sleeps
// in real time. When nothing can run and nothing is due, the program is
// deadlocked — reported without the Go runtime, so the session goes on.
//
// With Options.Virtual false (--clock=real) the Go runtime schedules as in
// any Go program, on every core; the hooks only record what happens.
//
// Lock order: the scheduler's mutex is held while events are emitted and
// while a timer's action runs; nothing it calls may call back into it.
package sched

import (
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"time"
	"unsafe"

	"github.com/petermattis/goid"

	"github.com/concur-dev/concur/event"
)

// Options configure a Scheduler.
type Options struct {
	// Virtual runs the program on the virtual clock, one goroutine at a time
	// (see the package doc); false leaves scheduling to the Go runtime.
	Virtual bool
	// Seed picks the schedule. 0 is the default policy: the choices Go's own
	// scheduler makes on one processor when nothing preempts it (a new or
	// woken goroutine runs next, the others in turn). Any other seed makes
	// every choice at random from a generator seeded with it, and lets a
	// goroutine be switched at any scheduling point, not only when it
	// blocks. select's choice among ready cases is random from the seed
	// either way, as in Go.
	Seed uint64
	// Jitter, between 0 and 1, changes every sleep and timer by a factor
	// drawn from [1-Jitter, 1+Jitter], from the seed.
	Jitter float64
	// MaxVirtual bounds a run's virtual time (0: none).
	MaxVirtual time.Duration
	// Emit receives every event, in order, with the scheduler locked; it
	// must not call back into the scheduler.
	Emit func(event.Event)
	// Quiet leaves out the block, wake and object events (goroutine starts
	// and ends are still sent): for measuring what they cost.
	Quiet bool
	// Afterlife lets a whole program's goroutines go on unseen after its
	// main returns, to find its leaks (see afterlife).
	Afterlife bool
}

// Outcome says how a run ended.
type Outcome int

const (
	Returned   Outcome = iota // main returned (and, in the REPL, the instant was over)
	Deadlocked                // every goroutine was blocked for good
	Panicked                  // a goroutine panicked and nothing recovered
	Exited                    // the program called os.Exit
	OverBudget                // the run went past Options.MaxVirtual
	Stopped                   // Stop was called: an interrupt, a real-time budget
)

// state is what a goroutine is doing.
type state uint8

const (
	running  state = iota // holds the baton (or runs freely on the real clock)
	runnable              // may run; waits for the baton
	waiting               // blocked on a channel, a lock or a select
	sleeping              // in time.Sleep
	external              // in an operation the scheduler cannot see through (I/O, a foreign channel)
	done                  // returned
	stopped               // its program ended: it never runs again
)

// G is one goroutine of the program.
type G struct {
	ID     int    // 1 is a run's main goroutine; the others count up in order of creation
	Parent int    // the goroutine that started it (0: none the program knows)
	Name   string // the function it began in
	Input  int    // the run during which it was started, from 1

	goid   int64
	baton  chan struct{} // receives the baton
	launch func()        // starts its runtime goroutine, the first time it gets the baton (Launch)
	kernel bool          // being started by a timer's action, which holds s.mu
	st     state
	// What it waits on, and since when (ns since the session began).
	reason string
	obj    *Obj
	since  int64
	waits  []*waiter // its entries in wait queues, taken out when it wakes
	// How a channel wait ended: the select case, and what to do.
	chosen  int
	how     handoff
	deliver *G // handDeliver: the receiver whose mailbox to send to
	// One-value channels by element type: what others send to this
	// goroutine (mailbox) and what it left for a receiver (outbox).
	mailbox map[reflect.Type]reflect.Value
	outbox  map[reflect.Type]reflect.Value
	parkOut *Obj // set by PreSend: PostSend waits with the outbox full
	wakeAt  int64
	// Data belongs to the caller (the engine keeps partial output lines here).
	Data any
}

// Live describes a goroutine that has not ended, for reports.
type Live struct {
	G     int
	Name  string
	State string // Go's words: "running", "runnable", "chan receive", "sleep", "sync.Mutex.Lock", ...
	Obj   *Obj   // what it waits on, if anything
	Since int64  // since when, ns since the session began
	Input int
}

// Scheduler runs one program's goroutines. Use New.
type Scheduler struct {
	mu   sync.Mutex
	opts Options
	rng  *rand.Rand

	now       int64     // virtual ns since the session began
	realStart time.Time // the real clock's origin
	runStart  int64     // the clock at the start of the current run
	input     int       // the current run, from 1

	cur     *G // holds the baton; nil when none does
	runq    []*G
	runnext *G
	timers  timerHeap
	seq     uint64

	byGoid map[int64]*G
	live   map[int]*G
	// The goroutines but a run's main (G 1, made again by each run), in
	// the order of their IDs, some of them ended: reports list the live
	// ones in order without sorting a million (see liveLocked).
	order  []*G
	nextID int

	chans   map[unsafe.Pointer]*Obj
	nextObj int

	// The current run.
	active    bool // between BeginRun and the run's end
	final     bool // main's return ends the program (concur run)
	mainDone  bool // main returned: finish the current instant, then end
	over      chan struct{}
	outcome   Outcome
	code      int
	extWaits  int           // goroutines in external operations
	idleWake  chan struct{} // set while the run waits for an external operation
	overState []Live
	pend      sleepRun // sleeps not sent yet
	mainGone  bool     // main called runtime.Goexit
	// Stop waits for stopWho, the goroutine that was running, to park.
	stopWho  *G
	stopHeld chan struct{}
	// The goroutines the last run stopped, for the engine's last words.
	lastStopped []*G
	skipSleeps  bool
	after       afterlife
}

// The afterlife of a whole program. When main returns, Go ends every other
// goroutine with it, whatever it was doing. To tell a goroutine that could
// never have finished (a leak: blocked on a channel nobody will use again)
// from one that was only cut short (it had one more line to run), the
// scheduler lets the others go on after main's return, unseen: they send no
// events, their output goes nowhere, and the program's outcome and time are
// those at main's return. The afterlife ends when no goroutine can run and
// no timer is due within afterTime, after afterSteps hand-offs, or after
// afterReal of real time (a goroutine that never reaches a scheduling
// point); the goroutines still alive then are the program's leaks. A
// goroutine that finished in the afterlife after doing something there
// (sleeping, printing, waiting: anything but returning) was still working
// when main returned: Go cut it short.
type afterlife struct {
	on      bool
	steps   int
	until   int64        // the clock's bound
	endedAt int64        // the clock when main returned
	atEnd   map[int]Live // the goroutines alive at main's return
	acted   map[int]bool // those that did something in the afterlife
	leaked  []Live
	cut     []Live
}

const (
	afterSteps = 100_000
	afterTime  = int64(time.Hour)
	afterReal  = time.Second
)

// Leaked lists the goroutines of the last whole program that could not
// finish after its main returned (see afterlife); nil for an input of a
// session.
func (s *Scheduler) Leaked() []Live {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.after.leaked
}

// LeakedLocked is Leaked for a caller that holds the lock (within Do).
func (s *Scheduler) LeakedLocked() []Live { return s.after.leaked }

// CutLocked lists the goroutines of the last whole program that were still
// working when its main returned, and finished later (see afterlife), as
// they were at main's return. The caller holds the lock (within Do).
func (s *Scheduler) CutLocked() []Live { return s.after.cut }

// ActedLocked notes that goroutine g did something in the afterlife that
// the engine does not show (it wrote output). The caller holds s.mu.
func (s *Scheduler) ActedLocked(g int) {
	if s.after.on && g > 1 {
		s.after.acted[g] = true
	}
}

// QuietLocked reports whether the program is in its afterlife, where what
// it does is not shown. The caller holds s.mu.
func (s *Scheduler) QuietLocked() bool { return s.after.on }

// beginAfterlife lets the goroutines left at main's return run on unseen.
// The caller holds s.mu.
func (s *Scheduler) beginAfterlife() {
	if s.pend.g != nil {
		s.flushSleeps()
	}
	s.after = afterlife{on: true, until: s.now + afterTime, endedAt: s.now, atEnd: map[int]Live{}, acted: map[int]bool{}}
	for _, l := range s.liveLocked() {
		s.after.atEnd[l.G] = l
	}
	run := s.input
	time.AfterFunc(afterReal, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.after.on && s.input == run {
			s.endAfterlife()
		}
	})
	s.cur = nil
	if next := s.next(); next != nil {
		s.handTo(next)
	}
}

// endAfterlife ends the program as it was when main returned: the
// goroutines still alive are its leaks. The caller holds s.mu.
func (s *Scheduler) endAfterlife() {
	s.after.leaked = s.liveLocked()
	for i := range s.after.leaked {
		if l := &s.after.leaked[i]; l.Since > s.after.endedAt {
			l.Since = s.runStart // a wait that began after main's return: not in the program's time
		}
	}
	for _, l := range s.after.atEnd {
		if _, alive := s.live[l.G]; !alive && s.after.acted[l.G] {
			s.after.cut = append(s.after.cut, l)
		}
	}
	slices.SortFunc(s.after.cut, func(a, b Live) int { return a.G - b.G })
	s.after.on = false
	s.now = s.after.endedAt
	s.pend = sleepRun{}
	s.endRun(Returned)
}

// New returns a scheduler.
func New(opts Options) *Scheduler {
	return &Scheduler{
		opts:      opts,
		rng:       rand.New(rand.NewPCG(opts.Seed, 0x636f6e637572)),
		realStart: time.Now(),
		byGoid:    map[int64]*G{},
		live:      map[int]*G{},
		nextID:    2,
		chans:     map[unsafe.Pointer]*Obj{},
		over:      closedChan(),
	}
}

func closedChan() chan struct{} { c := make(chan struct{}); close(c); return c }

// Virtual reports whether the scheduler keeps the virtual clock.
func (s *Scheduler) Virtual() bool { return s.opts.Virtual }

// Seed is the schedule's seed.
func (s *Scheduler) Seed() uint64 { return s.opts.Seed }

// clock is the session's time in ns. The caller holds s.mu.
func (s *Scheduler) clock() int64 {
	if s.opts.Virtual {
		return s.now
	}
	return int64(time.Since(s.realStart))
}

// t is the time of an event: ns since the current run began. The caller
// holds s.mu.
func (s *Scheduler) t() int64 { return s.clock() - s.runStart }

// Now is the time since the session began, on the scheduler's clock.
func (s *Scheduler) Now() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return time.Duration(s.clock())
}

// RunTime is the time since the current run began.
func (s *Scheduler) RunTime() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return time.Duration(s.t())
}

// emit sends an event. The caller holds s.mu.
func (s *Scheduler) emit(e event.Event) {
	if s.after.on {
		if e.Kind != event.End {
			s.ActedLocked(e.G)
		}
		return
	}
	if s.pend.g != nil {
		s.flushSleeps()
	}
	if s.opts.Emit != nil {
		s.opts.Emit(e)
	}
}

// sleepRun is a goroutine's sleeps in a row, nothing else happening in
// between, not yet sent: one sleep event with n stands for them (a loop
// that sleeps a millisecond an hour long is 3.6 million sleeps).
type sleepRun struct {
	g    *G
	t0   int64 // when the first began (run time)
	d    int64 // each one's length
	n    int
	woke bool // the last one has ended
}

// flushSleeps sends the pending sleep run: its sleep event and, if the
// last sleep has ended, its wake. The caller holds s.mu.
func (s *Scheduler) flushSleeps() {
	p := s.pend
	s.pend = sleepRun{}
	if s.opts.Emit == nil {
		return
	}
	e := event.Event{Kind: event.Sleep, T: p.t0, G: p.g.ID, D: p.d}
	if p.n > 1 {
		e.N = p.n
	}
	s.opts.Emit(e)
	if p.woke && !s.opts.Quiet {
		s.opts.Emit(event.Event{Kind: event.Wake, T: p.t0 + int64(p.n)*p.d, G: p.g.ID, Op: "clock"})
	}
}

// Locked runs f with the scheduler locked, given the calling goroutine's G
// and the current event time: the engine emits output events this way, in
// order with the scheduler's own.
func (s *Scheduler) Locked(f func(g *G, t int64)) {
	s.mu.Lock()
	if s.pend.g != nil {
		s.flushSleeps() // f sends events of its own
	}
	g := s.current()
	f(g, s.t())
	s.mu.Unlock()
}

// Emit sends an event stamped with the current time, in order with the
// scheduler's own.
func (s *Scheduler) Emit(e event.Event) {
	s.mu.Lock()
	e.T = s.t()
	s.emit(e)
	s.mu.Unlock()
}

// current returns the calling goroutine's G. A goroutine the scheduler has
// not seen (started by library code) is adopted: on the virtual clock it
// first waits for the baton like any other. The caller holds s.mu.
func (s *Scheduler) current() *G {
	id := goid.Get()
	if g := s.byGoid[id]; g != nil {
		return g
	}
	g := s.newG("?", 0)
	g.goid = id
	s.byGoid[id] = g
	s.emit(event.Event{Kind: event.Go, T: s.t(), G: g.ID, Name: g.Name})
	if s.opts.Virtual {
		s.enqueue(g, woken)
		s.waitBaton(g)
	} else {
		g.st = running
	}
	return g
}

// park holds, for good, a goroutine of a program that is over. The caller
// holds s.mu; park never returns.
func (s *Scheduler) park(g *G) {
	if g == s.stopWho {
		close(s.stopHeld)
		s.stopWho = nil
	}
	s.mu.Unlock()
	select {}
}

// enter is how every hook begins: the calling goroutine's G, locked. A
// goroutine of a program that is over never gets past it.
func (s *Scheduler) enter() *G {
	s.mu.Lock()
	g := s.current()
	if g.st == stopped {
		s.park(g)
	}
	return g
}

func (s *Scheduler) newG(name string, parent int) *G {
	g := &G{ID: s.nextID, Parent: parent, Name: name, Input: s.input, chosen: -1, baton: make(chan struct{}, 1)}
	s.nextID++
	s.live[g.ID] = g
	if len(s.order) >= 2*len(s.live)+64 {
		s.order = slices.DeleteFunc(s.order, func(g *G) bool { return !g.alive() })
	}
	s.order = append(s.order, g)
	return g
}

// alive reports whether g has neither ended nor been stopped with its
// program. The caller holds s.mu.
func (g *G) alive() bool { return g.st != done && g.st != stopped }

// ---- runs ----

// BeginRun starts a run whose main goroutine is the calling goroutine: it
// becomes G 1 and holds the baton. With final, main's return ends the
// program, as in Go; otherwise the goroutines that can still run when main
// returns go on until the current instant is over, then wait, frozen, for
// the next run (the REPL: time passes only while an input runs). The run is
// over when the channel Over returns is closed.
func (s *Scheduler) BeginRun(final bool) *G {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.input++
	s.runStart = s.clock()
	s.active, s.final, s.mainDone, s.mainGone = true, final, false, false
	s.lastStopped = nil
	s.after = afterlife{}
	s.over = make(chan struct{})
	s.outcome, s.code, s.overState = Returned, 0, nil
	g := &G{ID: 1, Name: "main", Input: s.input, chosen: -1, baton: make(chan struct{}, 1)}
	g.goid = goid.Get()
	s.byGoid[g.goid] = g
	s.live[1] = g
	g.st = running
	if s.opts.Virtual {
		s.cur = g
	}
	return g
}

// Over returns a channel that is closed when the current run has ended.
func (s *Scheduler) Over() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.over
}

// Outcome is how the last run ended, the exit status os.Exit gave, and for a
// deadlock, a budget or a stop what was alive then.
func (s *Scheduler) Outcome() (Outcome, int, []Live) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.outcome, s.code, s.overState
}

// endRun ends the current run. For every outcome but Returned the program is
// over, and so is every goroutine of it: they never run again, whether they
// are parked now or reach a scheduling point later. The caller holds s.mu.
func (s *Scheduler) endRun(o Outcome) {
	if !s.active {
		return
	}
	s.active = false
	s.outcome = o
	if o != Returned || s.final {
		if o == Deadlocked || o == OverBudget || o == Stopped {
			s.overState = s.liveLocked()
		}
		s.stopAll()
	}
	s.cur = nil
	if s.idleWake != nil {
		close(s.idleWake)
		s.idleWake = nil
	}
	close(s.over)
}

// stopAll ends every goroutine of the program. The caller holds s.mu.
func (s *Scheduler) stopAll() {
	s.lastStopped = s.lastStopped[:0]
	s.eachLiveLocked(func(g *G) {
		s.lastStopped = append(s.lastStopped, g)
		// A goroutine parked for the baton or a partner stays parked: the
		// tokens it waits for never come, and when it wakes for any other
		// reason it sees it is stopped.
	})
	for _, g := range s.lastStopped {
		g.st = stopped
	}
	clear(s.live)
	s.order = s.order[:0]
	s.runq, s.runnext, s.timers = nil, nil, nil
	s.extWaits = 0
	for _, o := range s.chans {
		o.recvq, o.sendq = nil, nil
	}
}

// EndMain is called by a run's main goroutine when it returns.
func (s *Scheduler) EndMain(g *G) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.active || g.st == stopped {
		return
	}
	s.finish(g)
	if s.final && s.opts.Virtual && s.opts.Afterlife && len(s.live) > 0 {
		s.beginAfterlife()
		return
	}
	if s.final || !s.opts.Virtual {
		s.endRun(Returned)
		return
	}
	s.mainDone = true
	s.cur = nil
	if next := s.next(); next != nil {
		s.handTo(next)
	}
}

// finish marks g ended. The caller holds s.mu.
func (s *Scheduler) finish(g *G) {
	g.st = done
	delete(s.live, g.ID)
	delete(s.byGoid, g.goid)
	s.emit(event.Event{Kind: event.End, T: s.t(), G: g.ID})
}

// Panic ends the program because g panicked and nothing recovered it.
// report runs first, locked, given the event time, to send the panic.
func (s *Scheduler) Panic(g *G, report func(t int64)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if g.st == stopped {
		return
	}
	if !s.active {
		if s.opts.Virtual || len(s.live) == 0 {
			return
		}
		// On the real clock between inputs: the program ends here, as
		// Go's would; the next input runs in the same interpreter.
		report(s.t())
		s.stopAll()
		return
	}
	if s.after.on { // after main's return: in Go the program is over
		g.st = done
		delete(s.live, g.ID)
		s.endAfterlife()
		return
	}
	report(s.t())
	s.endRun(Panicked)
}

// Exit ends the program with status code (os.Exit).
func (s *Scheduler) Exit(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.active {
		return
	}
	if s.after.on {
		s.endAfterlife()
		return
	}
	s.code = code
	s.endRun(Exited)
}

// Stop ends the program from outside (an interrupt, a real-time budget).
// On the virtual clock the returned channel is closed once no goroutine of
// it runs code any more: the one that held the baton has reached a
// scheduling point, where it stays. A goroutine in a loop that never
// reaches one keeps running; only ending the process stops it. On the real
// clock nothing is known and the channel is closed at once.
func (s *Scheduler) Stop() (held <-chan struct{}, running *G) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.active {
		return closedChan(), nil
	}
	busy := s.cur
	if s.after.on {
		s.endAfterlife()
	} else {
		s.endRun(Stopped)
	}
	if busy == nil || !s.opts.Virtual {
		return closedChan(), nil
	}
	s.stopWho, s.stopHeld = busy, make(chan struct{})
	return s.stopHeld, busy
}

// Live lists the goroutines that have not ended, in order.
func (s *Scheduler) Live() []Live {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.liveLocked()
}

func (s *Scheduler) liveLocked() []Live {
	out := make([]Live, 0, len(s.live))
	s.eachLiveLocked(func(g *G) {
		out = append(out, Live{G: g.ID, Name: g.Name, State: g.stateText(), Obj: g.obj, Since: g.since, Input: g.Input})
	})
	return out
}

// eachLiveLocked calls f for each goroutine alive, in the order of their
// IDs. The caller holds s.mu.
func (s *Scheduler) eachLiveLocked(f func(g *G)) {
	if g := s.live[1]; g != nil {
		f(g)
	}
	for _, g := range s.order {
		if g.alive() {
			f(g)
		}
	}
}

// NumGoroutine counts the program's goroutines that have not ended.
func (s *Scheduler) NumGoroutine() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.live)
}

func (g *G) stateText() string {
	switch g.st {
	case running:
		return "running"
	case runnable:
		return "runnable"
	case sleeping:
		return "sleep"
	}
	return g.reason
}

// ---- goroutines ----

// Spawn records a goroutine that the calling goroutine is about to start
// and returns it; the new goroutine calls Enter first.
func (s *Scheduler) Spawn(name string) *G {
	parent := s.enter()
	defer s.mu.Unlock()
	return s.spawn(name, parent)
}

// spawn records a new goroutine started by parent (nil: by a timer). The
// caller holds s.mu.
func (s *Scheduler) spawn(name string, parent *G) *G {
	pid := 0
	if parent != nil {
		pid = parent.ID
	}
	g := s.newG(name, pid)
	s.emit(event.Event{Kind: event.Go, T: s.t(), G: g.ID, Name: name, Parent: pid})
	if !s.opts.Virtual {
		g.st = running
		return g
	}
	// No switch here: the parent has yet to start the goroutine's body
	// (which then calls Enter); a go statement does not yield in Go either.
	s.enqueue(g, spawned)
	return g
}

// Enter binds the calling goroutine to g and waits for its turn.
func (s *Scheduler) Enter(g *G) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g.goid = goid.Get()
	if g.st == stopped {
		s.park(g)
	}
	s.byGoid[g.goid] = g
	if s.opts.Virtual {
		s.waitBaton(g)
	}
}

// Self returns the calling goroutine's G.
func (s *Scheduler) Self() *G {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.current()
}

// Launch runs body on a runtime goroutine of its own as g, which Spawn
// (or a timer) made; body calls Enter first. On the virtual clock the
// runtime goroutine starts only when g first gets the baton: a goroutine
// waiting for its first turn costs no stack, and none that never ran is
// left behind when the program ends.
func (s *Scheduler) Launch(g *G, body func()) {
	if !s.opts.Virtual {
		go body()
		return
	}
	if !g.kernel {
		s.mu.Lock()
		defer s.mu.Unlock()
	}
	if g.st == runnable && s.cur != g {
		g.launch = body
		return
	}
	go body() // it holds the baton already, or its program is over
}

// End records that g returned (or called runtime.Goexit) and lets the next
// goroutine run.
func (s *Scheduler) End(g *G) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if g.st == stopped {
		s.park(g)
	}
	s.finish(g)
	if s.opts.Virtual {
		s.switchAway(g)
	}
}

// Gosched lets another goroutine run (runtime.Gosched).
func (s *Scheduler) Gosched() {
	g := s.enter()
	defer s.mu.Unlock()
	if !s.opts.Virtual {
		s.mu.Unlock()
		runtime.Gosched()
		s.mu.Lock()
		return
	}
	if len(s.runq) == 0 && s.runnext == nil {
		return
	}
	s.enqueue(g, yielded)
	s.switchAway(g)
}

// Point is a scheduling point that does not block, such as a print: a
// seeded schedule may let another goroutine run here.
func (s *Scheduler) Point() {
	if !s.opts.Virtual || s.opts.Seed == 0 {
		s.mu.Lock()
		g := s.current()
		st := g.st
		s.mu.Unlock()
		if st == stopped {
			select {}
		}
		return
	}
	g := s.enter()
	defer s.mu.Unlock()
	s.point(g)
}

// point may switch away from g, which goes on running later. The caller
// holds s.mu.
func (s *Scheduler) point(g *G) {
	if s.opts.Seed == 0 || s.cur != g || (len(s.runq) == 0 && s.runnext == nil) {
		return
	}
	if s.rng.IntN(2) != 0 {
		return
	}
	s.enqueue(g, yielded)
	s.switchAway(g)
}

// ---- the baton ----

// How a goroutine became runnable; the default policy treats each as Go's
// scheduler does.
type how uint8

const (
	spawned how = iota // by a go statement: Go puts it in runnext
	woken              // by another goroutine: runnext too
	yielded            // Gosched or a seeded switch: the back of the queue
)

// enqueue makes g runnable. The caller holds s.mu.
func (s *Scheduler) enqueue(g *G, h how) {
	g.st = runnable
	if s.opts.Seed != 0 || h == yielded {
		s.runq = append(s.runq, g)
		return
	}
	// Go's runqput(next=true): the newest takes runnext and the one it
	// displaces goes to the back of the queue.
	if s.runnext != nil {
		s.runq = append(s.runq, s.runnext)
	}
	s.runnext = g
}

// pick takes the next goroutine to run, or nil. The caller holds s.mu.
func (s *Scheduler) pick() *G {
	if s.opts.Seed != 0 {
		if len(s.runq) == 0 {
			return nil
		}
		i := s.rng.IntN(len(s.runq))
		g := s.runq[i]
		s.runq = slices.Delete(s.runq, i, i+1)
		return g
	}
	if g := s.runnext; g != nil {
		s.runnext = nil
		return g
	}
	if len(s.runq) == 0 {
		return nil
	}
	g := s.runq[0]
	s.runq[0] = nil
	s.runq = s.runq[1:]
	return g
}

// switchAway gives the baton to the next goroutine that can run, moving the
// clock on when none can yet. g, the caller, has stopped running: it waits,
// sleeps, yielded or ended; unless it ended it then waits for the baton
// itself. The caller holds s.mu, and holds it again when switchAway returns.
func (s *Scheduler) switchAway(g *G) {
	if s.cur == g {
		s.cur = nil
	}
	if s.cur == nil {
		if next := s.next(); next != nil {
			s.handTo(next)
		}
	}
	if g.st == done || g.st == stopped {
		return
	}
	s.waitBaton(g)
}

// handTo gives the baton to g. The caller holds s.mu.
func (s *Scheduler) handTo(g *G) {
	s.cur = g
	g.st = running
	g.baton <- struct{}{}
	if l := g.launch; l != nil {
		g.launch = nil
		go l()
	}
}

// waitBaton parks g until it holds the baton. The caller holds s.mu; it is
// held again on return. A goroutine whose program ends while it waits never
// returns.
func (s *Scheduler) waitBaton(g *G) {
	s.mu.Unlock()
	<-g.baton
	s.mu.Lock()
	if g.st == stopped {
		s.park(g)
	}
}

// next chooses the goroutine to run now, firing timers (so moving the clock)
// when none can run yet; nil when the run is over. The caller holds s.mu.
func (s *Scheduler) next() *G {
	if s.after.on {
		if s.after.steps++; s.after.steps > afterSteps {
			s.endAfterlife()
			return nil
		}
	}
	for {
		if g := s.pick(); g != nil {
			return g
		}
		if !s.active {
			return nil
		}
		if s.after.on {
			if len(s.timers) > 0 && s.timers[0].when <= s.after.until && s.extWaits == 0 {
				s.fireTimers()
				continue
			}
			s.endAfterlife()
			return nil
		}
		if s.mainGone && len(s.live) == 0 {
			s.endRun(Deadlocked)
			return nil
		}
		if s.mainDone {
			// Timers due at this instant still fire; later ones wait, with
			// everything else, for the next input.
			if len(s.timers) > 0 && s.timers[0].when <= s.now {
				s.fireTimers()
				continue
			}
			s.endRun(Returned)
			return nil
		}
		if s.extWaits > 0 {
			// Something outside (I/O, a channel the scheduler cannot see)
			// will wake a goroutine: wait for it in real time.
			wake := make(chan struct{})
			s.idleWake = wake
			s.mu.Unlock()
			<-wake
			s.mu.Lock()
			continue
		}
		if len(s.timers) == 0 {
			s.endRun(Deadlocked)
			return nil
		}
		s.fireTimers()
	}
}

// ---- external operations ----

// goExternal lets g do an operation the scheduler cannot see through, such
// as I/O: it gives up the baton (without waiting for it) until Post. The
// caller holds s.mu.
func (s *Scheduler) goExternal(g *G, reason string, o *Obj) {
	s.block(g, reason, o)
	g.st = external
	s.extWaits++
	if s.cur == g {
		s.cur = nil
		// The baton goes on from another goroutine: finding the next one
		// may mean waiting for an external operation to end, and g's own
		// is yet to begin.
		go func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			if s.cur == nil && s.active {
				if next := s.next(); next != nil {
					s.handTo(next)
				}
			}
		}()
	}
}

// External brackets an operation the scheduler cannot see through (reading
// standard input): call it before, and Post after.
func (s *Scheduler) External(reason string) {
	g := s.enter()
	defer s.mu.Unlock()
	if s.opts.Virtual {
		s.goExternal(g, reason, nil)
	}
}

// back is how a goroutine returns from an external operation. The caller
// holds s.mu.
func (s *Scheduler) back(g *G) {
	s.extWaits--
	s.wake(g, nil, nil, "")
	if s.idleWake != nil {
		close(s.idleWake)
		s.idleWake = nil
	}
	s.waitBaton(g)
}

// ---- for the engine ----

// Goid is the Go runtime's id of the goroutine g runs on (0 before Enter).
func (g *G) Goid() int64 { return g.goid }

// SkipSleeps makes sleeps return at once on the real clock (replaying a
// session must not sleep again).
func (s *Scheduler) SkipSleeps(skip bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.skipSleeps = skip
}

// SetBudget bounds the next runs' virtual time (0: none).
func (s *Scheduler) SetBudget(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.MaxVirtual = d
}

// Budget is the runs' virtual-time budget.
func (s *Scheduler) Budget() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opts.MaxVirtual
}

// RunTimeLocked is RunTime for a caller that holds the lock (within Do).
func (s *Scheduler) RunTimeLocked() int64 { return s.t() }

// RunStartLocked is when the current run began, ns since the session began,
// for a caller that holds the lock.
func (s *Scheduler) RunStartLocked() int64 { return s.runStart }

// EachLocked calls f for every goroutine alive and, for a run that ended the
// program, every one it stopped, for a caller that holds the lock.
func (s *Scheduler) EachLocked(f func(g *G)) {
	for _, g := range s.live {
		f(g)
	}
	for _, g := range s.lastStopped {
		f(g)
	}
}

// MainGoexit is called when a run's main goroutine calls runtime.Goexit: as
// in Go, the others go on, and the program ends in a deadlock once none is
// left that can run.
func (s *Scheduler) MainGoexit(g *G) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.active || g.st == stopped {
		return
	}
	s.mainGone = true
	s.finish(g)
	s.cur = nil
	if next := s.next(); next != nil {
		s.handTo(next)
	}
}

// MainWentAway reports whether the last run's main called runtime.Goexit.
func (s *Scheduler) MainWentAway() bool { return s.mainGone }
