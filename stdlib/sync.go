package stdlib

import (
	"sync"
	"sync/atomic"
)

// The sync types a snippet sees. Inside a synctest bubble time advances only
// when every goroutine is durably blocked, and a goroutine blocked in
// sync.Mutex.Lock is not: two goroutines doing
//
//	mu.Lock(); time.Sleep(time.Second); mu.Unlock()
//
// would stop the virtual clock for good. These types block only on channel
// operations, which are durable because each channel is made lazily, inside
// the bubble, by the first goroutine to need it. The zero value of each type
// is ready to use, as in Go; laziness uses compare-and-swap, never a lock.
//
// Cond, Map, Pool and Locker stay native: Cond.Wait is durable and works with
// these locks through the Locker interface; Map and Pool never block for long.

// FatalError is the panic value for misuse that Go reports with
// "fatal error:" (a runtime throw that no recover stops), such as unlocking
// an unlocked Mutex. concur cannot throw from a library, so it panics with
// this value; the engine can recognise it with errors.As and report it as
// Go would. Unlike Go, a snippet's recover does stop it.
type FatalError struct {
	Msg string // Go's message, e.g. "sync: unlock of unlocked mutex"
}

func (e *FatalError) Error() string { return "fatal error: " + e.Msg }

func fatal(msg string) { panic(&FatalError{Msg: msg}) }

// A Mutex is a mutual exclusion lock with sync.Mutex's API that blocks
// durably inside a synctest bubble. Waiters are served in FIFO order.
type Mutex struct {
	sem atomic.Pointer[chan struct{}] // cap 1; holds a token while locked
}

func (m *Mutex) ch() chan struct{} {
	if p := m.sem.Load(); p != nil {
		return *p
	}
	c := make(chan struct{}, 1)
	if m.sem.CompareAndSwap(nil, &c) {
		return c
	}
	return *m.sem.Load()
}

// Lock locks m, waiting until it is available.
func (m *Mutex) Lock() { m.ch() <- struct{}{} }

// TryLock locks m if it is free and reports whether it did.
func (m *Mutex) TryLock() bool {
	select {
	case m.ch() <- struct{}{}:
		return true
	default:
		return false
	}
}

// Unlock unlocks m; like Go, unlocking an unlocked Mutex is fatal. Any
// goroutine may unlock a locked Mutex.
func (m *Mutex) Unlock() {
	select {
	case <-m.ch():
	default:
		fatal("sync: unlock of unlocked mutex")
	}
}

const rwmutexMaxReaders = 1 << 30

// An RWMutex is a reader/writer mutual exclusion lock with sync.RWMutex's API
// that blocks durably inside a synctest bubble. Like Go's, it prefers
// writers: once a writer waits in Lock, new readers wait until it is done.
// The algorithm is Go's own, with channels as semaphores.
type RWMutex struct {
	w           Mutex        // held by the writer, and by a writer waiting for readers
	readerCount atomic.Int32 // readers holding or waiting; minus rwmutexMaxReaders while a writer is in
	readerWait  atomic.Int32 // readers the waiting writer still waits for
	sems        atomic.Pointer[rwSems]
}

type rwSems struct {
	// reader is released once per reader a writer held back. A chan
	// struct{} has no buffer memory, so its huge capacity costs nothing and
	// releasing never blocks.
	reader chan struct{}
	writer chan struct{} // released when the last reader leaves for a waiting writer
}

func (rw *RWMutex) sem() *rwSems {
	if s := rw.sems.Load(); s != nil {
		return s
	}
	s := &rwSems{reader: make(chan struct{}, rwmutexMaxReaders), writer: make(chan struct{}, 1)}
	if rw.sems.CompareAndSwap(nil, s) {
		return s
	}
	return rw.sems.Load()
}

// RLock locks rw for reading. It waits while a writer holds or waits for rw.
func (rw *RWMutex) RLock() {
	if rw.readerCount.Add(1) < 0 {
		<-rw.sem().reader // a writer is pending
	}
}

// TryRLock locks rw for reading if no writer holds or waits for it, and reports whether it did.
func (rw *RWMutex) TryRLock() bool {
	for {
		c := rw.readerCount.Load()
		if c < 0 {
			return false
		}
		if rw.readerCount.CompareAndSwap(c, c+1) {
			return true
		}
	}
}

// RUnlock undoes one RLock; like Go, it is fatal if rw is not read-locked.
func (rw *RWMutex) RUnlock() {
	r := rw.readerCount.Add(-1)
	if r >= 0 {
		return
	}
	if r+1 == 0 || r+1 == -rwmutexMaxReaders {
		fatal("sync: RUnlock of unlocked RWMutex")
	}
	if rw.readerWait.Add(-1) == 0 {
		rw.sem().writer <- struct{}{} // the last reader lets the writer in
	}
}

// Lock locks rw for writing, waiting for the readers already in to leave.
func (rw *RWMutex) Lock() {
	rw.w.Lock()
	// Announce the writer, then wait for the readers that were in.
	r := rw.readerCount.Add(-rwmutexMaxReaders) + rwmutexMaxReaders
	if r != 0 && rw.readerWait.Add(r) != 0 {
		<-rw.sem().writer
	}
}

// TryLock locks rw for writing if it is free, and reports whether it did.
func (rw *RWMutex) TryLock() bool {
	if !rw.w.TryLock() {
		return false
	}
	if !rw.readerCount.CompareAndSwap(0, -rwmutexMaxReaders) {
		rw.w.Unlock()
		return false
	}
	return true
}

// Unlock unlocks rw for writing; like Go, it is fatal if rw is not write-locked.
func (rw *RWMutex) Unlock() {
	r := rw.readerCount.Add(rwmutexMaxReaders)
	if r >= rwmutexMaxReaders {
		rw.readerCount.Add(-rwmutexMaxReaders) // undo, so a recovered snippet sees rw unchanged
		fatal("sync: Unlock of unlocked RWMutex")
	}
	s := rw.sem()
	for range r {
		s.reader <- struct{}{} // let in the readers held back
	}
	rw.w.Unlock()
}

// RLocker returns a Locker whose Lock and Unlock call rw.RLock and rw.RUnlock.
func (rw *RWMutex) RLocker() sync.Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// Once performs exactly one action, as sync.Once does; goroutines calling Do
// while the action runs (even if it sleeps) wait durably for it to finish.
type Once struct {
	done atomic.Bool
	m    Mutex
}

// Do calls f if and only if Do is being called for the first time on o.
func (o *Once) Do(f func()) {
	if o.done.Load() {
		return
	}
	o.m.Lock()
	defer o.m.Unlock()
	if !o.done.Load() {
		defer o.done.Store(true)
		f()
	}
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

// A WaitGroup is a sync.WaitGroup (durable in a bubble once Add ran there)
// whose Go method starts its goroutine through the session's Hooks, so the
// engine sees it.
type WaitGroup struct {
	wg sync.WaitGroup
}

// Add adds delta to the counter; like Go, a negative counter panics with
// "sync: negative WaitGroup counter".
func (wg *WaitGroup) Add(delta int) { wg.wg.Add(delta) }

// Done decrements the counter by one.
func (wg *WaitGroup) Done() { wg.wg.Done() }

// Wait blocks until the counter is zero.
func (wg *WaitGroup) Wait() { wg.wg.Wait() }

// Go calls f on a new goroutine, started by Hooks.Go, and adds that task to
// the WaitGroup, as Go 1.25's sync.WaitGroup.Go does.
func (wg *WaitGroup) Go(f func()) {
	wg.wg.Add(1)
	run := func() {
		defer wg.wg.Done()
		f()
	}
	if h := currentHooks(); h != nil {
		h.Go("sync.WaitGroup.Go", run)
		return
	}
	go run()
}
