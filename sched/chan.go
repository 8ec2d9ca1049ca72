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
	elem   reflect.Type
	cap    int
	owned  bool // made by the program (or by concur for it): every operation on it is seen
	closed bool
	// Places in the buffer kept for selects' senders that were told to send
	// (a receiver took a value from a full buffer) and have yet to run.
	reserved int
	recvq    []*waiter
	sendq    []*waiter
	// A timer's channel: the time of a firing nobody has received yet. Go's
	// timer channels (since 1.23) hold it outside the channel, so len and
	// cap are 0 and Stop and Reset take it back.
	pending reflect.Value
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
	idx  int  // the select case, or -1
	send bool // a sender; a plain one (idx -1) has left its value in its outbox
}

// handoff says how a channel wait ended.
type handoff uint8

const (
	handNone    handoff = iota
	handFilled          // a sender filled the receiver's mailbox (or a receiver emptied the sender's outbox)
	handDeliver         // a receiver waits for this select's send: send to deliver's mailbox
	handRetry           // the channel closed: look again
)

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

// box returns g's one-value channel for elements of type elem, from boxes
// (its mailbox or its outbox), made on first use.
func box(boxes *map[reflect.Type]reflect.Value, elem reflect.Type) reflect.Value {
	if *boxes == nil {
		*boxes = map[reflect.Type]reflect.Value{}
	}
	b, ok := (*boxes)[elem]
	if !ok {
		b = reflect.MakeChan(reflect.ChanOf(reflect.BothDir, elem), 1)
		(*boxes)[elem] = b
	}
	return b
}

// point sets the channel variable p points to (a *chan T, *<-chan T or
// *chan<- T) to c; an invalid c sets it to nil.
func point(p reflect.Value, c reflect.Value) {
	v := p.Elem()
	if !c.IsValid() {
		v.SetZero()
		return
	}
	v.Set(c)
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
	o.ch, o.elem, o.cap, o.owned = v, v.Type().Elem(), v.Cap(), true
	s.chans[v.UnsafePointer()] = o
}

// chanObj returns the scheduler's view of channel value v (nil for a nil
// channel). A channel the program did not make through MakeChan is foreign:
// the scheduler cannot see every operation on it. The caller holds s.mu.
func (s *Scheduler) chanObj(v reflect.Value) *Obj {
	if !v.IsValid() || v.IsNil() {
		return nil
	}
	p := v.UnsafePointer()
	if o := s.chans[p]; o != nil {
		return o
	}
	o := s.newObj("chan", "", "")
	o.ch, o.elem, o.cap = v, v.Type().Elem(), v.Cap()
	s.chans[p] = o
	return o
}

// PreSend is called before `c <- v` with &c, once c and v have been
// evaluated. It points c at a channel the send completes on at once: a
// waiting receiver's mailbox, the program's channel when it has room (or is
// closed: the send panics, as Go's does), or, when the send must wait, the
// sender's own outbox. It reports whether PostSend must be called after the
// send: to wait until a receiver has emptied the outbox (or to come back
// from an operation the scheduler does not see).
func (s *Scheduler) PreSend(pc any) (post bool) {
	g := s.enter()
	defer s.mu.Unlock()
	if !s.opts.Virtual {
		return false
	}
	defer func() { post = g.parkOut != nil || g.st == external }()
	// A seeded schedule may switch here, before anything is decided.
	s.point(g)
	p := reflect.ValueOf(pc)
	o := s.chanObj(p.Elem())
	switch {
	case o == nil:
		s.block(g, "chan send (nil chan)", nil)
		s.switchAway(g) // never woken
	case !o.owned:
		s.goExternal(g, "chan send", o)
	case o.closed:
	case len(o.recvq) > 0:
		s.handToReceiver(o.recvq[0], g, p)
	case o.ch.Len()+o.reserved < o.cap:
	default:
		point(p, box(&g.outbox, o.elem))
		g.parkOut = o
	}
	return // post is set by the deferred function
}

// handToReceiver points a sender's channel at the mailbox of the receiver
// waiting as w, and wakes it. The caller holds s.mu.
func (s *Scheduler) handToReceiver(w *waiter, g *G, p reflect.Value) {
	r := w.g
	point(p, box(&r.mailbox, w.obj.elem))
	r.chosen, r.how = w.idx, handFilled
	s.wake(r, g, w.obj, "send")
}

// PostSend is called after a send that PreSend let through: a sender whose
// value went to its outbox waits here until a receiver takes it.
func (s *Scheduler) PostSend() {
	g := s.enter()
	defer s.mu.Unlock()
	if !s.opts.Virtual {
		return
	}
	if g.st == external {
		s.back(g)
		return
	}
	o := g.parkOut
	if o == nil {
		return
	}
	g.parkOut = nil
	g.how = handNone
	s.block(g, "chan send", o)
	s.queue(g, o, -1, true)
	s.switchAway(g)
	if g.how == handRetry {
		// Closed while the value waited: Go's sender panics.
		panic(plainError("send on closed channel"))
	}
}

// PreRecv is called before `<-c` with &c, once c has been evaluated. It
// points c at a channel the receive completes on at once, waiting first if
// nothing can be received yet.
func (s *Scheduler) PreRecv(pc any) {
	g := s.enter()
	defer s.mu.Unlock()
	if !s.opts.Virtual {
		return
	}
	s.point(g)
	p := reflect.ValueOf(pc)
	for {
		o := s.chanObj(p.Elem())
		if o == nil {
			s.block(g, "chan receive (nil chan)", nil)
			s.switchAway(g) // never woken
			continue
		}
		if !o.owned {
			s.externalRecv(g, o, p)
			return
		}
		if s.recvNow(g, o, p) {
			return
		}
		g.how = handNone
		s.block(g, "chan receive", o)
		s.queue(g, o, -1, false)
		s.switchAway(g)
		if g.how == handFilled {
			point(p, box(&g.mailbox, o.elem))
			return
		}
	}
}

// PreRecvOK is PreRecv for a two-value receive that the rewrite turns into
// a one-value one: it reports whether the receive gets a value sent (false:
// the channel is closed and empty). On the real clock the receive happens
// here and the channel is pointed at the value.
func (s *Scheduler) PreRecvOK(pc any) bool {
	if !s.opts.Virtual {
		p := reflect.ValueOf(pc)
		v, ok := p.Elem().Recv()
		if ok {
			mb := reflect.MakeChan(reflect.ChanOf(reflect.BothDir, v.Type()), 1)
			mb.Send(v)
			point(p, mb)
		}
		return ok
	}
	s.PreRecv(pc)
	s.mu.Lock()
	defer s.mu.Unlock()
	c := reflect.ValueOf(pc).Elem()
	if o := s.chanObj(c); o != nil && o.closed && c.Len() == 0 && c.UnsafePointer() == o.ch.UnsafePointer() {
		return false // the program's own channel, closed and empty
	}
	return true
}

// recvNow completes a receive on o at once if it can: it points p at where
// the value is and reports whether it did. A select's sender that waits
// has not sent yet: then the receiver waits for it to deliver (the receiver
// stays blocked until it has). The caller holds s.mu.
func (s *Scheduler) recvNow(g *G, o *Obj, p reflect.Value) bool {
	switch {
	case o.pending.IsValid():
		mb := box(&g.mailbox, o.elem)
		mb.TrySend(o.pending)
		o.pending = reflect.Value{}
		point(p, mb)
		return true
	case o.ch.Len() > 0:
		if len(o.sendq) == 0 {
			point(p, o.ch)
			return true
		}
		// A full buffer with a sender waiting: take the head, and the
		// sender's value goes in at the tail, as Go does.
		w := o.sendq[0]
		mb := box(&g.mailbox, o.elem)
		head, _ := o.ch.TryRecv()
		mb.TrySend(head)
		point(p, mb)
		if w.idx < 0 {
			v, _ := box(&w.g.outbox, o.elem).TryRecv()
			o.ch.TrySend(v)
			w.g.how = handFilled
			s.wake(w.g, g, o, "receive")
		} else {
			// A select's sender: it sends into the buffer when it runs; its
			// place is kept for it.
			o.reserved++
			w.g.chosen, w.g.how, w.g.deliver = w.idx, handDeliver, nil
			s.wake(w.g, g, o, "receive")
		}
		return true
	case o.closed:
		point(p, o.ch)
		return true
	case len(o.sendq) > 0:
		w := o.sendq[0]
		if w.idx < 0 {
			point(p, box(&w.g.outbox, o.elem))
			w.g.how = handFilled
			s.wake(w.g, g, o, "receive")
			return true
		}
		// A select's sender: wake it to send to this goroutine's mailbox,
		// and wait until it has.
		w.g.chosen, w.g.how, w.g.deliver = w.idx, handDeliver, g
		s.wake(w.g, g, o, "receive")
		g.how = handNone
		s.block(g, "chan receive", o)
		s.switchAway(g)
		point(p, box(&g.mailbox, o.elem))
		return true
	}
	return false
}

// externalRecv receives from a channel the scheduler cannot see through:
// the goroutine gives up the baton while it waits in the Go runtime. The
// caller holds s.mu, and holds it again, with the baton, on return.
func (s *Scheduler) externalRecv(g *G, o *Obj, p reflect.Value) {
	s.goExternal(g, "chan receive", o)
	s.mu.Unlock()
	v, ok := o.ch.Recv()
	s.mu.Lock()
	if g.st == stopped {
		s.park(g)
	}
	if ok {
		mb := box(&g.mailbox, o.elem)
		mb.TrySend(v)
		point(p, mb)
	} // closed: receive from it, as it is
	s.back(g)
}

// Post is called at the start of every select case's body, and after an
// External operation: a goroutine back from an operation the scheduler did
// not see through waits here for the baton.
func (s *Scheduler) Post() {
	g := s.enter()
	defer s.mu.Unlock()
	if s.opts.Virtual && g.st == external {
		s.back(g)
	}
}

// Close closes c, as close(c) does (and panics as it does), and wakes
// whoever waits on it.
func (s *Scheduler) Close(c any) {
	g := s.enter()
	defer s.mu.Unlock()
	s.close(c, g)
	if s.opts.Virtual {
		s.point(g)
	}
}

// close closes c for by (nil: the clock, a context's deadline). The caller
// holds s.mu.
func (s *Scheduler) close(c any, by *G) {
	v := reflect.ValueOf(c)
	if !v.IsValid() || v.Kind() != reflect.Chan {
		panic("close of non-channel")
	}
	if v.IsNil() {
		panic(plainError("close of nil channel"))
	}
	o := s.chanObj(v)
	if o.closed {
		panic(plainError("close of closed channel"))
	}
	v.Close()
	o.closed = true
	if !s.opts.Virtual {
		return
	}
	// Every waiter looks again: receivers find the channel closed, senders
	// panic, as in Go.
	ws := append(append([]*waiter{}, o.recvq...), o.sendq...)
	for _, w := range ws {
		if w.g.st == waiting {
			w.g.how = handRetry
			s.wake(w.g, by, o, "close")
		}
	}
}

// plainError is the runtime's kind of panic value for channel misuse: its
// message reads as Go's own ("close of closed channel").
type plainError string

func (e plainError) Error() string { return string(e) }
func (e plainError) RuntimeError() {}

// Select is called before a select statement, once its channels (and the
// values to send) have been evaluated, with one flag a case in sends (true
// for a send) and a pointer to the case's channel in chans. It points the
// channel of the case to take at a channel on which that case completes at
// once, and every other one at nil; with none to take and a default case,
// all at nil. The real select then does what the scheduler chose. On the
// real clock, and for a select on a channel the scheduler cannot see
// through, it leaves them all as they are, for the Go runtime to choose.
func (s *Scheduler) Select(hasDefault bool, sends []bool, chans ...any) {
	g := s.enter()
	defer s.mu.Unlock()
	if !s.opts.Virtual {
		return
	}
	s.point(g)
	ps := make([]reflect.Value, len(chans))
	objs := make([]*Obj, len(chans))
	for i, c := range chans {
		ps[i] = reflect.ValueOf(c)
		objs[i] = s.chanObj(ps[i].Elem())
		if objs[i] != nil && !objs[i].owned {
			s.goExternal(g, "select", objs[i])
			return
		}
	}
	only := func(k int) {
		for i, p := range ps {
			if i != k {
				point(p, reflect.Value{})
			}
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
			case !sends[k]:
				s.recvNow(g, o, ps[k])
			case !o.closed && len(o.recvq) > 0:
				s.handToReceiver(o.recvq[0], g, ps[k])
			}
			only(k)
			return
		}
		if hasDefault {
			only(-1)
			return
		}
		reason := "select"
		var first *Obj
		for _, o := range objs {
			if o != nil {
				first = o
				break
			}
		}
		if first == nil {
			reason = "select (no cases)"
		}
		g.how, g.chosen, g.deliver = handNone, -1, nil
		s.block(g, reason, first)
		for i, o := range objs {
			if o != nil {
				s.queue(g, o, i, sends[i])
			}
		}
		s.switchAway(g)
		switch g.how {
		case handFilled: // a sender filled the mailbox
			k := g.chosen
			point(ps[k], box(&g.mailbox, objs[k].elem))
			only(k)
			return
		case handDeliver: // a receiver waits for this case's value
			k := g.chosen
			if r := g.deliver; r != nil {
				point(ps[k], box(&r.mailbox, objs[k].elem))
				r.how = handFilled
				s.wake(r, g, objs[k], "send")
			} else {
				objs[k].reserved-- // the buffer's place kept for it
			}
			g.deliver = nil
			only(k)
			return
		}
		// Closed: look again.
	}
}

// ready reports whether a send (or receive) on o can complete at once. The
// caller holds s.mu.
func (s *Scheduler) ready(o *Obj, send bool) bool {
	if o.closed {
		return true
	}
	if send {
		return len(o.recvq) > 0 || o.ch.Len()+o.reserved < o.cap
	}
	return o.ch.Len() > 0 || len(o.sendq) > 0 || o.pending.IsValid()
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
