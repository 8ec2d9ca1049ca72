package engine

import (
	"fmt"
	"strings"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/sched"
	"github.com/concur-dev/concur/stdlib"
)

// report turns the scheduler's list of live goroutines into the event's:
// what each waits on and since when (ns on the run's clock, negative when
// the wait began in an earlier run). A long list is grouped: goroutines
// that began in the same function and wait alike are one entry with a
// count. The scheduler is locked.
func (w *worker) report(live []sched.Live) []event.Goroutine {
	start := w.s.RunStartLocked()
	var out []event.Goroutine
	group := len(live) > 32
	for _, l := range live {
		g := event.Goroutine{G: l.G, Name: l.Name, State: l.State}
		if l.Obj != nil {
			g.Obj, g.On = l.Obj.ID, l.Obj.Label()
		}
		if l.State != "running" && l.State != "runnable" {
			g.Since = l.Since - start
		}
		if n := len(out); group && n > 0 {
			p := &out[n-1]
			if p.Name == g.Name && p.State == g.State && p.Obj == g.Obj {
				p.Count = max(p.Count, 1) + 1
				continue
			}
		}
		out = append(out, g)
	}
	return out
}

// panicText is Go's wording for a panic value: what the panic statement
// said of its value's type (stdlib.PanicText: an error by its Error method,
// a Stringer by its String method, main.code(7)), else what compiled code
// can tell of the value itself (stdlib.PanicValueText, which puts the
// interpreter's words for a run-time error in Go's).
func panicText(v any) string {
	if s, ok := stdlib.PanicText(v); ok {
		return s
	}
	return stdlib.PanicValueText(v)
}

// goStack turns the interpreter's frames into Go's traceback layout. The
// interpreter names each frame's function but not the line it was on, so a
// position is shown only where concur knows it: top, the line of an explicit
// panic call.
func goStack(id int, state string, frames []string, top string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "goroutine %d [%s]:", id, state)
	last := ""
	for i, f := range frames {
		fn, _, _ := strings.Cut(f, " ")
		if fn == "main" { // the interpreter's name for top-level statements
			fn = "main.main"
			if last == fn {
				continue // the statement that calls a program's main
			}
		}
		last = fn
		fmt.Fprintf(&b, "\n%s(...)", fn)
		if i == 0 && top != "" {
			fmt.Fprintf(&b, "\n\t%s", top)
		}
	}
	return b.String()
}
