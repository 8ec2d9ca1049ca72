package sched

import "slices"

// The program's locks, wait groups, conditions and onces, as the scheduler
// keeps them on the virtual clock. Package stdlib gives snippets types with
// sync's API that call these; each type's zero value is ready to use.

// Fatal is the panic value for misuse that Go reports as a fatal error (a
// runtime throw that nothing recovers), such as unlocking an unlocked mutex.
type Fatal struct{ Msg string }

func (f *Fatal) Error() string { return "fatal error: " + f.Msg }

// Mutex is the state of a sync.Mutex.
type Mutex struct {
	obj    *Obj
	locked bool
	queue  []*G // waiting, in order of arrival
}

func (s *Scheduler) obj(p **Obj, typ string) *Obj {
	if *p == nil {
		*p = s.newObj(typ, "", "")
	}
	return *p
}

// Name gives a lock (or wait group) its variable's name for reports.
func (s *Scheduler) Name(o **Obj, typ, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.obj(o, typ).Name = name
}

// Lock locks m, waiting while another goroutine holds it. Waiters get the
// lock in the order they came.
func (s *Scheduler) Lock(m *Mutex) {
	g := s.enter()
	defer s.mu.Unlock()
	if !m.locked {
		m.locked = true
		s.point(g)
		return
	}
	s.block(g, "sync.Mutex.Lock", s.obj(&m.obj, "sync.Mutex"))
	m.queue = append(m.queue, g)
	s.switchAway(g) // Unlock hands the lock over: it is ours when we run
}

// TryLock locks m if it is free.
func (s *Scheduler) TryLock(m *Mutex) bool {
	g := s.enter()
	defer s.mu.Unlock()
	if m.locked {
		s.point(g)
		return false
	}
	m.locked = true
	return true
}

// Unlock unlocks m, handing it to the first goroutine waiting for it.
func (s *Scheduler) Unlock(m *Mutex) {
	g := s.enter()
	defer s.mu.Unlock()
	if !m.locked {
		panic(&Fatal{Msg: "sync: unlock of unlocked mutex"})
	}
	if len(m.queue) > 0 {
		w := m.queue[0]
		m.queue = slices.Delete(m.queue, 0, 1)
		s.wake(w, g, m.obj, "unlock")
	} else {
		m.locked = false
	}
	s.point(g)
}

// RWMutex is the state of a sync.RWMutex. Like Go's it prefers writers:
// once a writer waits, new readers wait until it is done.
type RWMutex struct {
	obj     *Obj
	readers int
	writer  bool
	writers []*G // waiting to Lock
	readq   []*G // waiting to RLock
}

func (s *Scheduler) RLock(rw *RWMutex) {
	g := s.enter()
	defer s.mu.Unlock()
	if !rw.writer && len(rw.writers) == 0 {
		rw.readers++
		s.point(g)
		return
	}
	s.block(g, "sync.RWMutex.RLock", s.obj(&rw.obj, "sync.RWMutex"))
	rw.readq = append(rw.readq, g)
	s.switchAway(g)
}

func (s *Scheduler) TryRLock(rw *RWMutex) bool {
	s.enter()
	defer s.mu.Unlock()
	if rw.writer || len(rw.writers) > 0 {
		return false
	}
	rw.readers++
	return true
}

func (s *Scheduler) RUnlock(rw *RWMutex) {
	g := s.enter()
	defer s.mu.Unlock()
	if rw.readers <= 0 {
		panic(&Fatal{Msg: "sync: RUnlock of unlocked RWMutex"})
	}
	rw.readers--
	if rw.readers == 0 && len(rw.writers) > 0 {
		w := rw.writers[0]
		rw.writers = slices.Delete(rw.writers, 0, 1)
		rw.writer = true
		s.wake(w, g, rw.obj, "runlock")
	}
	s.point(g)
}

func (s *Scheduler) WLock(rw *RWMutex) {
	g := s.enter()
	defer s.mu.Unlock()
	if !rw.writer && rw.readers == 0 {
		rw.writer = true
		s.point(g)
		return
	}
	s.block(g, "sync.RWMutex.Lock", s.obj(&rw.obj, "sync.RWMutex"))
	rw.writers = append(rw.writers, g)
	s.switchAway(g)
}

func (s *Scheduler) TryWLock(rw *RWMutex) bool {
	s.enter()
	defer s.mu.Unlock()
	if rw.writer || rw.readers > 0 {
		return false
	}
	rw.writer = true
	return true
}

func (s *Scheduler) WUnlock(rw *RWMutex) {
	g := s.enter()
	defer s.mu.Unlock()
	if !rw.writer {
		panic(&Fatal{Msg: "sync: Unlock of unlocked RWMutex"})
	}
	rw.writer = false
	switch {
	case len(rw.readq) > 0:
		// Readers held back by this writer go first, as in Go.
		for _, r := range rw.readq {
			rw.readers++
			s.wake(r, g, rw.obj, "unlock")
		}
		rw.readq = nil
	case len(rw.writers) > 0:
		w := rw.writers[0]
		rw.writers = slices.Delete(rw.writers, 0, 1)
		rw.writer = true
		s.wake(w, g, rw.obj, "unlock")
	}
	s.point(g)
}

// WaitGroup is the state of a sync.WaitGroup.
type WaitGroup struct {
	obj   *Obj
	n     int
	queue []*G
}

// Add adds delta to the counter; at zero every waiter is woken.
func (s *Scheduler) Add(wg *WaitGroup, delta int) {
	g := s.enter()
	defer s.mu.Unlock()
	wg.n += delta
	if wg.n < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if wg.n == 0 {
		op := "done"
		if delta > 0 {
			op = "add"
		}
		for _, w := range wg.queue {
			s.wake(w, g, wg.obj, op)
		}
		wg.queue = nil
	}
	s.point(g)
}

// Wait waits until the counter is zero.
func (s *Scheduler) Wait(wg *WaitGroup) {
	g := s.enter()
	defer s.mu.Unlock()
	if wg.n == 0 {
		s.point(g)
		return
	}
	s.block(g, "sync.WaitGroup.Wait", s.obj(&wg.obj, "sync.WaitGroup"))
	wg.queue = append(wg.queue, g)
	s.switchAway(g)
}

// Cond is the state of a sync.Cond (its lock is the caller's to take).
type Cond struct {
	obj   *Obj
	queue []*G
	// Wait and Type, when set, are what a goroutine waiting on it is said
	// to wait on, and the object's type, in place of sync.Cond's: a
	// library built on a Cond waits where Go's own would (io.Pipe: select).
	Wait, Type string
}

// CondWait waits for a Signal or Broadcast; unlock and lock are the Cond's
// L, called without the scheduler locked.
func (s *Scheduler) CondWait(c *Cond, unlock, lock func()) {
	s.mu.Lock()
	g := s.current()
	s.mu.Unlock()
	if !s.opts.Virtual {
		return
	}
	s.mu.Lock()
	c.queue = append(c.queue, g)
	s.mu.Unlock()
	unlock()
	s.mu.Lock()
	if g.st == stopped {
		s.park(g)
	}
	if slices.Contains(c.queue, g) {
		state, typ := "sync.Cond.Wait", "sync.Cond"
		if c.Wait != "" {
			state, typ = c.Wait, c.Type
		}
		s.block(g, state, s.obj(&c.obj, typ))
		s.switchAway(g)
	}
	s.mu.Unlock()
	lock()
}

// Signal wakes one goroutine waiting on c.
func (s *Scheduler) Signal(c *Cond) {
	g := s.enter()
	defer s.mu.Unlock()
	if len(c.queue) > 0 {
		w := c.queue[0]
		c.queue = slices.Delete(c.queue, 0, 1)
		if w.st == waiting {
			s.wake(w, g, c.obj, "signal")
		}
	}
	s.point(g)
}

// Broadcast wakes every goroutine waiting on c.
func (s *Scheduler) Broadcast(c *Cond) {
	g := s.enter()
	defer s.mu.Unlock()
	for _, w := range c.queue {
		if w.st == waiting {
			s.wake(w, g, c.obj, "broadcast")
		}
	}
	c.queue = nil
	s.point(g)
}

// Once is the state of a sync.Once.
type Once struct {
	obj     *Obj
	done    bool
	running bool
	queue   []*G
}

// OnceDo runs f the first time it is called for o; later callers wait
// until that first call has returned (or panicked).
func (s *Scheduler) OnceDo(o *Once, f func()) {
	g := s.enter()
	if o.done {
		s.mu.Unlock()
		return
	}
	if o.running {
		s.block(g, "sync.Once.Do", s.obj(&o.obj, "sync.Once"))
		o.queue = append(o.queue, g)
		s.switchAway(g)
		s.mu.Unlock()
		return
	}
	o.running = true
	s.mu.Unlock()
	defer func() {
		g := s.enter()
		defer s.mu.Unlock()
		o.done, o.running = true, false
		for _, w := range o.queue {
			s.wake(w, g, o.obj, "once")
		}
		o.queue = nil
	}()
	f()
}
