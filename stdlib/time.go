package stdlib

import (
	"reflect"
	"time"

	"github.com/concur-dev/concur/sched"
)

// The time a snippet sees. On the virtual clock it is the scheduler's:
// time.Now is Hooks.Epoch plus the virtual time elapsed, in UTC; sleeps and
// timers are entries in the scheduler's heap, so nothing waits in real time
// and a waiting goroutine is seen for what it waits on. On the real clock
// it is Go's own, with sleeps recorded.
//
// A Timer's or Ticker's channel is as Go's since 1.23: unbuffered to the
// program (len and cap 0), the firing held by the timer until it is
// received, so Stop and Reset discard it and Stop reports true.

// A Timer is time.Timer: a single event, sent on C (or a function run, for
// AfterFunc's).
type Timer struct {
	C  <-chan time.Time
	vt *sched.ChanTimer
	ft *sched.FuncTimer
	rt *time.Timer
}

// Stop prevents the Timer from firing; it reports whether it stopped it.
func (t *Timer) Stop() bool {
	switch {
	case t.vt != nil:
		return t.vt.Stop()
	case t.ft != nil:
		return t.ft.Stop()
	case t.rt != nil:
		return t.rt.Stop()
	}
	panic("time: Stop called on uninitialized Timer")
}

// Reset changes the timer to expire after d; it reports whether the timer
// had been active.
func (t *Timer) Reset(d time.Duration) bool {
	switch {
	case t.vt != nil:
		return t.vt.Reset(d, 0)
	case t.ft != nil:
		return t.ft.Reset(d)
	case t.rt != nil:
		return t.rt.Reset(d)
	}
	panic("time: Reset called on uninitialized Timer")
}

// A Ticker is time.Ticker: it sends the time on C every period, dropping a
// tick its reader is not ready for.
type Ticker struct {
	C  <-chan time.Time
	vt *sched.ChanTimer
	rt *time.Ticker
}

// Stop turns off the ticker.
func (t *Ticker) Stop() {
	switch {
	case t.vt != nil:
		t.vt.Stop()
	case t.rt != nil:
		t.rt.Stop()
	}
}

// Reset stops the ticker and resets its period to d.
func (t *Ticker) Reset(d time.Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	switch {
	case t.vt != nil:
		t.vt.Reset(d, d)
	case t.rt != nil:
		t.rt.Reset(d)
	default:
		panic("time: Reset called on uninitialized Ticker")
	}
}

// clock is the session's time functions.
type clock struct{ h Hooks }

func (c clock) now() time.Time {
	if s := c.h.Sched(); s != nil && s.Virtual() {
		return c.h.Epoch().Add(s.Now())
	}
	return time.Now()
}

func (c clock) newTimer(d time.Duration, name string) *Timer {
	s := c.h.Sched()
	if !s.Virtual() {
		rt := time.NewTimer(d)
		return &Timer{C: rt.C, rt: rt}
	}
	ch := make(chan time.Time)
	return &Timer{C: ch, vt: s.NewChanTimer(ch, d, 0, c.h.Epoch(), name)}
}

func (c clock) newTicker(d time.Duration, name string) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	s := c.h.Sched()
	if !s.Virtual() {
		rt := time.NewTicker(d)
		return &Ticker{C: rt.C, rt: rt}
	}
	ch := make(chan time.Time)
	return &Ticker{C: ch, vt: s.NewChanTimer(ch, d, d, c.h.Epoch(), name)}
}

func (c clock) afterFunc(d time.Duration, f func()) *Timer {
	s := c.h.Sched()
	if !s.Virtual() {
		return &Timer{rt: time.AfterFunc(d, func() { Go(c.h, "time.AfterFunc", f) })}
	}
	return &Timer{ft: s.At(d, func(k sched.Kernel) {
		k.Spawn("time.AfterFunc", func(g *sched.G) { c.h.Start(g, f) })
	})}
}

// instrumentTime puts the session's clock in place of Go's.
func instrumentTime(syms map[string]reflect.Value, h Hooks) {
	if syms == nil {
		return
	}
	c := clock{h}
	funcs := map[string]any{
		"Sleep": func(d time.Duration) { h.Sched().Sleep(d) },
		"Now":   c.now,
		"Since": func(t time.Time) time.Duration { return c.now().Sub(t) },
		"Until": func(t time.Time) time.Duration { return t.Sub(c.now()) },
		"After": func(d time.Duration) <-chan time.Time { return c.newTimer(d, "time.After").C },
		"Tick": func(d time.Duration) <-chan time.Time {
			if d <= 0 {
				return nil
			}
			return c.newTicker(d, "time.Tick").C
		},
		"NewTimer":  func(d time.Duration) *Timer { return c.newTimer(d, "time.NewTimer") },
		"NewTicker": func(d time.Duration) *Ticker { return c.newTicker(d, "time.NewTicker") },
		"AfterFunc": c.afterFunc,
	}
	for name, f := range funcs {
		syms[name] = reflect.ValueOf(f)
	}
	syms["Timer"] = reflect.ValueOf((*Timer)(nil))
	syms["Ticker"] = reflect.ValueOf((*Ticker)(nil))
}
