package engine

import (
	"fmt"
	"strings"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/sched"
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

// interpreterWords maps the interpreter's words for a runtime error to Go's.
// The interpreter does not say which index or length, so neither do we.
var interpreterWords = map[string]string{
	"reflect: slice index out of range":  "runtime error: index out of range",
	"reflect: array index out of range":  "runtime error: index out of range",
	"reflect: string index out of range": "runtime error: index out of range",
	"reflect: slice bounds out of range": "runtime error: slice bounds out of range",
}

// panicText is Go's wording for a panic value: errors by their Error,
// Stringers by their String, and other values as the runtime prints them.
func panicText(v any) string {
	if s, ok := v.(string); ok {
		if words, ok := interpreterWords[s]; ok {
			return words
		}
	}
	switch v := v.(type) {
	case error:
		return v.Error()
	case fmt.Stringer:
		return v.String()
	case string:
		return v
	case nil:
		return "panic called with nil argument (use runtime.PanicNilError)"
	}
	return fmt.Sprintf("%v", v)
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
