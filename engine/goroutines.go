package engine

import (
	"bytes"
	"fmt"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/petermattis/goid"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/rewrite"
)

// tracker knows the snippet's goroutines and turns what they do into events.
// Every event goes through it, under one lock, so event order is the order in
// which things happened, and each goroutine's partial line is its own.
type tracker struct {
	mu     sync.Mutex
	enc    *encoder
	dirty  bool // enc holds bytes not yet flushed
	quiet  bool // restoring a session: drop events
	start  time.Time
	lastT  int64 // the latest time the run is known to have reached
	byGoid map[int64]*gor
	byID   map[int]*gor
	nextID int
	// budget is the run's virtual-time budget (0: none); overBudget is called
	// (without the lock) when a goroutine would go past it.
	budget     time.Duration
	overBudget func(at time.Duration)
	// eagerGoids sends each goroutine's runtime id at once (real clock):
	// a fatal error there can kill the worker within milliseconds, and the
	// terminal side needs the ids to say which goroutine it hit.
	eagerGoids bool
	// noneLeft, if set, is closed when the last goroutine ends.
	noneLeft chan struct{}
}

// gor is one goroutine of the snippet.
type gor struct {
	id, parent int
	name       string
	goid       int64
	partial    [2][]byte // stdout, stderr
	frames     []string  // the interpreter's panic frames, innermost first
	// The last explicit panic call of this goroutine: where, and its value.
	panicAt  string
	panicVal any
}

const (
	stdout = 0
	stderr = 1
)

var streamNames = [2]string{"stdout", "stderr"}

func newTracker(enc *encoder) *tracker {
	return &tracker{enc: enc, byGoid: map[int64]*gor{}, byID: map[int]*gor{}, nextID: 2}
}

// now is the time since the run started, on the run's clock.
func (t *tracker) now() int64 {
	d := int64(time.Since(t.start))
	if d > t.lastT {
		t.lastT = d
	}
	return d
}

// emit sends an event. The caller holds t.mu.
func (t *tracker) emit(ev event.Event, goid int64) {
	if t.quiet {
		return
	}
	if err := t.enc.event(ev, goid); err != nil {
		// The terminal side is gone; nobody is left to tell.
		exitProcess(3)
	}
	t.dirty = true
}

// current returns the calling goroutine's record, creating one for a
// goroutine the snippet started in a way concur did not see.
func (t *tracker) current() *gor {
	id := goid.Get()
	if g := t.byGoid[id]; g != nil {
		return g
	}
	g := &gor{id: t.nextID, name: "?", goid: id}
	t.nextID++
	t.byGoid[id] = g
	t.byID[g.id] = g
	t.emit(event.Event{Kind: event.Go, T: t.now(), G: g.id, Name: g.name}, 0)
	t.emit(event.Event{Kind: kindGoid, G: g.id}, id)
	return g
}

// kindGoid is internal to the wire: it ties a session goroutine number to the
// runtime's goroutine id, so the terminal side can name the goroutine in a
// fatal error's traceback after the worker is gone.
const kindGoid event.Kind = "goid"

// bindMain makes the calling goroutine g1, the input's main goroutine.
func (t *tracker) bindMain() {
	t.mu.Lock()
	defer t.mu.Unlock()
	id := goid.Get()
	g := &gor{id: 1, name: "main", goid: id}
	t.byGoid[id] = g
	t.byID[1] = g
	t.emit(event.Event{Kind: kindGoid, G: 1}, id)
}

// spawn records a goroutine about to start and returns its number.
func (t *tracker) spawn(name string) int {
	t.mu.Lock()
	parent := t.current()
	g := &gor{id: t.nextID, name: name, parent: parent.id}
	t.nextID++
	t.byID[g.id] = g
	now := t.now()
	t.emit(event.Event{Kind: event.Go, T: now, G: g.id, Name: name, Parent: parent.id}, 0)
	t.mu.Unlock()
	t.checkBudget(time.Duration(now))
	return g.id
}

// enter binds the calling goroutine to the number spawn gave it.
func (t *tracker) enter(id int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	g := t.byID[id]
	if g == nil {
		return
	}
	g.goid = goid.Get()
	t.byGoid[g.goid] = g
	t.emit(event.Event{Kind: kindGoid, G: id}, g.goid)
	if t.eagerGoids && !t.quiet {
		t.enc.flush()
		t.dirty = false
	}
}

// end records that goroutine id finished, flushing its partial lines.
func (t *tracker) end(id int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	g := t.byID[id]
	if g == nil {
		return
	}
	now := t.now()
	t.flushPartial(g, now)
	t.emit(event.Event{Kind: event.End, T: now, G: id}, 0)
	delete(t.byID, id)
	delete(t.byGoid, g.goid)
	if len(t.byID) == 0 && t.noneLeft != nil {
		close(t.noneLeft)
		t.noneLeft = nil
	}
}

// live counts the snippet's goroutines that have not ended.
func (t *tracker) live() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.byID)
}

// sleep records that the calling goroutine sleeps for d.
func (t *tracker) sleep(d time.Duration) {
	t.mu.Lock()
	g := t.current()
	now := t.now()
	t.emit(event.Event{Kind: event.Sleep, T: now, G: g.id, D: int64(d)}, 0)
	if end := now + int64(max(d, 0)); end > t.lastT {
		// Nothing may deadlock while this sleep is pending, so a deadlock
		// found later happened at its end or after.
		t.lastT = end
	}
	t.mu.Unlock()
	t.checkBudget(time.Duration(now) + d)
}

func (t *tracker) checkBudget(at time.Duration) {
	if t.budget > 0 && at > t.budget && t.overBudget != nil {
		t.overBudget(at)
	}
}

// write captures output of the calling goroutine on one stream.
func (t *tracker) write(stream int, p []byte) {
	t.mu.Lock()
	g := t.current()
	now := t.now()
	for {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			break
		}
		line := p[:i]
		if buf := g.partial[stream]; len(buf) > 0 {
			line = append(buf, line...)
			g.partial[stream] = buf[:0]
		}
		t.emit(event.Event{Kind: event.Output, T: now, G: g.id, Stream: streamNames[stream], Text: string(line)}, 0)
		p = p[i+1:]
	}
	g.partial[stream] = append(g.partial[stream], p...)
	t.mu.Unlock()
	t.checkBudget(time.Duration(now))
}

// flushPartial emits what g wrote without a newline. The caller holds t.mu.
func (t *tracker) flushPartial(g *gor, now int64) {
	for s := range g.partial {
		if len(g.partial[s]) > 0 {
			t.emit(event.Event{Kind: event.Output, T: now, G: g.id, Stream: streamNames[s], Text: string(g.partial[s])}, 0)
			g.partial[s] = g.partial[s][:0]
		}
	}
}

// flushAll emits every goroutine's partial lines, at the end of a run.
func (t *tracker) flushAll(now int64) {
	for _, id := range t.ids() {
		t.flushPartial(t.byID[id], now)
	}
}

func (t *tracker) ids() []int {
	ids := make([]int, 0, len(t.byID))
	for id := range t.byID {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	return ids
}

// panicAt records where the calling goroutine is about to panic with v
// (rewritten code calls it just before each panic call).
func (t *tracker) panicAt(line, col int, v any) {
	t.mu.Lock()
	g := t.current()
	g.panicAt, g.panicVal = fmt.Sprintf("%d:%d", line, col), unwrap(v)
	t.mu.Unlock()
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

// framePattern matches the line the interpreter prints for each frame a
// panic unwinds: "prog.go:7:10: panic: main.worker(...)".
var framePattern = regexp.MustCompile(`^(?:(.*?\d+:\d+): )?panic: (.*)\(\.\.\.\)\n?$`)

// writeInterpStderr takes what the interpreter writes to its own stderr:
// panic frames are kept for the report, the rest (print, println) is output.
func (t *tracker) writeInterpStderr(p []byte) {
	if m := framePattern.FindSubmatch(p); m != nil {
		t.mu.Lock()
		g := t.current()
		frame := rewrite.Demangle(string(m[2])) // the learner's func main is renamed (see rewrite)
		if len(m[1]) > 0 {
			frame += " " + string(m[1])
		}
		g.frames = append(g.frames, frame)
		t.mu.Unlock()
		return
	}
	t.write(stderr, p)
}

// states reads what every snippet goroutine is doing from the runtime's own
// goroutine dump: "chan receive", "sleep", "sync.Mutex.Lock".
func (t *tracker) states() []event.Goroutine {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	dump := parseDump(string(buf))
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []event.Goroutine
	for _, id := range t.ids() {
		g := t.byID[id]
		state := "not started"
		if g.goid != 0 {
			state = "running"
			if s, ok := dump[g.goid]; ok {
				state = s
			}
		}
		out = append(out, event.Goroutine{G: g.id, Name: g.name, State: state})
	}
	return out
}

// goroutineHeader matches a goroutine's first line in a traceback.
var goroutineHeader = regexp.MustCompile(`(?m)^goroutine (\d+)[^[\n]*\[([^\]]*)\]:`)

// parseDump maps runtime goroutine ids to their state in a traceback, with
// the synctest details and the wait time taken off ("chan receive").
func parseDump(dump string) map[int64]string {
	states := map[int64]string{}
	for id, raw := range parseRawDump(dump) {
		states[id] = cleanState(raw)
	}
	return states
}

// parseRawDump maps runtime goroutine ids to their state as the runtime
// wrote it ("chan receive (durable), synctest bubble 1").
func parseRawDump(dump string) map[int64]string {
	states := map[int64]string{}
	for _, m := range goroutineHeader.FindAllStringSubmatch(dump, -1) {
		id, err := strconv.ParseInt(m[1], 10, 64)
		if err != nil {
			continue
		}
		states[id] = m[2]
	}
	return states
}

// stuckNonDurably reports whether a bubble's goroutines (raw states) are all
// waiting, at least one of them on something the virtual clock cannot see
// through: then time stands still and only a real-time budget ends the run.
func stuckNonDurably(raw []string) bool {
	stuck := false
	for _, s := range raw {
		state := cleanState(s)
		if state == "running" || state == "runnable" || strings.HasPrefix(state, "syscall") {
			return false
		}
		if !strings.Contains(s, "(durable)") {
			stuck = true
		}
	}
	return stuck
}

func cleanState(s string) string {
	var keep []string
	for _, part := range strings.Split(s, ", ") {
		if strings.HasPrefix(part, "synctest bubble") || strings.HasSuffix(part, "minutes") || part == "locked to thread" {
			continue
		}
		keep = append(keep, strings.TrimSuffix(part, " (durable)"))
	}
	return strings.Join(keep, ", ")
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
