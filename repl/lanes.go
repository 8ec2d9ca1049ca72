package repl

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/concur-dev/concur/event"
)

// State is what a goroutine is doing at an instant, as the charts draw it:
// the state the event stream says it is in (docs/events.md).
type State uint8

const (
	Running     State = iota // running, or ready to run
	Asleep                   // in time.Sleep
	WaitingChan              // blocked on a channel: chan send, chan receive, select
	WaitingSync              // blocked on a lock, a WaitGroup, a Cond, a Once, or I/O
)

// stateOf is the State of a wait given in Go's words ("chan receive",
// "sync.Mutex.Lock", "sleep"); "running" and "runnable" are Running.
func stateOf(reason string) State {
	switch {
	case reason == "" || reason == "running" || reason == "runnable":
		return Running
	case reason == "sleep":
		return Asleep
	case strings.HasPrefix(reason, "chan ") || strings.HasPrefix(reason, "select"):
		return WaitingChan
	}
	return WaitingSync
}

// waitBefore is what a goroutine woken by op was waiting in, in Go's
// words, for a wait whose start the stream does not show (it began in an
// earlier run): the clock ends a sleep, a send or close ends a receive, and
// so on. objType refines a lock ("sync.RWMutex").
func waitBefore(op, objType string) string {
	switch op {
	case "clock":
		return "sleep"
	case "timer", "send", "close", "cancel":
		return "chan receive"
	case "receive":
		return "chan send"
	case "unlock":
		if objType == "sync.RWMutex" {
			return "sync.RWMutex.Lock"
		}
		return "sync.Mutex.Lock"
	case "runlock":
		return "sync.RWMutex.Lock"
	case "done", "add":
		return "sync.WaitGroup.Wait"
	case "signal", "broadcast":
		return "sync.Cond.Wait"
	case "once":
		return "sync.Once.Do"
	}
	return "I/O"
}

// Span is a stretch of time a goroutine spent in one state: [From, To), on
// the run's clock. Reason is the wait in Go's words ("chan receive",
// "sleep"; "" while running), Obj the channel or lock waited on (0: none).
type Span struct {
	From, To int64
	State    State
	Reason   string
	Obj      int
}

// HandOff is one goroutine ending another's wait: at T goroutine By did Op
// ("send", "receive", "close", "unlock", "done", ...) on object Obj, and
// that woke goroutine G (a `wake` event with a `by`).
type HandOff struct {
	T     int64
	By, G int
	Op    string
	Obj   int
	Seq   int // its place in the stream, to order it among what happened at T
}

// Print is a line a goroutine wrote: when, its place in the stream, and
// the text (made Visible).
type Print struct {
	T    int64
	Seq  int
	Text string
}

// Object is a channel or lock the stream names (an `object` event).
type Object struct {
	ID             int
	Type, Name, At string
	Cap            int
}

// Label is how charts name the object, as the engine's reports do: its
// variable ("jobs"), or its type and number when the stream gives no name
// ("sync.WaitGroup #4").
func (o Object) Label() string {
	if o.Name != "" {
		return Visible(o.Name)
	}
	if o.Type != "" {
		return Visible(o.Type) + " #" + strconv.Itoa(o.ID)
	}
	return "#" + strconv.Itoa(o.ID)
}

// Lane is what a chart draws on one row: one goroutine, or several started
// by the same function that ended alike (a folded lane, Count > 1).
type Lane struct {
	G       int // the goroutine; a folded lane's first
	Name    string
	Count   int   // goroutines drawn on this lane: 1, or more when folded
	Members []int // a folded lane's goroutines, in order
	// Start and Stop: from its start (0 for main and for goroutines of
	// earlier runs) to its end, its panic, or the run's end.
	Start, Stop     int64
	Ended, Panicked bool
	// Spans cover [Start, Stop) in order; a folded lane's say what most of
	// its goroutines were doing.
	Spans []Span
	// Final is the state it was in when it stopped, even one entered at
	// that instant (which Spans leave out: it took no time).
	Final  Span
	Prints []Print
	// State is what a deadlock or timeout found it doing, in Go's words,
	// and Obj what it waited on; Stuck: a deadlock found it waiting for good.
	State string
	Obj   int
	Stuck bool
}

// Label is how charts name the lane: "g2 worker", or "worker ×100" for a
// folded one.
func (l Lane) Label() string {
	if l.Count > 1 {
		return Visible(l.Name) + " ×" + groupDigits(l.Count)
	}
	return Label(l.G, l.Name)
}

// Chart is a run as the timelines draw it: lanes, the hand-offs between
// them, the objects the stream named, the run's total time, and the
// goroutines left out for want of room, by how they ended.
type Chart struct {
	Lanes    []Lane
	HandOffs []HandOff
	Objects  map[int]Object
	Total    int64
	Deadlock bool
	// Goroutines is how many the run had; those not drawn are counted by
	// how they ended in Hidden.
	Goroutines int
	Hidden     []HiddenGroup
	lane       map[int]int // goroutine → index in Lanes
}

// HiddenGroup counts goroutines a chart leaves out that ended alike:
// Outcome is "ended", "panicked", "running", or the Go words of the wait
// they were in at the end ("sleep", "chan receive").
type HiddenGroup struct {
	Outcome string
	N       int
}

// LaneOf returns the index in Lanes of the lane goroutine g is drawn on,
// or -1 if it is left out.
func (c *Chart) LaneOf(g int) int {
	if i, ok := c.lane[g]; ok {
		return i
	}
	return -1
}

// ObjectLabel is how the chart names object id (Object.Label).
func (c *Chart) ObjectLabel(id int) string {
	if o, ok := c.Objects[id]; ok {
		return o.Label()
	}
	return "#" + strconv.Itoa(id)
}

// HiddenCount is how many goroutines the chart leaves out.
func (c *Chart) HiddenCount() int {
	n := 0
	for _, h := range c.Hidden {
		n += h.N
	}
	return n
}

// DefaultLanes is how many lanes a chart draws at most unless told.
const DefaultLanes = 16

// Lanes returns a run's chart, drawn in at most maxLanes lanes (0: as many
// as there are goroutines). When the goroutines do not fit, those started by
// the same function that ended alike (all returned; all waiting on the same
// channel) share one folded lane; main keeps its own. If that is still too
// many, main, goroutines that panicked or were stuck in a deadlock, and then
// the largest groups get lanes, and the rest are counted in Hidden.
//
// The state of each goroutine at each instant follows the event stream
// (docs/events.md): running from its `go` event, asleep from a `sleep`,
// blocked from a `block`, running again from its `wake`, gone at its `end`.
// A goroutine of an earlier run (no `go` event) starts at 0; its first
// `wake` tells what it was waiting in before.
func Lanes(events []event.Event, maxLanes int) *Chart {
	b := newChartBuilder()
	for _, e := range events {
		b.add(e)
	}
	b.finish()
	c := &Chart{HandOffs: b.handoffs, Objects: b.objects, Total: b.total, Deadlock: b.deadlock,
		Goroutines: len(b.order), lane: map[int]int{}}
	lanes := slices.Clone(b.order)
	slices.SortFunc(lanes, func(x, y *laneData) int { return x.g - y.g })
	for _, group := range fold(lanes, maxLanes, c) {
		c.Lanes = append(c.Lanes, group.lane())
	}
	for i, l := range c.Lanes {
		if l.Count > 1 {
			for _, g := range l.Members {
				c.lane[g] = i
			}
		} else {
			c.lane[l.G] = i
		}
	}
	return c
}

// laneData is what the events say about one goroutine.
type laneData struct {
	g               int
	name            string
	start, stop     int64
	ended, panicked bool
	spans           []Span
	prints          []Print
	state           string // what a deadlock or timeout found it doing
	obj             int
	stuck           bool
	cur             Span // the state it is in now, from cur.From
}

type chartBuilder struct {
	byG      map[int]*laneData
	order    []*laneData
	handoffs []HandOff
	objects  map[int]Object
	total    int64
	latest   int64
	exit     bool
	deadlock bool
	seq      int
}

func newChartBuilder() *chartBuilder {
	return &chartBuilder{byG: map[int]*laneData{}, objects: map[int]Object{}}
}

// lane returns goroutine g's lane, made at t if the stream had not named
// it yet (main, or a goroutine of an earlier run: from 0).
func (b *chartBuilder) lane(g int) *laneData {
	l := b.byG[g]
	if l == nil {
		l = &laneData{g: g, stop: -1}
		if g == 1 {
			l.name = "main"
		}
		b.byG[g] = l
		b.order = append(b.order, l)
	}
	return l
}

// enter puts l in a new state from t on.
func (l *laneData) enter(t int64, s State, reason string, obj int) {
	if l.cur.State == s && l.cur.Reason == reason && l.cur.Obj == obj {
		return // the same wait, reported again
	}
	if t > l.cur.From { // a state that took no time is not kept
		l.cur.To = t
		l.spans = append(l.spans, l.cur)
	}
	l.cur = Span{From: t, State: s, Reason: reason, Obj: obj}
}

// running notes that l did something at t: whatever it waited for is over.
func (l *laneData) running(t int64) {
	if l.cur.State != Running {
		l.enter(t, Running, "", 0)
	}
}

func (b *chartBuilder) add(e event.Event) {
	b.seq++
	b.latest = max(b.latest, e.T)
	switch e.Kind {
	case event.Go:
		if e.G <= 0 {
			return
		}
		_, seen := b.byG[e.G]
		l := b.lane(e.G)
		l.name = e.Name
		if !seen {
			l.start = e.T
			l.cur = Span{From: e.T}
		}
		if e.Parent > 0 {
			b.lane(e.Parent).running(e.T)
		}
	case event.Object:
		b.objects[e.Obj] = Object{ID: e.Obj, Type: e.Type, Name: e.Name, At: e.At, Cap: e.Cap}
	case event.Output:
		if e.G <= 0 {
			return
		}
		l := b.lane(e.G)
		l.running(e.T)
		l.prints = append(l.prints, Print{T: e.T, Seq: b.seq, Text: Visible(e.Text)})
	case event.Sleep:
		if e.G <= 0 || e.D <= 0 {
			return
		}
		l := b.lane(e.G)
		l.enter(e.T, Asleep, "sleep", 0)
	case event.Block:
		if e.G <= 0 {
			return
		}
		b.lane(e.G).enter(e.T, stateOf(e.Reason), e.Reason, e.Obj)
	case event.Wake:
		if e.G <= 0 {
			return
		}
		l, fresh := b.byG[e.G], false
		if l == nil {
			l, fresh = b.lane(e.G), true
		}
		if fresh && e.G != 1 {
			// Its wait began in an earlier run: say what it was.
			reason := waitBefore(e.Op, b.objects[e.Obj].Type)
			l.cur = Span{State: stateOf(reason), Reason: reason, Obj: e.Obj}
		}
		l.running(e.T)
		if e.By > 0 {
			b.handoffs = append(b.handoffs, HandOff{T: e.T, By: e.By, G: e.G, Op: e.Op, Obj: e.Obj, Seq: b.seq})
			b.lane(e.By).running(e.T)
		}
	case event.End:
		if e.G <= 0 {
			return
		}
		l := b.lane(e.G)
		l.running(e.T)
		l.ended, l.stop = true, e.T
	case event.Panic, event.Fatal:
		if e.G <= 0 {
			return
		}
		l := b.lane(e.G)
		l.running(e.T)
		l.panicked, l.stop = true, e.T
	case event.Deadlock, event.Timeout:
		b.deadlock = b.deadlock || e.Kind == event.Deadlock
		for _, g := range e.Blocked {
			if g.G <= 0 {
				continue
			}
			l := b.lane(g.G)
			if l.name == "" {
				l.name = g.Name
			}
			l.state, l.obj = g.State, g.Obj
			s := stateOf(g.State)
			l.stuck = e.Kind == event.Deadlock && s != Running
			if s != Running && l.cur.State == Running {
				// The stream did not show this wait begin (it began in
				// an earlier run the chart was not told about): the
				// report says since when.
				l.enter(max(g.Since, l.cur.From, 0), s, g.State, g.Obj)
			}
		}
	case event.Exit:
		b.total, b.exit = e.T, true
	}
}

// finish closes every lane at its end, or the run's.
func (b *chartBuilder) finish() {
	if !b.exit || b.total <= 0 {
		b.total = max(b.total, b.latest)
	}
	for _, l := range b.order {
		if l.stop < 0 {
			l.stop = b.total
		}
		l.stop = min(l.stop, b.total)
		l.cur.From = min(l.cur.From, l.stop)
		l.cur.To = l.stop
		if l.stop > l.cur.From || len(l.spans) == 0 {
			l.spans = append(l.spans, l.cur)
		}
		// A span the run's end cut short, or one after the end.
		for i := range l.spans {
			l.spans[i].From = min(l.spans[i].From, l.stop)
			l.spans[i].To = min(l.spans[i].To, l.stop)
		}
	}
}

// outcome is how a goroutine ended, for folding: alike goroutines of one
// function share a lane.
func (l *laneData) outcome() string {
	switch {
	case l.panicked:
		return "panicked"
	case l.ended:
		return "ended"
	case l.state != "":
		return l.state
	}
	if l.cur.State == Running {
		return "running"
	}
	return l.cur.Reason
}

// laneGroup is goroutines drawn on one lane.
type laneGroup struct{ members []*laneData }

// fold groups lanes into at most max groups; what does not fit is counted
// in c.Hidden.
func fold(lanes []*laneData, max int, c *Chart) []laneGroup {
	if max <= 0 || len(lanes) <= max {
		groups := make([]laneGroup, len(lanes))
		for i, l := range lanes {
			groups[i] = laneGroup{[]*laneData{l}}
		}
		return groups
	}
	type key struct {
		name, outcome string
		obj           int
		main          bool
	}
	index := map[key]int{}
	var groups []laneGroup
	for _, l := range lanes {
		k := key{l.name, l.outcome(), l.obj, l.g == 1}
		if l.g == 1 {
			k.name = ""
		}
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, laneGroup{})
		}
		groups[i].members = append(groups[i].members, l)
	}
	if len(groups) <= max {
		return groups
	}
	// Too many even folded: the telling ones first, then the largest.
	rank := func(g laneGroup) int {
		l := g.members[0]
		switch {
		case l.g == 1:
			return 0
		case l.panicked:
			return 1
		case l.stuck:
			return 2
		}
		return 3
	}
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if r := cmp.Compare(rank(groups[a]), rank(groups[b])); r != 0 {
			return r
		}
		return cmp.Compare(len(groups[b].members), len(groups[a].members))
	})
	shown := order[:max]
	slices.Sort(shown)
	hidden := map[string]int{}
	var outcomes []string
	for _, i := range order[max:] {
		for _, l := range groups[i].members {
			o := l.outcome()
			if hidden[o] == 0 {
				outcomes = append(outcomes, o)
			}
			hidden[o]++
		}
	}
	for _, o := range outcomes {
		c.Hidden = append(c.Hidden, HiddenGroup{Outcome: o, N: hidden[o]})
	}
	slices.SortStableFunc(c.Hidden, func(a, b HiddenGroup) int { return cmp.Compare(b.N, a.N) })
	out := make([]laneGroup, len(shown))
	for i, gi := range shown {
		out[i] = groups[gi]
	}
	return out
}

// lane is the group as one Lane.
func (g laneGroup) lane() Lane {
	first := g.members[0]
	l := Lane{G: first.g, Name: first.name, Count: len(g.members), Start: first.start, Stop: first.stop,
		Ended: true, Panicked: true, Final: first.cur, State: first.state, Obj: first.obj, Stuck: first.stuck}
	if len(g.members) == 1 {
		l.Ended, l.Panicked = first.ended, first.panicked
		l.Spans, l.Prints = first.spans, first.prints
		return l
	}
	for _, m := range g.members {
		l.Members = append(l.Members, m.g)
		l.Start, l.Stop = min(l.Start, m.start), max(l.Stop, m.stop)
		l.Ended = l.Ended && m.ended
		l.Panicked = l.Panicked && m.panicked
		l.Prints = append(l.Prints, m.prints...)
	}
	slices.SortFunc(l.Prints, func(a, b Print) int { return cmp.Compare(a.Seq, b.Seq) })
	l.Spans = majority(g.members)
	return l
}

// majority is the state most of the lanes are in at each instant: the
// spans of a folded lane. Ties go to waits over running, the longer
// story over the shorter.
func majority(lanes []*laneData) []Span {
	type edge struct {
		t      int64
		key    int // into kinds
		change int
	}
	type kind struct {
		state  State
		reason string
		obj    int
	}
	var kinds []kind
	kindIndex := map[kind]int{}
	var edges []edge
	for _, l := range lanes {
		for _, s := range l.spans {
			if s.To <= s.From {
				continue
			}
			k := kind{s.State, s.Reason, s.Obj}
			i, ok := kindIndex[k]
			if !ok {
				i = len(kinds)
				kindIndex[k] = i
				kinds = append(kinds, k)
			}
			edges = append(edges, edge{s.From, i, +1}, edge{s.To, i, -1})
		}
	}
	if len(edges) == 0 {
		// Everything happened at one instant: the first goroutine's story.
		return lanes[0].spans
	}
	slices.SortFunc(edges, func(a, b edge) int { return cmp.Compare(a.t, b.t) })
	counts := make([]int, len(kinds))
	var spans []Span
	for i := 0; i < len(edges); {
		t := edges[i].t
		for ; i < len(edges) && edges[i].t == t; i++ {
			counts[edges[i].key] += edges[i].change
		}
		if i == len(edges) {
			break
		}
		best := -1
		for k, n := range counts {
			if n <= 0 {
				continue
			}
			if best < 0 || n > counts[best] || n == counts[best] && kinds[k].state > kinds[best].state {
				best = k
			}
		}
		next := edges[i].t
		if best < 0 {
			continue // none of them alive
		}
		k := kinds[best]
		if n := len(spans); n > 0 && spans[n-1].To == t && spans[n-1].State == k.state && spans[n-1].Reason == k.reason && spans[n-1].Obj == k.obj {
			spans[n-1].To = next
			continue
		}
		spans = append(spans, Span{From: t, To: next, State: k.state, Reason: k.reason, Obj: k.obj})
	}
	return spans
}

// groupDigits writes n with commas between groups of three digits: 999,990.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return sign + string(out)
}

// Carry follows a session's goroutines from one run to the next, for the
// charts. Each run's stream starts at its own t=0 and tells nothing of a
// goroutine of an earlier run until it does something, and names a channel
// or lock only the first time the session uses it; Carry remembers, from the
// earlier streams, each goroutine's name, each object, and what each
// goroutine still alive was doing when the last run ended. The zero Carry
// knows nothing yet.
type Carry struct {
	names   []string // by goroutine number ("" unknown): a dense slice, for a million goroutines
	objects map[int]event.Event
	alive   []carried
}

// name is goroutine g's name from an earlier run, or "".
func (c *Carry) name(g int) string {
	if g < 0 || g >= len(c.names) {
		return ""
	}
	return c.names[g]
}

// carried is a goroutine alive at the end of a run, and its state then.
type carried struct {
	g      int
	state  State
	reason string
	obj    int
	wake   int64 // an asleep one's wake-up, ns after the next run begins
}

// Run returns the events of one run of the session, on clock ("virtual" or
// "real"), with what a chart must know of earlier runs before them, at 0: a
// `go` event naming each goroutine of an earlier run, `object` events for
// the channels and locks named earlier, and for each goroutine asleep or
// blocked when the last run ended a `sleep` (for what it had left: on the
// virtual clock time stands still between runs) or a `block`. It then
// remembers the state this run leaves. The events given are not changed.
//
// A run that ended the program (a panic, a fatal error, a deadlock, a stop,
// os.Exit: main did not return) leaves no goroutine behind; one that did not
// compile changes nothing; after a `restore` the goroutines of a new program
// are not known until they act. On the real clock goroutines run between
// runs, so only names and objects are carried.
func (c *Carry) Run(events []event.Event, clock string) []event.Event {
	if c.names == nil {
		c.names = []string{1: "main"}
		c.objects = map[int]event.Event{}
	}
	compiled, restored := true, false
	named := map[int]bool{}
	for _, e := range events {
		switch e.Kind {
		case event.Compile:
			compiled = false
		case event.Restore:
			restored = true
		case event.Object:
			named[e.Obj] = true
		}
	}
	if restored || clock == "real" {
		c.alive = nil
	}
	var head []event.Event
	maxG := 1
	for _, e := range events {
		maxG = max(maxG, e.G)
	}
	headed := make([]bool, maxG+1) // by goroutine number: dense, as numbers are
	headed[1] = true
	object := func(obj int) {
		if o, ok := c.objects[obj]; ok && obj != 0 && !named[obj] {
			named[obj] = true
			o.T = 0
			head = append(head, o)
		}
	}
	for _, a := range c.alive {
		if a.g <= maxG {
			headed[a.g] = true
		}
		head = append(head, event.Event{Kind: event.Go, G: a.g, Name: c.name(a.g)})
		switch {
		case a.state == Asleep && a.wake > 0:
			head = append(head, event.Event{Kind: event.Sleep, G: a.g, D: a.wake})
		case a.state == WaitingChan || a.state == WaitingSync:
			object(a.obj)
			head = append(head, event.Event{Kind: event.Block, G: a.g, Reason: a.reason, Obj: a.obj})
		}
	}
	started := make([]bool, maxG+1)
	for _, e := range events {
		switch {
		case e.G < 0:
		case e.Kind == event.Go:
			started[e.G] = true
		case e.G > 1 && !started[e.G] && !headed[e.G] && e.Kind != event.Object:
			headed[e.G] = true
			if name := c.name(e.G); name != "" {
				head = append(head, event.Event{Kind: event.Go, G: e.G, Name: name})
			}
		}
		object(e.Obj)
		for _, g := range e.Blocked {
			object(g.Obj)
		}
	}
	out := events
	if len(head) > 0 {
		out = append(head[:len(head):len(head)], events...)
	}

	if maxG >= len(c.names) {
		c.names = slices.Grow(c.names, maxG+1-len(c.names))[:maxG+1]
	}
	for _, e := range events {
		switch e.Kind {
		case event.Go:
			c.names[e.G] = e.Name
		case event.Object:
			c.objects[e.Obj] = e
		}
	}
	if !compiled {
		return out
	}
	c.alive = nil
	if clock == "real" || endedProgram(events) {
		return out
	}
	due := map[int]int64{} // when each goroutine's last sleep ends
	for _, e := range out {
		if e.Kind == event.Sleep && e.D > 0 {
			due[e.G] = e.T + e.D
			if due[e.G] < e.T {
				due[e.G] = math.MaxInt64
			}
		}
	}
	chart := Lanes(out, 0)
	for _, l := range chart.Lanes {
		if l.G == 1 || l.Ended || l.Panicked {
			continue
		}
		a := carried{g: l.G, state: l.Final.State, reason: l.Final.Reason, obj: l.Final.Obj}
		if a.state == Asleep {
			a.wake = due[l.G] - chart.Total
			if due[l.G] == math.MaxInt64 {
				a.wake = math.MaxInt64
			}
		}
		c.alive = append(c.alive, a)
	}
	return out
}

// endedProgram reports whether a run's program is over: it panicked, died,
// deadlocked or was stopped, or main did not return (os.Exit).
func endedProgram(events []event.Event) bool {
	mainEnded := false
	for _, e := range events {
		switch e.Kind {
		case event.Panic, event.Fatal, event.Deadlock, event.Timeout:
			return true
		case event.End:
			mainEnded = mainEnded || e.G == 1
		}
	}
	return !mainEnded
}
