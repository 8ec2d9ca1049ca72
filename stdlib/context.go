package stdlib

import (
	"context"
	"reflect"
	"slices"
	"time"

	"github.com/concur-dev/concur/sched"
)

// The context package a snippet sees. On the real clock it is Go's own. On
// the virtual clock cancellable contexts are concur's: a Done channel is one
// of the program's channels, so a goroutine waiting on it is seen waiting,
// and a deadline is the scheduler's timer, so it fires on the virtual clock.
// Canceled, DeadlineExceeded, Background, TODO, WithValue and WithoutCancel
// stay Go's; concur's contexts satisfy context.Context and work with them.

// cancelCtx is a context that can be cancelled, with or without a deadline.
// Its state changes only while its program's goroutine holds the baton or
// while the scheduler fires a timer, never both at once.
type cancelCtx struct {
	parent   context.Context
	h        Hooks
	done     chan struct{}
	err      error
	cause    error
	deadline time.Time
	timed    bool   // has a deadline of its own
	name     string // for String: "WithCancel"
	children []*cancelCtx
	afters   []*afterCall
	timer    *sched.FuncTimer
}

type afterCall struct{ f func() }

// causeKey is how Cause finds the nearest cancelCtx through Value.
var causeKey = new(int)

func (c *cancelCtx) Deadline() (time.Time, bool) {
	if c.timed {
		return c.deadline, true
	}
	return c.parent.Deadline()
}

func (c *cancelCtx) Done() <-chan struct{} { return c.done }

func (c *cancelCtx) Err() error {
	if c.err == nil {
		return nil
	}
	return c.err
}

func (c *cancelCtx) Value(key any) any {
	if key == causeKey {
		return c
	}
	return c.parent.Value(key)
}

func (c *cancelCtx) String() string {
	if c.timed {
		until := c.deadline.Sub(clock{c.h}.now())
		return contextName(c.parent) + ".WithDeadline(" + c.deadline.String() + " [" + until.String() + "])"
	}
	return contextName(c.parent) + "." + c.name
}

// contextName is what Go's contexts print for a parent.
func contextName(c context.Context) string {
	if s, ok := c.(interface{ String() string }); ok {
		return s.String()
	}
	return reflect.TypeOf(c).String()
}

// cancel cancels c and its children with err (and cause), through k: the
// scheduler's own calls from a goroutine of the program, a timer's Kernel
// from the clock.
func (c *cancelCtx) cancel(detach bool, err, cause error, k canceller) {
	if c.err != nil {
		return
	}
	if cause == nil {
		cause = err
	}
	c.err, c.cause = err, cause
	k.close(c.done)
	for _, child := range c.children {
		child.cancel(false, err, cause, k)
	}
	c.children = nil
	for _, a := range c.afters {
		k.spawn("context.AfterFunc", a.f)
	}
	c.afters = nil
	if c.timer != nil {
		k.stop(c.timer)
	}
	if detach {
		if p, ok := c.parent.Value(causeKey).(*cancelCtx); ok {
			p.children = slices.DeleteFunc(p.children, func(x *cancelCtx) bool { return x == c })
		}
	}
}

// canceller is how a cancellation reaches the scheduler.
type canceller struct {
	close func(any)
	spawn func(name string, f func())
	stop  func(*sched.FuncTimer)
}

// contexts builds the session's context functions.
type contexts struct{ h Hooks }

func (x contexts) virtual() bool { s := x.h.Sched(); return s != nil && s.Virtual() }

// fromProgram cancels from a goroutine of the program.
func (x contexts) fromProgram(c *cancelCtx, detach bool, err, cause error) {
	c.cancel(detach, err, cause, canceller{
		close: x.h.Sched().Close,
		spawn: func(name string, f func()) { Go(x.h, name, f) },
		stop:  func(t *sched.FuncTimer) { t.Stop() },
	})
}

func (x contexts) newCtx(parent context.Context, name string) *cancelCtx {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c := &cancelCtx{parent: parent, h: x.h, done: make(chan struct{}), name: name}
	x.h.Sched().MakeChan(c.done, "ctx.Done()", "")
	switch p := parent.Value(causeKey).(type) {
	case *cancelCtx:
		if p.err != nil {
			x.fromProgram(c, false, p.err, p.cause)
		} else {
			p.children = append(p.children, c)
		}
	default:
		if parent.Done() != nil {
			// A context of Go's own that can be cancelled (made by library
			// code): follow it.
			context.AfterFunc(parent, func() { x.fromProgram(c, true, parent.Err(), context.Cause(parent)) })
		}
	}
	return c
}

func (x contexts) withCancelCause(parent context.Context) (context.Context, context.CancelCauseFunc) {
	c := x.newCtx(parent, "WithCancel")
	return c, func(cause error) { x.fromProgram(c, true, context.Canceled, cause) }
}

func (x contexts) withDeadlineCause(parent context.Context, d time.Time, cause error) (context.Context, context.CancelFunc) {
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		// The parent's deadline comes first: this one would never fire.
		c, cancel := x.withCancelCause(parent)
		return c, func() { cancel(context.Canceled) }
	}
	c := x.newCtx(parent, "WithDeadline")
	c.deadline, c.timed = d, true
	dur := d.Sub(clock{x.h}.now())
	if dur <= 0 {
		x.fromProgram(c, true, context.DeadlineExceeded, cause)
		return c, func() { x.fromProgram(c, true, context.Canceled, nil) }
	}
	if c.err == nil {
		c.timer = x.h.Sched().At(dur, func(k sched.Kernel) {
			c.timer = nil // the one firing
			c.cancel(true, context.DeadlineExceeded, cause, canceller{
				close: k.Close,
				spawn: func(name string, f func()) { k.Spawn(name, func(g *sched.G) { x.h.Start(g, f) }) },
				stop:  k.Stop,
			})
		})
	}
	return c, func() { x.fromProgram(c, true, context.Canceled, nil) }
}

func (x contexts) afterFunc(ctx context.Context, f func()) (stop func() bool) {
	c, ok := ctx.Value(causeKey).(*cancelCtx)
	if !ok || !x.virtual() {
		return context.AfterFunc(ctx, func() { Go(x.h, "context.AfterFunc", f) })
	}
	if c.err != nil {
		Go(x.h, "context.AfterFunc", f)
		return func() bool { return false }
	}
	a := &afterCall{f: f}
	c.afters = append(c.afters, a)
	return func() bool {
		i := slices.Index(c.afters, a)
		if i < 0 {
			return false
		}
		c.afters = slices.Delete(c.afters, i, i+1)
		return true
	}
}

func (x contexts) cause(ctx context.Context) error {
	if c, ok := ctx.Value(causeKey).(*cancelCtx); ok {
		if c.err == nil {
			return nil
		}
		return c.cause
	}
	return context.Cause(ctx)
}

// instrumentContext puts concur's contexts in place of Go's on the virtual
// clock; on the real clock only AfterFunc changes (its goroutine is the
// program's).
func instrumentContext(syms map[string]reflect.Value, h Hooks) {
	if syms == nil {
		return
	}
	x := contexts{h}
	funcs := map[string]any{
		"WithCancel": func(parent context.Context) (context.Context, context.CancelFunc) {
			if !x.virtual() {
				return context.WithCancel(parent)
			}
			c, cancel := x.withCancelCause(parent)
			return c, func() { cancel(nil) }
		},
		"WithCancelCause": func(parent context.Context) (context.Context, context.CancelCauseFunc) {
			if !x.virtual() {
				return context.WithCancelCause(parent)
			}
			return x.withCancelCause(parent)
		},
		"WithDeadline": func(parent context.Context, d time.Time) (context.Context, context.CancelFunc) {
			if !x.virtual() {
				return context.WithDeadline(parent, d)
			}
			return x.withDeadlineCause(parent, d, nil)
		},
		"WithDeadlineCause": func(parent context.Context, d time.Time, cause error) (context.Context, context.CancelFunc) {
			if !x.virtual() {
				return context.WithDeadlineCause(parent, d, cause)
			}
			return x.withDeadlineCause(parent, d, cause)
		},
		"WithTimeout": func(parent context.Context, d time.Duration) (context.Context, context.CancelFunc) {
			if !x.virtual() {
				return context.WithTimeout(parent, d)
			}
			return x.withDeadlineCause(parent, clock{h}.now().Add(d), nil)
		},
		"WithTimeoutCause": func(parent context.Context, d time.Duration, cause error) (context.Context, context.CancelFunc) {
			if !x.virtual() {
				return context.WithTimeoutCause(parent, d, cause)
			}
			return x.withDeadlineCause(parent, clock{h}.now().Add(d), cause)
		},
		"AfterFunc": x.afterFunc,
		"Cause":     x.cause,
	}
	for name, f := range funcs {
		syms[name] = reflect.ValueOf(f)
	}
}
