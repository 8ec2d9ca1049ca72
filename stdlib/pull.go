package stdlib

import (
	"reflect"
	"sync"
)

// iter.Pull and iter.Pull2 (generic/iter.go wraps these for each type). Go
// runs the iterator on a coroutine: a goroutine of its own that only ever
// runs while its caller waits, and the other way round. concur does the
// same with a goroutine of the program (named iter.Pull) and two of its
// Conds, so on the virtual clock the scheduler sees every hand-over: a
// goroutine waiting for the other side waits on "coroutine", as Go's do,
// and a deadlock names it. The goroutine is started by Pull (so
// runtime.NumGoroutine counts it from there, as Go's) and calls the
// iterator at the first next; stop before any next ends it without
// calling the iterator. A caller that never calls stop (nor pulls to the
// end) leaves it waiting for ever, in Go as here: concur reports it among
// the goroutines that never finished when the program returns.

// pull is the state that next, stop and yield share; mu guards it.
type pull struct {
	mu       sync.Mutex // Go's: held only between hand-overs
	toSeq    *Cond      // the iterator's goroutine waits here for its turn
	toCaller *Cond      // the caller waits here for its turn
	seqTurn  bool       // the iterator's goroutine is to run

	done      bool // stop was called or the iterator returned
	yieldNext bool // a next waits for a value
	v, w      any  // the last value yielded (Pull2: the pair)
	ok        bool
	panicked  bool // the iterator panicked with pv
	pv        any
}

func newPull(h Hooks, seq func(p *pull)) *pull {
	p := &pull{}
	p.toSeq, p.toCaller = NewCond(&p.mu), NewCond(&p.mu)
	p.toSeq.v.Wait, p.toSeq.v.Type = "coroutine", "iter.Pull"
	p.toCaller.v.Wait, p.toCaller.v.Type = "coroutine", "iter.Pull"
	body := func() {
		p.mu.Lock()
		for !p.seqTurn {
			p.toSeq.Wait()
		}
		if p.done { // stopped before the first next
			p.handBack()
			return
		}
		p.mu.Unlock()
		finished := false
		defer func() {
			r := recover()
			p.mu.Lock()
			if !finished && r != nil {
				p.panicked, p.pv = true, recoveredValue(r)
			}
			p.done, p.v, p.w, p.ok = true, nil, nil, false
			p.handBack()
		}()
		seq(p)
		finished = true
	}
	if h != nil {
		Go(h, "iter.Pull", body)
	} else {
		go body()
	}
	return p
}

// handBack gives the turn to the caller; p.mu is held and is unlocked.
func (p *pull) handBack() {
	p.seqTurn = false
	p.toCaller.Signal()
	p.mu.Unlock()
}

// switchToSeq gives the turn to the iterator's goroutine and waits for it
// back, p.mu held.
func (p *pull) switchToSeq() {
	p.seqTurn = true
	p.toSeq.Signal()
	for p.seqTurn {
		p.toCaller.Wait()
	}
}

// yield is the iterator's yield: it hands v (and w) to the waiting next
// and waits for the next call of next or stop.
func (p *pull) yield(v, w any) bool {
	p.mu.Lock()
	if p.done {
		p.mu.Unlock()
		return false
	}
	if !p.yieldNext {
		p.mu.Unlock()
		panic("iter.Pull: yield called again before next")
	}
	p.yieldNext = false
	p.v, p.w, p.ok = v, w, true
	p.seqTurn = false
	p.toCaller.Signal()
	for !p.seqTurn {
		p.toSeq.Wait()
	}
	done := p.done
	p.mu.Unlock()
	return !done
}

// next runs the iterator to its next value: false once it has returned or
// been stopped; the iterator's panic goes on in the caller.
func (p *pull) next() (v, w any, ok bool) {
	p.mu.Lock()
	if p.done {
		p.mu.Unlock()
		return nil, nil, false
	}
	if p.yieldNext {
		p.mu.Unlock()
		panic("iter.Pull: next called again reentrantly")
	}
	p.yieldNext = true
	p.switchToSeq()
	panicked, pv := p.panicked, p.pv
	p.panicked, p.pv = false, nil
	v, w, ok = p.v, p.w, p.ok
	p.mu.Unlock()
	if panicked {
		panic(pv)
	}
	return v, w, ok
}

// stop ends the iterator: a yield it waits in returns false, and stop
// waits for it to return. Later calls do nothing.
func (p *pull) stop() {
	p.mu.Lock()
	if p.done {
		p.mu.Unlock()
		return
	}
	p.done = true
	p.switchToSeq()
	panicked, pv := p.panicked, p.pv
	p.panicked, p.pv = false, nil
	p.mu.Unlock()
	if panicked {
		panic(pv)
	}
}

// pullSeq is iter.Pull and iter.Pull2 for seq, an iter.Seq or iter.Seq2
// of any types: it calls seq by reflection with a yield of seq's own
// yield type, and returns next as a function of Go's type for it
// (func() (V, bool), func() (K, V, bool)), for generic/iter.go to assert.
// (An interpreted closure of a generic function in between loses values
// of interface types: yaegi v0.16.1 called no yield for Seq[any].)
func pullSeq(seq any) (next any, stop func()) {
	sv := reflect.ValueOf(seq)
	yt := sv.Type().In(0)
	pair := yt.NumIn() == 2
	p := newPull(currentHooks(), func(p *pull) {
		yield := reflect.MakeFunc(yt, func(in []reflect.Value) []reflect.Value {
			var w any
			if pair {
				w = in[1].Interface()
			}
			return []reflect.Value{reflect.ValueOf(p.yield(in[0].Interface(), w))}
		})
		sv.Call([]reflect.Value{yield})
	})
	outs := make([]reflect.Type, 0, 3)
	for i := range yt.NumIn() {
		outs = append(outs, yt.In(i))
	}
	outs = append(outs, reflect.TypeFor[bool]())
	nt := reflect.FuncOf(nil, outs, false)
	value := func(x any, t reflect.Type) reflect.Value {
		if x == nil {
			return reflect.Zero(t)
		}
		return reflect.ValueOf(x).Convert(t)
	}
	nf := reflect.MakeFunc(nt, func([]reflect.Value) []reflect.Value {
		v, w, ok := p.next()
		res := []reflect.Value{value(v, outs[0])}
		if pair {
			res = append(res, value(w, outs[1]))
		}
		return append(res, reflect.ValueOf(ok))
	})
	return nf.Interface(), p.stop
}
