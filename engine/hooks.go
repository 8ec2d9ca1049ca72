package engine

import (
	"io"
	"os"
	"reflect"
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
		"Spawn":     reflect.ValueOf(s.Spawn),
		"Enter":     reflect.ValueOf(w.enter),
		"Exit":      reflect.ValueOf(w.goroutineExit),
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

// goroutineExit runs when a goroutine of the program returns, calls
// runtime.Goexit, or panics (recovered is then the panic value).
func (w *worker) goroutineExit(g *sched.G, recovered any) {
	if recovered != nil {
		w.die(g, recovered)
		return
	}
	w.s.End(g)
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
	go func() {
		w.enter(g)
		defer func() {
			if r := recover(); r != nil {
				w.die(g, r)
				return
			}
			w.s.End(g)
		}()
		f()
	}()
}

// Exit ends the program with code (os.Exit); the caller never goes on.
func (w *worker) Exit(code int) {
	w.s.Exit(code)
	select {}
}
