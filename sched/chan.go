package sched

import (
	"reflect"
	"slices"

	"github.com/concur-dev/concur/event"
)

// Obj is a channel, a lock or a wait group as the scheduler sees it.
type Obj struct {
	ID   int
	Type string // "chan", "sync.Mutex", "sync.RWMutex", "sync.WaitGroup", "sync.Cond", "sync.Once", "timer"
	Name string // the variable it was made for, when the program says ("jobs", "c.mu")
	At   string // where it was made ("3:9"), when known

	announced bool

	// Channels.
	ch     reflect.Value
	cap    int
	owned  bool // made by the program (or by concur for it): every operation on it is seen
	closed bool
	recvq  []*waiter
	sendq  []*waiter
}

// Label is how reports name the object: its name and where it was made,
// else its type and number.
func (o *Obj) Label() string {
	if o == nil {
		return ""
	}
	switch {
	case o.Name != "" && o.At != "":
		return o.Name + " (made at " + o.At + ")"
	case o.Name != "":
		return o.Name
	}
	return o.Type + " #" + itoa(o.ID)
}

// waiter is a goroutine's place in a channel's queue.
type waiter struct {
	g    *G
	obj  *Obj
	idx  int // the select case, or -1
	send bool
}

// announce sends the object event the first time an object is named in the
// stream. The caller holds s.mu.
func (s *Scheduler) announce(o *Obj, by *G) {
	if o == nil || o.announced || s.opts.Quiet {
		return
	}
	o.announced = true
	g := 0
	if by != nil {
		g = by.ID
	}
	s.emit(event.Event{Kind: event.Object, T: s.t(), G: g, Obj: o.ID, Type: o.Type, Name: o.Name, At: o.At, Cap: o.cap})
}

func (s *Scheduler) newObj(typ, name, at string) *Obj {
	s.nextObj++
	return &Obj{ID: s.nextObj, Type: typ, Name: name, At: at}
}

// block records that g starts to wait. The caller holds s.mu.
func (s *Scheduler) block(g *G, reason string, o *Obj) {
	g.st = waiting
	g.reason, g.obj, g.since = reason, o, s.clock()
	if s.opts.Quiet {
		return
	}
	s.announce(o, g)
	e := event.Event{Kind: event.Block, T: s.t(), G: g.ID, Reason: reason}
	if o != nil {
		e.Obj = o.ID
	}
	s.emit(e)
}

// wake makes g runnable because by (nil: the clock) did op on o. The caller
// holds s.mu.
func (s *Scheduler) wake(g *G, by *G, o *Obj, op string) {
	s.unqueue(g)
	if !s.opts.Quiet {
		e := event.Event{Kind: event.Wake, T: s.t(), G: g.ID, Op: op}
		if by != nil {
			e.By = by.ID
		}
		if o != nil {
			s.announce(o, by)
			e.Obj = o.ID
		}
		s.emit(e)
	}
	g.reason, g.obj = "", nil
	if s.opts.Virtual {
		s.enqueue(g, woken)
	}
}

// unqueue takes g out of every wait queue it is in. The caller holds s.mu.
func (s *Scheduler) unqueue(g *G) {
	for _, w := range g.waits {
		if w.send {
			w.obj.sendq = slices.DeleteFunc(w.obj.sendq, func(x *waiter) bool { return x == w })
		} else {
			w.obj.recvq = slices.DeleteFunc(w.obj.recvq, func(x *waiter) bool { return x == w })
		}
	}
	g.waits = g.waits[:0]
}

// queue puts g in o's queue for a send or a receive (case idx of a select,
// or -1). The caller holds s.mu.
func (s *Scheduler) queue(g *G, o *Obj, idx int, send bool) {
	w := &waiter{g: g, obj: o, idx: idx, send: send}
	if send {
		o.sendq = append(o.sendq, w)
	} else {
		o.recvq = append(o.recvq, w)
	}
	g.waits = append(g.waits, w)
}

// pair wakes the goroutine waiting as w to do its operation at once, as the
// partner of g's. g then waits, in Post, until the partner's operation is
// done. The caller holds s.mu.
func (s *Scheduler) pair(w *waiter, g *G, op string) {
	p := w.g
	s.wake(p, g, w.obj, op)
	p.chosen = w.idx
	p.paired = true
	p.ackTo = g
	g.acks++
	p.go_ <- struct{}{}
}

// ---- channels ----

// MakeChan registers a channel the program made: every operation on it goes
// through the scheduler. name and at say which variable it was made for and
// where, when the rewrite knows.
func (s *Scheduler) MakeChan(c any, name, at string) {
	v := reflect.ValueOf(c)
	if !v.IsValid() || v.Kind() != reflect.Chan || v.IsNil() {
		return
	}
	s.enter()
	defer s.mu.Unlock()
	// The object event goes out when the stream first names the channel:
	// one nobody waits on costs nothing there.
	o := s.newObj("chan", name, at)
	o.ch, o.cap, o.owned = v, v.Cap(), true
	s.chans[v.UnsafePointer()] = o
}

// chanObj returns the scheduler's view of channel c (nil for a nil
// channel). A channel the program did not make through MakeChan is foreign:
// the scheduler cannot see every operation on it. The caller holds s.mu.
func (s *Scheduler) chanObj(c any) *Obj {
	v := reflect.ValueOf(c)
	if !v.IsValid() || v.IsNil() {
		return nil
	}
	p := v.UnsafePointer()
	if o := s.chans[p]; o != nil {
		return o
	}
	o := s.newObj("chan", "", "")
	o.ch, o.cap = v, v.Cap()
	s.chans[p] = o
	return o
}

// PreSend is called before `c <- v`, once c and v have been evaluated. It
// returns when the send can complete at once (or will panic: c is closed).
func (s *Scheduler) PreSend(c any) {
	g := s.enter()
	defer s.mu.Unlock()
	if !s.opts.Virtual {
		return
	}
	for {
		o := s.chanObj(c)
		if o == nil {
			s.block(g, "chan send (nil chan)", nil)
			s.switchAway(g)
			continue
		}
		if !o.owned {
			s.goExternal(g, "chan send", o)
			return
		}
		if o.closed {
			return
		}
		if len(o.recvq) > 0 {
			s.pair(o.recvq[0], g, "send")
			return
		}
		if o.ch.Len() < o.cap {
			s.point(g)
			return
		}
		s.block(g, "chan send", o)
		s.queue(g, o, -1, true)
		s.switchAway(g)
		if g.paired {
			return
		}
	}
}

// PreRecv is called before `<-c`, once c has been evaluated. It returns when
// the receive can complete at once.
func (s *Scheduler) PreRecv(c any) {
	g := s.enter()
	defer s.mu.Unlock()
	if !s.opts.Virtual {
		return
	}
	for {
		o := s.chanObj(c)
		if o == nil {
			s.block(g, "chan receive (nil chan)", nil)
			s.switchAway(g)
			continue
		}
		if !o.owned {
			s.goExternal(g, "chan receive", o)
			return
		}
		if o.ch.Len() > 0 || o.closed || len(o.sendq) > 0 {
			if len(o.sendq) > 0 {
				// A full buffer's sender, or an unbuffered channel's: it
				// puts its value in once this receive has taken one.
				s.pair(o.sendq[0], g, "receive")
			} else {
				s.point(g)
			}
			return
		}
		s.block(g, "chan receive", o)
		s.queue(g, o, -1, false)
		s.switchAway(g)
		if g.paired {
			return
		}
	}
}

// Post is called after every channel operation and select that a Pre hook
// or Select let through, and after an External operation: it waits until
// the goroutine may run again, and lets a partner that paired with it go on.
func (s *Scheduler) Post() {
	g := s.enter()
	defer s.mu.Unlock()
	if !s.opts.Virtual {
		return
	}
	if g.st == external {
		s.back(g)
		return
	}
	if p := g.ackTo; p != nil {
		g.ackTo = nil
		p.ack <- struct{}{}
	}
	if g.paired {
		// Woken by a partner, this goroutine did its operation without the
		// baton; it runs on when the scheduler gives it the baton.
		g.paired = false
		g.chosen = -1
		if s.cur != g {
			s.waitBaton(g)
		}
	}
	for ; g.acks > 0; g.acks-- {
		s.mu.Unlock()
		<-g.ack
		s.mu.Lock()
	}
}

// Close closes c, as close(c) does (and panics as it does), and wakes
// whoever waits on it.
func (s *Scheduler) Close(c any) {
	g := s.enter()
	defer s.mu.Unlock()
	v := reflect.ValueOf(c)
	if !v.IsValid() || v.Kind() != reflect.Chan {
		panic("close of non-channel")
	}
	if v.IsNil() {
		panic(plainError("close of nil channel"))
	}
	o := s.chanObj(c)
	if o.closed {
		panic(plainError("close of closed channel"))
	}
	v.Close()
	o.closed = true
	if !s.opts.Virtual {
		return
	}
	// Every waiter tries again: receivers find the channel closed, senders
	// panic, as in Go.
	ws := append(append([]*waiter{}, o.recvq...), o.sendq...)
	for _, w := range ws {
		if w.g.st == waiting {
			s.wake(w.g, g, o, "close")
		}
	}
	s.point(g)
}

// plainError is the runtime's kind of panic value for channel misuse: its
// message reads as Go's own ("close of closed channel").
type plainError string

func (e plainError) Error() string { return string(e) }
func (e plainError) RuntimeError() {}

// Select is called before a select statement, once its channels (and the
// values to send) have been evaluated, with one flag a case in sends (true
// for a send) and the case's channel in chans. It returns the case to take:
// the rewritten select then leaves only that case's channel live, so the
// real select completes at once. -1 takes the default case; -2 (the real
// clock, or a select on a channel the scheduler cannot see through) leaves
// every case live for the runtime to choose, as a plain select does.
func (s *Scheduler) Select(hasDefault bool, sends []bool, chans ...any) int {
	g := s.enter()
	defer s.mu.Unlock()
	if !s.opts.Virtual {
		return -2
	}
	objs := make([]*Obj, len(chans))
	for i, c := range chans {
		objs[i] = s.chanObj(c)
		if objs[i] != nil && !objs[i].owned {
			s.goExternal(g, "select", objs[i])
			return -2
		}
	}
	for {
		var ready []int
		for i, o := range objs {
			if o != nil && s.ready(o, sends[i]) {
				ready = append(ready, i)
			}
		}
		if len(ready) > 0 {
			k := ready[s.rng.IntN(len(ready))]
			o := objs[k]
			switch {
			case sends[k] && !o.closed && len(o.recvq) > 0:
				s.pair(o.recvq[0], g, "send")
			case !sends[k] && len(o.sendq) > 0:
				s.pair(o.sendq[0], g, "receive")
			default:
				s.point(g)
			}
			return k
		}
		if hasDefault {
			s.point(g)
			return -1
		}
		reason := "select"
		if len(chans) == 0 || !slices.ContainsFunc(objs, func(o *Obj) bool { return o != nil }) {
			reason = "select (no cases)"
		}
		var first *Obj
		for _, o := range objs {
			if o != nil {
				first = o
				break
			}
		}
		s.block(g, reason, first)
		for i, o := range objs {
			if o != nil {
				s.queue(g, o, i, sends[i])
			}
		}
		s.switchAway(g)
		if g.paired {
			return g.chosen
		}
	}
}

// ready reports whether a send (or receive) on o can complete at once. The
// caller holds s.mu.
func (s *Scheduler) ready(o *Obj, send bool) bool {
	if o.closed {
		return true
	}
	if send {
		return len(o.recvq) > 0 || o.ch.Len() < o.cap
	}
	return o.ch.Len() > 0 || len(o.sendq) > 0
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
