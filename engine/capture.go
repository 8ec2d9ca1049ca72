package engine

import (
	"bytes"
	"fmt"

	"github.com/concur-dev/concur/internal/lazyregexp"
	"github.com/concur-dev/concur/rewrite"
	"github.com/concur-dev/concur/sched"
)

// gdata is what the engine keeps for each goroutine (sched.G.Data).
type gdata struct {
	partial  [2][]byte // stdout, stderr: what it wrote since its last newline
	partialT [2]int64  // when it last wrote to that partial line
	frames   []string  // the interpreter's panic frames, innermost first
	// The last explicit panic call of this goroutine: where, and its value.
	panicAt   string
	panicFile string // the input panicAt is in ("" for the goroutine's own)
	panicVal  any
	ended     bool // Done ended it (see goroutineDone)
}

// data returns g's gdata. The scheduler is locked, or g is the caller.
func data(g *sched.G) *gdata {
	d, ok := g.Data.(*gdata)
	if !ok {
		d = &gdata{}
		g.Data = d
	}
	return d
}

const (
	stdout = 0
	stderr = 1
)

var streamNames = [2]string{"stdout", "stderr"}

// write captures output of the calling goroutine on one stream: one output
// event per line, in write order. A goroutine's line written in pieces is
// one event when no other goroutine writes to the stream before its
// newline; when one does, the line is torn in Go's output too, and the
// piece written so far is an event of its own, marked More. A print is a
// scheduling point.
func (w *worker) write(stream int, p []byte) {
	w.s.Point()
	w.s.Locked(func(g *sched.G, t int64) {
		if w.s.QuietLocked() {
			w.s.ActedLocked(g.ID) // after main's return: the program is over
			return
		}
		d := data(g)
		if o := w.partialOwner[stream]; o != nil && o != g {
			if od, ok := o.Data.(*gdata); ok && len(od.partial[stream]) > 0 {
				w.emitOutput(od.partialT[stream], o.ID, stream, od.partial[stream], true)
				od.partial[stream] = od.partial[stream][:0]
			}
		}
		w.partialOwner[stream] = nil
		for {
			i := bytes.IndexByte(p, '\n')
			if i < 0 {
				break
			}
			line := p[:i]
			if buf := d.partial[stream]; len(buf) > 0 {
				line = append(buf, line...)
				d.partial[stream] = buf[:0]
			}
			w.emitOutput(t, g.ID, stream, line, false)
			p = p[i+1:]
		}
		if len(p) > 0 {
			d.partial[stream] = append(d.partial[stream], p...)
			d.partialT[stream] = t
		}
		if len(d.partial[stream]) > 0 {
			w.partialOwner[stream] = g
		}
	})
}

// showPieces emits, as pieces (More), the lines left in the middle on each
// stream: before the program waits for input, so that a prompt written
// without a newline is seen. The scheduler is locked.
func (w *worker) showPieces() {
	for s, o := range w.partialOwner {
		if o == nil {
			continue
		}
		if d, ok := o.Data.(*gdata); ok && len(d.partial[s]) > 0 {
			w.emitOutput(d.partialT[s], o.ID, s, d.partial[s], true)
			d.partial[s] = d.partial[s][:0]
		}
	}
	w.partialOwner = [2]*sched.G{}
}

// flushPartials emits the line each stream was left in the middle of, at the
// end of a run, stamped with its last write. A goroutine that ends without a
// newline leaves its line to whoever writes next, as in Go's output. The
// scheduler is locked.
func (w *worker) flushPartials() {
	for s, o := range w.partialOwner {
		if o == nil {
			continue
		}
		if d, ok := o.Data.(*gdata); ok && len(d.partial[s]) > 0 {
			w.emitOutput(d.partialT[s], o.ID, s, d.partial[s], false)
			d.partial[s] = d.partial[s][:0]
		}
	}
	w.partialOwner = [2]*sched.G{}
}

// framePattern matches the line the interpreter prints for each frame a
// panic unwinds: "prog.go:7:10: panic: main.worker(...)".
var framePattern = lazyregexp.New(`^(?:(.*?\d+:\d+): )?panic: (.*)\(\.\.\.\)\n?$`)

// writeInterpStderr takes what the interpreter writes to its own stderr:
// panic frames are kept for the report, the rest (print, println) is output.
func (w *worker) writeInterpStderr(p []byte) {
	if m := framePattern.FindSubmatch(p); m != nil {
		w.s.Locked(func(g *sched.G, _ int64) {
			d := data(g)
			frame := rewrite.Demangle(string(m[2])) // the learner's func main is renamed (see rewrite)
			if rewrite.HelperFrame(frame) {
				return // a function of the rewrite's, which Go's traceback would not show
			}
			if len(m[1]) > 0 {
				frame += " " + string(m[1])
			}
			d.frames = append(d.frames, frame)
		})
		return
	}
	w.write(stderr, p)
}

// Frame adds the frame of a function that defers calls to the calling
// goroutine's traceback (stdlib.FrameHooks): the interpreter does not
// print it once concur runs the function's deferred calls.
func (w *worker) Frame(name string) {
	w.s.Locked(func(g *sched.G, _ int64) {
		d := data(g)
		d.frames = append(d.frames, name)
	})
}

// panicAt records where the calling goroutine is about to panic with v:
// line and column in file, the input (or file) whose code it is
// (rewritten code calls it just before each panic call).
func (w *worker) panicAt(line, col int, v any, file string) {
	w.s.Locked(func(g *sched.G, _ int64) {
		d := data(g)
		d.panicAt, d.panicVal, d.panicFile = fmt.Sprintf("%d:%d", line, col), unwrap(v), file
	})
}

// samePanic reports whether a and b are the same panic value; values that
// cannot be compared are not the same.
func samePanic(a, b any) (same bool) {
	defer func() {
		if recover() != nil {
			same = false
		}
	}()
	return a == b
}
