package lessons

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/concur-dev/concur/event"
)

// The checks on blocking (README.md, "Checks on blocking"): what a
// goroutine waited in and when, from the stream's block, sleep and wake
// events, and which lines happen before which, from its hand-offs.
//
//	main blocked on sync.WaitGroup.Wait from 0s to 2s
//	worker blocked on chan send for >= 1s
//	g3 asleep from 1s to 2s
//	producer never blocked on chan send for > 0s
//	"runner 1: hands over" happens before "runner 2: running"
//	"request * sent" after a wait on chan receive

// waitCheck is what a "blocked" or "asleep" check asks.
type waitCheck struct {
	who    string // "main", a function's name, or "g3"
	reason string // Go's words for the wait ("chan receive"); "" for any; "sleep" for asleep
	asleep bool
	from   int64 // with to: the wait began at from and ended at to
	to     int64
	span   bool
	dur    bool // with the Expectation's op and n: it lasted that long
	never  bool // WHO never blocked ...: no wait of WHO is like that
}

// waitReasons are the waits a check may name, in Go's words: the reasons
// of the stream's block events (docs/events.md).
var waitReasons = []string{
	"chan send", "chan receive", "select", "select (no cases)", "chan send (nil chan)", "chan receive (nil chan)",
	"sync.Mutex.Lock", "sync.RWMutex.RLock", "sync.RWMutex.Lock", "sync.WaitGroup.Wait", "sync.Cond.Wait", "sync.Once.Do", "I/O",
}

// isWaitCheck reports whether the words a check starts with make it a
// blocked or asleep check: WHO blocked ..., WHO asleep ..., WHO never
// blocked ..., WHO never asleep ...
func isWaitCheck(words []string) bool {
	if len(words) >= 3 && words[1] == "never" {
		words = words[1:]
	}
	return len(words) >= 2 && (words[1] == "blocked" || words[1] == "asleep")
}

// parseWait reads WHO [never] blocked [on REASON] [from TIME to TIME | for
// [OP] TIME] and WHO [never] asleep [from TIME to TIME | for [OP] TIME].
func parseWait(x Expectation, toks []token) (Expectation, error) {
	bad := fmt.Errorf(`want: WHO blocked on WAIT from TIME to TIME (WHO: main, a function's name or g3; WAIT in Go's words, like chan receive or sync.WaitGroup.Wait; or "for TIME" instead of "from TIME to TIME", or neither), or WHO asleep from TIME to TIME; "never" may come before blocked or asleep`)
	w := &waitCheck{who: toks[0].s}
	rest := toks[1:]
	if rest[0].s == "never" {
		w.never, rest = true, rest[1:]
	}
	w.asleep = rest[0].s == "asleep"
	rest = rest[1:]
	x.form, x.wait = waitFor, w
	if w.asleep {
		w.reason = "sleep"
	} else if len(rest) > 0 && rest[0].kind == 'w' && rest[0].s == "on" {
		var err error
		if w.reason, rest, err = parseReason(rest[1:]); err != nil {
			return x, err
		}
	}
	switch {
	case len(rest) == 0:
	case rest[0].kind == 'w' && rest[0].s == "from":
		if len(rest) != 4 || rest[1].kind != 'w' || rest[2].kind != 'w' || rest[2].s != "to" || rest[3].kind != 'w' {
			return x, bad
		}
		var err error
		if w.from, err = parseDuration(rest[1].s); err != nil {
			return x, err
		}
		if w.to, err = parseDuration(rest[3].s); err != nil {
			return x, err
		}
		if w.to < w.from {
			return x, fmt.Errorf("from %s to %s: the end comes before the start", rest[1].s, rest[3].s)
		}
		w.span = true
	case rest[0].kind == 'w' && rest[0].s == "for":
		w.dur = true
		return x, x.comparison(rest[1:], parseDuration, bad)
	default:
		return x, bad
	}
	return x, nil
}

// parseReason reads a wait in Go's words, which run to "from", "for" or
// the end, and returns the tokens after it.
func parseReason(toks []token) (string, []token, error) {
	var words []string
	for len(toks) > 0 && toks[0].kind == 'w' && toks[0].s != "from" && toks[0].s != "for" {
		words = append(words, toks[0].s)
		toks = toks[1:]
	}
	reason := strings.Join(words, " ")
	for _, r := range waitReasons {
		if r == reason {
			return reason, toks, nil
		}
	}
	return reason, toks, fmt.Errorf("%q is not a wait: write it as Go does, one of %s", reason, strings.Join(waitReasons, ", "))
}

// isAfterWaitCheck reports whether a check that starts with a text is an
// after-a-wait check: "TEXT" after a wait [on WAIT].
func isAfterWaitCheck(toks []token) bool {
	return len(toks) > 1 && toks[0].kind == 's' && toks[1].kind == 'w' && toks[1].s == "after"
}

// parseAfterWait reads "TEXT" after a wait [on WAIT].
func parseAfterWait(x Expectation, toks []token) (Expectation, error) {
	bad := fmt.Errorf(`want: "TEXT" after a wait on WAIT (WAIT in Go's words, like chan receive), or "TEXT" after a wait`)
	if len(toks) < 4 || toks[2].kind != 'w' || toks[2].s != "a" || toks[3].kind != 'w' || toks[3].s != "wait" {
		return x, bad
	}
	x.form, x.pats = afterWait, []pattern{toks[0].pat}
	x.wait = &waitCheck{}
	rest := toks[4:]
	if len(rest) == 0 {
		return x, nil
	}
	if rest[0].kind != 'w' || rest[0].s != "on" {
		return x, bad
	}
	reason, rest, err := parseReason(rest[1:])
	if err != nil {
		return x, err
	}
	if len(rest) > 0 {
		return x, bad
	}
	x.wait.reason = reason
	return x, nil
}

// isHappensCheck reports whether a check that starts with a text is a
// happens-before check: "A" happens before "B".
func isHappensCheck(toks []token) bool {
	return len(toks) > 1 && toks[0].kind == 's' && toks[1].kind == 'w' && (toks[1].s == "happens" || toks[1].s == "does")
}

func parseHappens(x Expectation, toks []token) (Expectation, error) {
	if toks[1].s == "does" {
		return x, fmt.Errorf(`"TEXT" does not happen before "TEXT" cannot be checked: the events show an operation that orders two goroutines only when it wakes one, so it would pass where Go orders the lines; check what happens before instead`)
	}
	if len(toks) != 4 || toks[2].kind != 'w' || toks[2].s != "before" || toks[3].kind != 's' {
		return x, fmt.Errorf(`want: "TEXT" happens before "TEXT"`)
	}
	x.form = happensBefore
	x.pats = []pattern{toks[0].pat, toks[3].pat}
	return x, nil
}

// wait is one wait of one goroutine in a run: [from, to) in reason; open
// when nothing ended it before the run did.
type wait struct {
	g        int
	reason   string
	from, to int64
	open     bool
}

// waits lists every goroutine's waits, from the events: a block or a
// sleep begins one, the goroutine's next wake (or anything else it does)
// ends it; one still open ends with the run.
func waits(events []event.Event) []wait {
	var out []wait
	cur := map[int]int{} // goroutine → index in out of its open wait
	end := func(g int, t int64) {
		if i, ok := cur[g]; ok {
			out[i].to, out[i].open = t, false
			delete(cur, g)
		}
	}
	var total int64
	for _, e := range events {
		switch e.Kind {
		case event.Block:
			if i, ok := cur[e.G]; ok && out[i].reason == e.Reason {
				continue // the same wait, reported again
			}
			end(e.G, e.T)
			cur[e.G] = len(out)
			out = append(out, wait{g: e.G, reason: e.Reason, from: e.T, open: true})
		case event.Sleep:
			end(e.G, e.T)
			if e.D > 0 {
				cur[e.G] = len(out)
				out = append(out, wait{g: e.G, reason: "sleep", from: e.T, open: true})
			}
		case event.Wake, event.Output, event.End, event.Panic:
			end(e.G, e.T)
		case event.Go:
			end(e.Parent, e.T)
		case event.Exit:
			total = e.T
		}
	}
	for i := range out {
		if out[i].open {
			out[i].to = max(total, out[i].from)
		}
	}
	return out
}

// who reports whether goroutine g, begun in function name, is the one a
// check names: "main" is g1, "g3" goroutine 3, anything else the function.
func who(name string, g int, fn string) bool {
	if name == "main" {
		return g == 1
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(name, "g")); err == nil && strings.HasPrefix(name, "g") {
		return g == n
	}
	return fn == name
}

func (r *run) checkWait(x Expectation) (msg, bool) {
	w := x.wait
	names := map[int]string{1: "main"}
	for _, e := range r.events {
		if e.Kind == event.Go {
			names[e.G] = e.Name
		}
	}
	found := false
	for g, fn := range names {
		found = found || who(w.who, g, fn)
	}
	if !found {
		return msg{"no goroutine", []any{w.who}}, false
	}
	// seen: the waits of WHO in the wait asked for that are not like
	// the check says (for "never": that are).
	var seen list
	for _, wt := range waits(r.events) {
		if !who(w.who, wt.g, names[wt.g]) {
			continue
		}
		matches := w.reason == "" && wt.reason != "sleep" || wt.reason == w.reason
		if !matches {
			continue
		}
		like := w.span && wt.from == w.from && wt.to == w.to ||
			w.dur && x.compare(wt.to-wt.from) ||
			!w.span && !w.dur
		if like && !w.never {
			return msg{}, true
		}
		if like == w.never && len(seen) < 4 {
			seen = append(seen, msg{"waited", []any{wt.g, names[wt.g], waitWords(wt.reason), dur(wt.from), dur(wt.to)}})
		}
	}
	switch {
	case w.never && len(seen) == 0:
		return msg{}, true
	case w.never:
		return msg{"as is", []any{seen}}, false
	case len(seen) == 0:
		return msg{"never waited", []any{w.who, waitWords(w.reason)}}, false
	}
	return msg{"as is", []any{seen}}, false
}

// checkAfterWait judges "TEXT" after a wait [on WAIT]: every line matching
// TEXT is printed by a goroutine that waited so (a block event: sleeps do
// not count) since it began or printed its previous line matching TEXT.
func (r *run) checkAfterWait(x Expectation) (msg, bool) {
	p, reason := x.pats[0], x.wait.reason
	names := map[int]string{1: "main"}
	waited := map[int]bool{} // since its last line matching p
	found := false
	for i, e := range r.events {
		switch e.Kind {
		case event.Go:
			names[e.G] = e.Name
		case event.Block:
			if reason == "" || e.Reason == reason {
				waited[e.G] = true
			}
		case event.Output:
			if !p.match(e.Text) {
				continue
			}
			found = true
			if !waited[e.G] {
				line := msg{"printed line", []any{e.Text, e.G, names[e.G], dur(e.T)}}
				return msg{"no wait before", []any{line, waitWords(reason), r.lastWake(i, names)}}, false
			}
			waited[e.G] = false
		}
	}
	if !found {
		return msg{"pattern never", []any{quoted{p}}}, false
	}
	return msg{}, true
}

// waitWords says a wait for a failure: "asleep", "blocked on chan send",
// "blocked" for any wait.
type waitWords string

func (w waitWords) in(lang Lang) string {
	switch {
	case w == "sleep" && lang == Chinese:
		return "在睡眠"
	case w == "sleep":
		return "asleep"
	case w == "" && lang == Chinese:
		return "阻塞"
	case w == "":
		return "blocked"
	case lang == Chinese:
		return "阻塞在 " + string(w) + " 上"
	}
	return "blocked on " + string(w)
}

// checkHappens judges "A" happens before "B" from the run's hand-offs:
// a line happens before another when the same goroutine printed both in
// that order, or when a chain leads from the first's goroutine, after it
// printed, to the second's, before it printed: a wake of one goroutine by
// another (its send, receive, close, unlock, Done ...) or the start of a
// goroutine by a go statement. Every line matching B must have a line
// matching A before it.
//
// The stream shows an operation that synchronises only when it wakes a
// goroutine: a send into a buffer that is received later without a wait,
// a Done that is not the last, an Unlock nobody waited for link nothing
// here, though Go orders them. So there is no "does not happen before":
// it would pass where Go orders the lines.
func (r *run) checkHappens(x Expectation) (msg, bool) {
	a, b := x.pats[0], x.pats[1]
	var as, bs []int // indexes in r.events of the matching lines
	for i, e := range r.events {
		if e.Kind != event.Output {
			continue
		}
		if a.match(e.Text) {
			as = append(as, i)
		}
		if b.match(e.Text) {
			bs = append(bs, i)
		}
	}
	switch {
	case len(as) == 0:
		return msg{"pattern never", []any{quoted{a}}}, false
	case len(bs) == 0:
		return msg{"pattern never", []any{quoted{b}}}, false
	}
	names := map[int]string{1: "main"}
	for _, e := range r.events {
		if e.Kind == event.Go {
			names[e.G] = e.Name
		}
	}
	for _, bi := range bs {
		if !r.linked(as, bi) {
			e := r.events[bi]
			line := msg{"printed line", []any{e.Text, e.G, names[e.G], dur(e.T)}}
			return msg{"no hand-off", []any{quoted{a}, line, r.lastWake(bi, names)}}, false
		}
	}
	return msg{}, true
}

// linked reports whether a line of as happens before line bi: the
// goroutines whose later actions happen after the line (the one that
// printed it, then each one it woke or started, and so on) include the one
// that printed line bi by the time it did.
func (r *run) linked(as []int, bi int) bool {
	target := r.events[bi].G
	for _, ai := range as {
		if ai > bi {
			break
		}
		reached := map[int]bool{r.events[ai].G: true}
		for i := ai + 1; i < bi && !reached[target]; i++ {
			switch e := r.events[i]; {
			case e.Kind == event.Wake && e.By > 0 && reached[e.By]:
				reached[e.G] = true
			case e.Kind == event.Go && reached[e.Parent]:
				reached[e.G] = true
			}
		}
		if reached[target] {
			return true
		}
	}
	return false
}

// lastWake says what last woke the goroutine of line bi before it printed,
// as a hint for a failure: " (g3 was last woken by g1's send on baton at 1s)".
func (r *run) lastWake(bi int, names map[int]string) msg {
	g := r.events[bi].G
	for i := bi - 1; i >= 0; i-- {
		e := r.events[i]
		switch {
		case e.Kind == event.Wake && e.G == g && e.By > 0:
			return msg{"woken by", []any{g, e.By, e.Op, r.objectName(e.Obj), dur(e.T)}}
		case e.Kind == event.Wake && e.G == g:
			return msg{"woken by clock", []any{g, dur(e.T)}}
		case e.Kind == event.Go && e.G == g:
			return msg{"started by", []any{g, names[g], e.Parent, dur(e.T)}}
		}
	}
	return msg{key: "nothing"}
}

// objectName names a channel or lock as the stream does: its variable, or
// its type and number.
func (r *run) objectName(obj int) string {
	for _, e := range r.events {
		if e.Kind == event.Object && e.Obj == obj {
			if e.Name != "" {
				return e.Name
			}
			return e.Type + " #" + strconv.Itoa(obj)
		}
	}
	return "#" + strconv.Itoa(obj)
}
