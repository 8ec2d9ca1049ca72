package engine

import (
	"io"
	"os"
	"reflect"
	"runtime"
	"time"

	"github.com/traefik/yaegi/interp"

	"github.com/concur-dev/concur/rewrite"
	"github.com/concur-dev/concur/sched"
)

// hookExports is the package "concur/rt" that rewritten code calls (see
// package rewrite): goroutine starts and ends, channel operations, and the
// builtins the interpreter lacks.
func (w *worker) hookExports() interp.Exports {
	s := w.s
	return interp.Exports{"concur/rt/rt": {
		"Go":        reflect.ValueOf(w.goLiteral),
		"GoCall":    reflect.ValueOf(w.goCall),
		"Done":      reflect.ValueOf(w.goroutineDone),
		"Clear":     reflect.ValueOf(clearValue),
		"At":        reflect.ValueOf(w.panicAt),
		"Mk":        reflect.ValueOf(func(c any, name, at string) any { s.MakeChan(c, name, at); return c }),
		"PreSend":   reflect.ValueOf(s.PreSend),
		"PostSend":  reflect.ValueOf(s.PostSend),
		"PreRecv":   reflect.ValueOf(s.PreRecv),
		"PreRecvOK": reflect.ValueOf(s.PreRecvOK),
		"Post":      reflect.ValueOf(s.Post),
		"Point":     reflect.ValueOf(s.Point),
		"Close":     reflect.ValueOf(s.Close),
		"Select":    reflect.ValueOf(s.Select),

		"RangeDone": reflect.ValueOf(rewrite.RangeDone),
		"Show":      rewrite.ShowValue,
	}, ".": {"MapTypes": reflect.ValueOf(map[reflect.Value][]reflect.Type{rewrite.ShowValue: rewrite.ShowInterfaces})}}
}

// enter starts the body of a goroutine of the program: it waits for its turn.
func (w *worker) enter(g *sched.G) {
	w.s.Enter(g)
	w.sendIdentity(g)
}

// sendIdentity tells the terminal side which runtime goroutine g is, and
// during which run it started: if the Go runtime kills the worker, its last
// words name a runtime goroutine, and the session must know whose it was.
// A replay sends them too: a goroutine a replayed input started may be the
// one that kills the worker later.
func (w *worker) sendIdentity(g *sched.G) {
	l := w.link
	l.mu.Lock()
	defer l.mu.Unlock()
	l.enc.identity(g.Goid(), g.ID, g.Input)
	l.dirty = true
	if w.opts.Clock == "real" {
		// A fatal error can end the worker within milliseconds.
		l.enc.flush()
		l.dirty = false
	}
}

// goLiteral starts a goroutine of the program, named name, whose body is
// the learner's function literal f (see package rewrite).
func (w *worker) goLiteral(name string, f func()) { w.startGo(name, f, false) }

// goCall starts a goroutine of the program, named name, that runs f, the
// closure the rewrite wraps any other go statement's call in. Its frame is
// no frame of the learner's: a panic's traceback leaves it out.
func (w *worker) goCall(name string, f func()) { w.startGo(name, f, true) }

func (w *worker) startGo(name string, f func(), wrapped bool) {
	g := w.s.Spawn(name)
	w.s.Launch(g, func() {
		growStack()
		w.enter(g)
		defer func() {
			if r := recover(); r != nil {
				d := data(g)
				if n := len(d.frames); wrapped && n > 0 && !abortHandler(r) {
					d.frames = d.frames[:n-1]
				}
				w.die(g, r)
				return
			}
			if !data(g).ended {
				w.s.End(g) // Done saw it panicking, and the panic was recovered
			}
		}()
		f()
	})
}

// goroutineDone is the last deferred call of a goroutine's function (see
// package rewrite): unless it is panicking, the goroutine ends here, before
// the interpreter's bookkeeping after the call, which may have to wait for
// another goroutine.
func (w *worker) goroutineDone() {
	if panicking() {
		return
	}
	g := w.s.Self()
	data(g).ended = true
	w.s.End(g)
}

// panicking reports whether the calling goroutine runs deferred calls
// because of a panic: runtime.gopanic is among its callers. (A panic the
// interpreter's deferred calls recovered still counts.) Called from
// goroutineDone, gopanic is the fifth caller (the interpreter's deferred
// call, through reflect), whatever the goroutine deferred: eight frames
// are looked at, not more, since each costs (it was a tenth of the time
// of 100 k goroutines that sleep and print), and each is compared with
// gopanic's addresses, not looked up (runtime.FuncForPC was most of it).
func panicking() bool {
	var pcs [8]uintptr
	n := runtime.Callers(2, pcs[:])
	for _, pc := range pcs[:n] {
		if gopanicCode.start < pc && pc <= gopanicCode.end {
			return true
		}
	}
	return false
}

// gopanicCode is runtime.gopanic's machine code, [start, end).
var gopanicCode = func() (code struct{ start, end uintptr }) {
	code.start = gopanicEntry
	// The first address past it: FuncForPC(start+k) is gopanic for every
	// k up to its size, which is well under a megabyte.
	lo, hi := uintptr(1), uintptr(1<<20)
	for lo < hi {
		mid := lo + (hi-lo)/2
		if f := runtime.FuncForPC(code.start + mid); f != nil && f.Entry() == code.start {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	code.end = code.start + lo
	return code
}()

// gopanicEntry is where runtime.gopanic begins, found by panicking once.
var gopanicEntry = func() (entry uintptr) {
	defer func() {
		recover()
		var pcs [16]uintptr
		n := runtime.Callers(1, pcs[:])
		for _, pc := range pcs[:n] {
			if f := runtime.FuncForPC(pc - 1); f != nil && f.Name() == "runtime.gopanic" {
				entry = f.Entry()
			}
		}
	}()
	panic("finding runtime.gopanic")
}()

// abortHandler reports whether a panic value is net/http's ErrAbortHandler,
// whose frames the interpreter does not print.
func abortHandler(v any) bool {
	err, ok := unwrap(v).(error)
	return ok && err.Error() == "net/http: abort Handler"
}

// clearValue is Go 1.21's clear builtin for maps and slices.
func clearValue(x any) {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Map, reflect.Slice:
		v.Clear()
	}
}

// The worker is the stdlib's Hooks.

func (w *worker) Stdout() io.Writer       { return writerFunc(func(p []byte) { w.write(stdout, p) }) }
func (w *worker) Stderr() io.Writer       { return writerFunc(func(p []byte) { w.write(stderr, p) }) }
func (w *worker) Sched() *sched.Scheduler { return w.s }
func (w *worker) Epoch() time.Time        { return Epoch }
func (w *worker) RandSeed() uint64        { return w.opts.RandSeed }

// Stdin is the program's os.Stdin: the worker's own standard input, which
// Options.Stdin gives it (otherwise it reads as empty). A read is an
// operation the scheduler cannot see through: the others run on meanwhile,
// and the virtual clock waits for it.
func (w *worker) Stdin() io.Reader {
	return readerFunc(func(p []byte) (int, error) {
		w.s.Locked(func(*sched.G, int64) { w.showPieces() })
		w.s.External("IO wait")
		defer w.s.Post()
		return os.Stdin.Read(p)
	})
}

type readerFunc func(p []byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }

// Start runs f as the goroutine g of the program.
func (w *worker) Start(g *sched.G, f func()) {
	w.s.Launch(g, func() {
		growStack()
		w.enter(g)
		defer func() {
			if r := recover(); r != nil {
				w.die(g, r)
				return
			}
			w.s.End(g)
		}()
		f()
	})
}

// Exit ends the program with code (os.Exit); the caller never goes on.
func (w *worker) Exit(code int) {
	w.s.Exit(code)
	select {}
}

// growStack makes the calling goroutine's stack the 8 KB that interpreted
// code needs at once, while it is shallow: a stack grows by copying, and
// growing it from the runtime's 2 KB through 4 KB under the interpreter's
// frames took a third of the time of starting 100,000 goroutines.
//
//go:noinline
func growStack() {
	var pad [6 << 10]byte
	touch(pad[:])
}

//go:noinline
func touch(b []byte) { b[0] = 1 }
