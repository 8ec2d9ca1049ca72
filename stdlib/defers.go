package stdlib

import (
	"runtime"
	"strings"
	"sync"

	"github.com/petermattis/goid"

	"github.com/concur-dev/concur/sched"
)

// Deferred calls, panics while panicking, and recover, as Go has them.
// yaegi v0.16.1 runs a function's deferred calls in a loop inside one Go
// deferred function: when one of them panics, the loop stops there (the
// calls deferred before it never run) and only the last panic is left, so
// the runtime's chain (panic: first [recovered], then a tab and the next)
// is lost. The rewrite (rewrite/gostmt.go) gives every function that defers
// a *Defers, made when it is called, and runs each deferred call through
// it:
//
//	__d := Defers(); defer __d.End()
//	...
//	defer func() { __d.Run(recover(), func() { CALL }) }()
//
// recover in the literals takes over the panic the interpreter is
// unwinding; Run calls CALL in compiled code that recovers whatever it
// panics with, so the interpreter's loop goes on to the next deferred call,
// and keeps the goroutine's chain of panics; End, deferred first and so
// run last, goes on panicking with the latest panic nothing recovered.
// The program's recover (Recovered) answers from the chain: the latest
// panic, once, when it is called by the deferred function itself (counted
// on the Go stack: CALL's frame inside the one Run calls).

// Defers is the state of one call of a function that defers calls.
type Defers struct {
	gs    *gPanics
	level int    // how many deferred calls were running when the call began
	frame string // the function's frame in a traceback ("main.f"), or ""
}

// FrameHooks is implemented by Hooks that keep a panic's traceback: End
// names the frame of a function whose panic Run took over, which the
// interpreter then does not print.
type FrameHooks interface {
	Frame(name string)
}

// panicRec is one panic of a goroutine's chain.
type panicRec struct {
	v          any
	text       string // Go's text for v, taken when the panic was first seen
	level      int    // the Defers level of the function it went through first
	recovered  bool
	repanicked bool // recovered, then panicked with again (Go 1.23's mark)
}

// runCtx is one deferred call that Run is running.
type runCtx struct {
	d         *Defers
	depth     int  // how many interpreted calls down the deferred function is
	recovered bool // a recover in it stopped a panic
}

// gPanics is a goroutine's deferred calls being run and its chain.
type gPanics struct {
	id    int64
	runs  []*runCtx
	chain []*panicRec
	refs  int // the *Defers whose End has not run
}

var goroutinePanics struct {
	sync.Mutex
	by map[int64]*gPanics
}

// panicsOf returns the calling goroutine's state; make creates it.
func panicsOf(make bool) *gPanics {
	id := goid.Get()
	goroutinePanics.Lock()
	defer goroutinePanics.Unlock()
	gs := goroutinePanics.by[id]
	if gs == nil && make {
		if goroutinePanics.by == nil {
			goroutinePanics.by = map[int64]*gPanics{}
		}
		gs = &gPanics{id: id}
		goroutinePanics.by[id] = gs
	}
	return gs
}

// forget drops a goroutine's state once nothing is left in it.
func (gs *gPanics) forget() {
	if gs.refs > 0 || len(gs.runs) > 0 || len(gs.chain) > 0 {
		return
	}
	goroutinePanics.Lock()
	delete(goroutinePanics.by, gs.id)
	goroutinePanics.Unlock()
}

// NewDefers is called by a function that defers calls, when it begins.
func NewDefers(frame string) *Defers {
	gs := panicsOf(true)
	gs.refs++
	return &Defers{gs: gs, level: len(gs.runs), frame: frame}
}

// seen notes that the panic v is going through a function of level: the
// one the chain's latest panic still is, or that one recovered and raised
// again, or a new one.
func (gs *gPanics) seen(v any, level int) {
	v = recoveredValue(v)
	if n := len(gs.chain); n > 0 {
		top := gs.chain[n-1]
		switch {
		case top.recovered && samePanic(top.v, v):
			// Recovered, and panicked with again in the deferred call
			// that recovered it: Go 1.23 prints it once, marked so.
			top.recovered, top.repanicked = false, true
			return
		case !top.recovered && top.level >= level && samePanic(top.v, v):
			return // the same panic, going on
		}
	}
	text, ok := PanicText(v)
	if !ok {
		text = PanicValueText(v)
	}
	gs.chain = append(gs.chain, &panicRec{v: v, text: text, level: level})
}

// panicking returns the latest panic going through the functions of level
// and deeper that nothing recovered, or nil.
func (gs *gPanics) panicking(level int) *panicRec {
	if n := len(gs.chain); n > 0 {
		if top := gs.chain[n-1]; !top.recovered && top.level >= level {
			return top
		}
	}
	return nil
}

// Run runs one deferred call of d's function, call calling it; v is what
// recover said in the literal that calls Run (the panic the function is
// unwinding, the first time).
func (d *Defers) Run(v any, call func()) { d.run(v, call, 2) }

// RunBody is Run for a deferred function literal, body being its body.
func (d *Defers) RunBody(v any, body func()) { d.run(v, body, 1) }

// run runs a deferred call; recover works in the function depth
// interpreted calls down from it.
//
//go:noinline
func (d *Defers) run(v any, call func(), depth int) {
	gs := d.gs
	if v != nil {
		if _, fatal := unwrapValue(v).(*sched.Fatal); fatal {
			panic(v)
		}
		gs.seen(v, d.level)
	}
	rc := &runCtx{d: d, depth: depth}
	gs.runs = append(gs.runs, rc)
	defer func() {
		gs.runs = gs.runs[:len(gs.runs)-1]
		if r := recover(); r != nil {
			if _, fatal := unwrapValue(r).(*sched.Fatal); fatal {
				panic(r) // a fatal error runs no more deferred calls
			}
			gs.seen(r, d.level+1)
			return
		}
		if rc.recovered {
			// The panics going through d's function are over.
			i := len(gs.chain)
			for i > 0 && gs.chain[i-1].level >= d.level {
				i--
			}
			gs.chain = gs.chain[:i]
			gs.forget()
		}
	}()
	call()
}

// End is d's function's last deferred call: it goes on with the panic
// nothing recovered, if there is one. (A panic no Run took over is still
// the interpreter's, which goes on with it after End.)
func (d *Defers) End() {
	gs := d.gs
	gs.refs--
	if p := gs.panicking(d.level); p != nil {
		if h, ok := currentHooks().(FrameHooks); ok && d.frame != "" {
			h.Frame(d.frame)
		}
		panic(p.v)
	}
	gs.forget()
}

// recoverPanic is recover for a program whose deferred calls Run runs: ok
// is false when the calling goroutine is in none (the interpreter's own
// answer stands).
func recoverPanic() (v any, ok bool) {
	gs := panicsOf(false)
	if gs == nil || len(gs.runs) == 0 {
		return nil, false
	}
	rc := gs.runs[len(gs.runs)-1]
	if !calledByDeferred(rc.depth) {
		return nil, true
	}
	p := gs.panicking(rc.d.level)
	if p == nil {
		return nil, true
	}
	p.recovered, p.repanicked, rc.recovered = true, false, true
	return p.v, true
}

const (
	runCfgName = "github.com/traefik/yaegi/interp.runCfg"
	runName    = "github.com/concur-dev/concur/stdlib.(*Defers).run"
)

// calledByDeferred reports whether recover was called by the deferred
// function itself: between run and recover, the interpreter ran depth
// functions (Run: the literal it calls and the deferred function that
// calls; RunBody: the body).
func calledByDeferred(depth int) bool {
	var pcs [256]uintptr
	n := runtime.Callers(3, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	interpreted := 0
	for {
		f, more := frames.Next()
		switch {
		case f.Function == runCfgName:
			interpreted++
		case f.Function == runName:
			return interpreted == depth
		}
		if !more || interpreted > depth {
			return false
		}
	}
}

// PanicChain says how Go begins its report of the panic v that ends the
// calling goroutine: the panics before it in the goroutine's chain, each
// "panic: TEXT" with its marks, and the mark of v's own line
// (" [recovered, repanicked]" or ""). It forgets the chain.
func PanicChain(v any) (before []string, mark string) {
	gs := panicsOf(false)
	if gs == nil {
		return nil, ""
	}
	chain := gs.chain
	gs.chain, gs.runs, gs.refs = nil, nil, 0
	gs.forget()
	v = recoveredValue(v)
	if n := len(chain); n > 0 && samePanic(chain[n-1].v, v) {
		if chain[n-1].repanicked {
			mark = " [recovered, repanicked]"
		}
		chain = chain[:n-1]
	}
	for _, p := range chain {
		line := "panic: " + p.text
		switch {
		case p.repanicked:
			line += " [recovered, repanicked]"
		case p.recovered:
			line += " [recovered]"
		}
		before = append(before, line)
	}
	return before, mark
}

// ChainText joins what PanicChain returned to the last panic's line.
func ChainText(before []string, last string) string {
	if len(before) == 0 {
		return last
	}
	return strings.Join(before, "\n\t") + "\n\t" + last
}
