package stdlib

import (
	"sync"
	"sync/atomic"

	"github.com/concur-dev/concur/sched"
)

// The sync types a snippet sees. On the virtual clock every wait is the
// scheduler's (package sched): it decides who gets a lock, sees who waits on
// what, and moves the clock when everyone waits. On the real clock they are
// Go's own. The zero value of each is ready to use, as in Go.
//
// Map, Pool and Locker stay Go's: they never wait for long.

// FatalError is the panic value for misuse that Go reports with
// "fatal error:" (a runtime throw that no recover stops), such as unlocking
// an unlocked Mutex. concur cannot throw from a library, so it panics with
// this value and the engine reports it as Go would. Unlike Go, a snippet's
// recover does stop it.
type FatalError = sched.Fatal

// virtual returns the session's scheduler when it keeps the virtual clock,
// else nil.
func virtual() *sched.Scheduler {
	if h := currentHooks(); h != nil {
		if s := h.Sched(); s != nil && s.Virtual() {
			return s
		}
	}
	return nil
}

// A Mutex is sync.Mutex. Waiters get the lock in the order they came.
type Mutex struct {
	v sched.Mutex
	r sync.Mutex
}

// Lock locks m, waiting until it is available.
func (m *Mutex) Lock() {
	if s := virtual(); s != nil {
		s.Lock(&m.v)
		return
	}
	m.r.Lock()
}

// TryLock locks m if it is free and reports whether it did.
func (m *Mutex) TryLock() bool {
	if s := virtual(); s != nil {
		return s.TryLock(&m.v)
	}
	return m.r.TryLock()
}

// Unlock unlocks m; like Go, unlocking an unlocked Mutex is fatal. Any
// goroutine may unlock a locked Mutex.
func (m *Mutex) Unlock() {
	if s := virtual(); s != nil {
		s.Unlock(&m.v)
		return
	}
	m.r.Unlock()
}

// An RWMutex is sync.RWMutex; like Go's, it prefers writers.
type RWMutex struct {
	v sched.RWMutex
	r sync.RWMutex
}

// RLock locks rw for reading. It waits while a writer holds or waits for rw.
func (rw *RWMutex) RLock() {
	if s := virtual(); s != nil {
		s.RLock(&rw.v)
		return
	}
	rw.r.RLock()
}

// TryRLock locks rw for reading if no writer holds or waits for it.
func (rw *RWMutex) TryRLock() bool {
	if s := virtual(); s != nil {
		return s.TryRLock(&rw.v)
	}
	return rw.r.TryRLock()
}

// RUnlock undoes one RLock; like Go, it is fatal if rw is not read-locked.
func (rw *RWMutex) RUnlock() {
	if s := virtual(); s != nil {
		s.RUnlock(&rw.v)
		return
	}
	rw.r.RUnlock()
}

// Lock locks rw for writing, waiting for the readers already in to leave.
func (rw *RWMutex) Lock() {
	if s := virtual(); s != nil {
		s.WLock(&rw.v)
		return
	}
	rw.r.Lock()
}

// TryLock locks rw for writing if it is free.
func (rw *RWMutex) TryLock() bool {
	if s := virtual(); s != nil {
		return s.TryWLock(&rw.v)
	}
	return rw.r.TryLock()
}

// Unlock unlocks rw for writing; like Go, it is fatal if rw is not write-locked.
func (rw *RWMutex) Unlock() {
	if s := virtual(); s != nil {
		s.WUnlock(&rw.v)
		return
	}
	rw.r.Unlock()
}

// RLocker returns a Locker whose Lock and Unlock call rw.RLock and rw.RUnlock.
func (rw *RWMutex) RLocker() sync.Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// A WaitGroup is sync.WaitGroup, with Go 1.25's Go method.
type WaitGroup struct {
	v sched.WaitGroup
	r sync.WaitGroup
}

// Add adds delta to the counter; like Go, a negative counter panics with
// "sync: negative WaitGroup counter".
func (wg *WaitGroup) Add(delta int) {
	if s := virtual(); s != nil {
		s.Add(&wg.v, delta)
		return
	}
	wg.r.Add(delta)
}

// Done decrements the counter by one.
func (wg *WaitGroup) Done() { wg.Add(-1) }

// Wait blocks until the counter is zero.
func (wg *WaitGroup) Wait() {
	if s := virtual(); s != nil {
		s.Wait(&wg.v)
		return
	}
	wg.r.Wait()
}

// Go calls f on a new goroutine of the program and adds that task to the
// WaitGroup.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	run := func() {
		defer wg.Done()
		f()
	}
	if h := currentHooks(); h != nil {
		Go(h, "sync.WaitGroup.Go", run)
		return
	}
	go run()
}

// A Cond is sync.Cond: L is held while observing or changing the condition.
type Cond struct {
	L Locker
	v sched.Cond
	r atomic.Pointer[sync.Cond]
}

// Locker is sync.Locker.
type Locker = sync.Locker

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond { return &Cond{L: l} }

func (c *Cond) real() *sync.Cond {
	if p := c.r.Load(); p != nil {
		return p
	}
	c.r.CompareAndSwap(nil, sync.NewCond(c.L))
	return c.r.Load()
}

// Wait unlocks c.L, waits for a Signal or Broadcast, and locks c.L again.
func (c *Cond) Wait() {
	if s := virtual(); s != nil {
		s.CondWait(&c.v, c.L.Unlock, c.L.Lock)
		return
	}
	c.real().Wait()
}

// Signal wakes one goroutine waiting on c, if there is any.
func (c *Cond) Signal() {
	if s := virtual(); s != nil {
		s.Signal(&c.v)
		return
	}
	c.real().Signal()
}

// Broadcast wakes every goroutine waiting on c.
func (c *Cond) Broadcast() {
	if s := virtual(); s != nil {
		s.Broadcast(&c.v)
		return
	}
	c.real().Broadcast()
}

// Once performs exactly one action, as sync.Once does; goroutines calling Do
// while the action runs wait for it to finish.
type Once struct {
	v sched.Once
	r sync.Once
}

// Do calls f if and only if Do is being called for the first time on o.
func (o *Once) Do(f func()) {
	if s := virtual(); s != nil {
		s.OnceDo(&o.v, f)
		return
	}
	o.r.Do(f)
}

// OnceFunc returns a function that calls f only once, as sync.OnceFunc does:
// if f panics, every call panics with the same value.
// (OnceValue and OnceValues are generic, which yaegi cannot import.)
func OnceFunc(f func()) func() {
	var (
		once  Once
		valid bool
		p     any
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		f()
		f = nil
		valid = true
	}
	return func() {
		once.Do(g)
		if !valid {
			panic(p)
		}
	}
}
