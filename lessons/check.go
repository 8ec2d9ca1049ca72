package lessons

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/internal/lazyregexp"
)

// Expectation is one line of a check block: something a run must do. The
// grammar is in README.md; in short:
//
//	lines in order: "task A start", "task A stop", "task B start"
//	line "task B start" at 10s        (also: at < 1s, at >= 2s)
//	no line "task B stop"
//	total 15s                         (also: total < 5s)
//	goroutines >= 3                   (started with go; main not counted)
//	exit 0
//	deadlock / no deadlock
//	no leaked goroutines
//	"task A *" and "task B *" overlap (or: do not overlap)
//	main blocked on sync.WaitGroup.Wait from 0s to 2s (check_blocking.go)
//	"runner 1: hands over" happens before "runner 2: running"
//	"request * sent" after a wait on chan receive
//
// A quoted text matches a whole output line; * in it matches any text.
type Expectation struct {
	Text string // as written: `line "task B start" at 10s`
	Line int    // where it was written: its line in the lesson file; 0 for what every run must do

	key  string // for what every run must do: "compiles", "runs to its end"
	form form
	pats []pattern
	op   string // "=", "<", "<=", ">", ">="
	n    int64  // a duration in nanoseconds, a count or an exit status

	wait *waitCheck // a blocked or asleep check's (check_blocking.go)
}

type form int

const (
	linesInOrder form = iota + 1
	lineAt
	noLine
	total
	goroutines
	exitStatus
	deadlock
	noDeadlock
	noLeaks
	overlap
	noOverlap
	waitFor       // WHO blocked on WAIT ..., WHO asleep ...
	happensBefore // "A" happens before "B"
	afterWait     // "TEXT" after a wait on WAIT
)

// forms maps the words a check starts with to its form and, for messages,
// how it is written.
var forms = []struct {
	words string
	form  form
	usage string
}{
	{"lines in order", linesInOrder, `lines in order: "TEXT", "TEXT", ...`},
	{"line", lineAt, `line "TEXT" at TIME (like 10s, or < 1s)`},
	{"no line", noLine, `no line "TEXT"`},
	{"total", total, `total TIME (like 15s, or < 5s)`},
	{"goroutines", goroutines, `goroutines N (like 3, or >= 3)`},
	{"exit", exitStatus, `exit N`},
	{"deadlock", deadlock, `deadlock`},
	{"no deadlock", noDeadlock, `no deadlock`},
	{"no leaked goroutines", noLeaks, `no leaked goroutines`},
}

// Failure is an expectation a run did not meet, and what happened instead.
type Failure struct {
	Expectation Expectation
	Got         string // in English: "it was printed at 0s"
	// Schedule is the schedule of the run that failed (see Judge); the
	// zero Schedule is the default one.
	Schedule Schedule

	got msg
}

func (f Failure) String() string {
	return f.Expectation.Text + ": " + f.Got + scheduleNote(f.Schedule, English)
}

// In says the failure in lang: what was expected, what happened instead,
// and under which schedule when not the default one.
func (f Failure) In(lang Lang) string {
	if lang == English {
		return f.String()
	}
	sep := "："
	return f.Expectation.In(lang) + sep + f.got.in(lang) + scheduleNote(f.Schedule, lang)
}

func failure(x Expectation, got msg) Failure {
	return Failure{Expectation: x, Got: got.in(English), got: got}
}

// ParseChecks reads the lines of a check block: one expectation a line;
// blank lines and lines starting with # are skipped.
func ParseChecks(src string) ([]Expectation, error) {
	checks, err := parseChecks(strings.Split(src, "\n"), 1)
	if err != nil {
		return nil, err
	}
	return checks, nil
}

// parseChecks reads check lines, the first of which is line first.
func parseChecks(lines []string, first int) ([]Expectation, *Error) {
	var checks []Expectation
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		x, err := parseExpectation(l)
		if err != nil {
			return nil, &Error{Line: first + i, Msg: err.Error()}
		}
		x.Line = first + i
		checks = append(checks, x)
	}
	if len(checks) == 0 {
		return nil, &Error{Line: max(first-1, 1), Msg: "a check block needs at least one expectation"}
	}
	return checks, nil
}

// A token of a check line: a word, a quoted text, an operator, "," or ":".
type token struct {
	kind byte // 'w' word, 's' text, 'o' operator, or the punctuation itself
	s    string
	pat  pattern
}

func lex(src string) ([]token, error) {
	var toks []token
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == ',' || c == ':':
			toks = append(toks, token{kind: c, s: string(c)})
			i++
		case c == '"':
			pat, n, err := lexText(src[i:])
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{kind: 's', s: src[i : i+n], pat: pat})
			i += n
		case c == '<' || c == '>' || c == '=':
			n := 1
			if i+1 < len(src) && src[i+1] == '=' {
				n = 2
			}
			op := src[i : i+n]
			if op == "==" {
				op = "="
			}
			toks = append(toks, token{kind: 'o', s: op})
			i += n
		default:
			j := i
			for j < len(src) && !strings.ContainsRune(" \t,:\"<>=", rune(src[j])) {
				j++
			}
			toks = append(toks, token{kind: 'w', s: src[i:j]})
			i = j
		}
	}
	return toks, nil
}

// lexText reads a quoted text at the start of s: \" is a quote, \\ a
// backslash, \* a star; a bare * matches any text.
func lexText(s string) (pattern, int, error) {
	pat := pattern{parts: []string{""}}
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			pat.text = s[:i+1]
			return pat, i + 1, nil
		case '*':
			pat.parts = append(pat.parts, "")
		case '\\':
			if i+1 < len(s) && strings.IndexByte(`"\*`, s[i+1]) >= 0 {
				i++
				c = s[i]
			}
			pat.parts[len(pat.parts)-1] += string(c)
		default:
			pat.parts[len(pat.parts)-1] += string(c)
		}
	}
	return pat, 0, fmt.Errorf("a text is not closed: end it with \"")
}

// pattern matches whole output lines: literal parts with any text between.
type pattern struct {
	text  string   // as written, with its quotes
	parts []string // a single part matches exactly
}

func (p pattern) match(s string) bool {
	if len(p.parts) == 1 {
		return s == p.parts[0]
	}
	first, last := p.parts[0], p.parts[len(p.parts)-1]
	if len(s) < len(first)+len(last) || !strings.HasPrefix(s, first) || !strings.HasSuffix(s, last) {
		return false
	}
	s = s[len(first) : len(s)-len(last)]
	for _, part := range p.parts[1 : len(p.parts)-1] {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	return true
}

func parseExpectation(src string) (Expectation, error) {
	x := Expectation{Text: src, op: "="}
	toks, err := lex(src)
	if err != nil {
		return x, err
	}
	var words []string
	for _, t := range toks {
		if t.kind != 'w' {
			break
		}
		words = append(words, t.s)
	}
	if isHappensCheck(toks) {
		return parseHappens(x, toks)
	}
	if isAfterWaitCheck(toks) {
		return parseAfterWait(x, toks)
	}
	if len(words) == 0 && len(toks) > 0 && toks[0].kind == 's' {
		return parseOverlap(x, toks)
	}
	if isWaitCheck(words) {
		return parseWait(x, toks)
	}
	usage, rest, longest := "", toks, 0
	for _, f := range forms { // the longest form the words start with
		fw := strings.Fields(f.words)
		if len(fw) > longest && len(fw) <= len(words) && strings.Join(words[:len(fw)], " ") == f.words {
			x.form, usage, rest, longest = f.form, f.usage, toks[len(fw):], len(fw)
		}
	}
	if x.form == 0 {
		return x, fmt.Errorf("unknown check %q: want one of %s, or \"TEXT\" and \"TEXT\" overlap, \"TEXT\" happens before \"TEXT\", \"TEXT\" after a wait, WHO blocked on WAIT, WHO asleep", strings.Join(words, " "), knownForms())
	}
	bad := fmt.Errorf("want: %s", usage)
	switch x.form {
	case linesInOrder:
		if len(rest) < 2 || rest[0].kind != ':' {
			return x, bad
		}
		for i, t := range rest[1:] {
			if i%2 == 0 && t.kind != 's' || i%2 == 1 && t.kind != ',' {
				return x, bad
			}
			if t.kind == 's' {
				x.pats = append(x.pats, t.pat)
			}
		}
		if rest[len(rest)-1].kind != 's' {
			return x, bad
		}
	case lineAt:
		if len(rest) < 3 || rest[0].kind != 's' || rest[1].kind != 'w' || rest[1].s != "at" {
			return x, bad
		}
		x.pats = []pattern{rest[0].pat}
		return x, x.comparison(rest[2:], parseDuration, bad)
	case noLine:
		if len(rest) != 1 || rest[0].kind != 's' {
			return x, bad
		}
		x.pats = []pattern{rest[0].pat}
	case total:
		return x, x.comparison(rest, parseDuration, bad)
	case goroutines:
		return x, x.comparison(rest, parseCount, bad)
	case exitStatus:
		if len(rest) != 1 {
			return x, bad
		}
		return x, x.comparison(rest, parseCount, bad)
	default: // deadlock, no deadlock, no leaked goroutines
		if len(rest) != 0 {
			return x, bad
		}
	}
	return x, nil
}

func knownForms() string {
	var s []string
	for _, f := range forms {
		s = append(s, strconv.Quote(f.words))
	}
	return strings.Join(s, ", ")
}

func parseOverlap(x Expectation, toks []token) (Expectation, error) {
	bad := fmt.Errorf(`want: "TEXT" and "TEXT" overlap, or "TEXT" and "TEXT" do not overlap`)
	if len(toks) < 4 || toks[1].kind != 'w' || toks[1].s != "and" || toks[2].kind != 's' {
		return x, bad
	}
	x.pats = []pattern{toks[0].pat, toks[2].pat}
	var tail []string
	for _, t := range toks[3:] {
		if t.kind != 'w' {
			return x, bad
		}
		tail = append(tail, t.s)
	}
	switch strings.Join(tail, " ") {
	case "overlap":
		x.form = overlap
	case "do not overlap":
		x.form = noOverlap
	default:
		return x, bad
	}
	return x, nil
}

// comparison reads "[OP] VALUE" at the end of a check.
func (x *Expectation) comparison(toks []token, value func(string) (int64, error), bad error) error {
	if len(toks) == 2 && toks[0].kind == 'o' {
		x.op, toks = toks[0].s, toks[1:]
	}
	if len(toks) != 1 || toks[0].kind != 'w' {
		return bad
	}
	v, err := value(toks[0].s)
	if err != nil {
		return err
	}
	x.n = v
	return nil
}

func parseDuration(s string) (int64, error) {
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%q is not a time: write it like 10s, 1.5s, 100ms or 2m", s)
	}
	return int64(d), nil
}

func parseCount(s string) (int64, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a whole number", s)
	}
	return int64(n), nil
}

func (x Expectation) compare(v int64) bool {
	switch x.op {
	case "<":
		return v < x.n
	case "<=":
		return v <= x.n
	case ">":
		return v > x.n
	case ">=":
		return v >= x.n
	}
	return v == x.n
}

// run is what Check needs to know about a run's events.
type run struct {
	events   []event.Event
	lines    []outLine
	started  []event.Event // "go" events
	ended    map[int]bool
	exit     *event.Event
	deadlock *event.Event
	fault    string // the first line of a panic or fatal error
	compile  string // the first compile error
	stopped  string // why a budget or an interrupt stopped the run
}

type outLine struct {
	t    int64
	g    int
	text string
	name string // of the goroutine
}

func summarize(events []event.Event) *run {
	r := &run{events: events, ended: map[int]bool{}}
	names := map[int]string{1: "main"}
	for i := range events {
		e := &events[i]
		switch e.Kind {
		case event.Output:
			r.lines = append(r.lines, outLine{t: e.T, g: e.G, text: e.Text, name: names[e.G]})
		case event.Go:
			names[e.G] = e.Name
			r.started = append(r.started, *e)
		case event.End:
			r.ended[e.G] = true
		case event.Exit:
			r.exit = e
		case event.Deadlock:
			r.deadlock = e
		case event.Panic, event.Fatal:
			if r.fault == "" {
				r.fault, _, _ = strings.Cut(e.Text, "\n")
			}
		case event.Compile:
			if r.compile == "" {
				r.compile, _, _ = strings.Cut(e.Text, "\n")
			}
		case event.Timeout:
			r.stopped = e.Text
		}
	}
	return r
}

// Check returns the expectations that the run whose events are given does
// not meet, with what happened instead; none if it meets them all. Every run
// is also expected to compile and to run to its end (not be stopped by a
// time budget or an interrupt); when it does not, that is the only failure.
func Check(checks []Expectation, events []event.Event) []Failure {
	r := summarize(event.Joined(events))
	compiles := Expectation{Text: "compiles", key: "compiles"}
	ends := Expectation{Text: "runs to its end", key: "runs to its end"}
	switch {
	case r.compile != "":
		return []Failure{failure(compiles, msg{"as is", []any{r.compile}})}
	case r.stopped != "":
		return []Failure{failure(ends, msg{"as is", []any{r.stopped}})}
	case r.exit == nil:
		return []Failure{failure(ends, msg{key: "did not end"})}
	}
	var failures []Failure
	for _, x := range checks {
		if got, ok := r.check(x); !ok {
			failures = append(failures, failure(x, got))
		}
	}
	return failures
}

func (r *run) check(x Expectation) (msg, bool) {
	switch x.form {
	case linesInOrder:
		return r.inOrder(x.pats)
	case lineAt:
		for _, l := range r.lines {
			if x.pats[0].match(l.text) {
				return msg{"printed at", []any{dur(l.t)}}, x.compare(l.t)
			}
		}
		return msg{key: "never printed"}, false
	case noLine:
		var at times
		for _, l := range r.lines {
			if x.pats[0].match(l.text) {
				at = append(at, l.t)
			}
		}
		return msg{"printed at", []any{at}}, len(at) == 0
	case total:
		return msg{"took", []any{dur(r.exit.T)}}, x.compare(r.exit.T)
	case goroutines:
		n := len(r.started)
		return msg{"started", []any{count{n, "goroutine"}}}, x.compare(int64(n))
	case exitStatus:
		got := msg{"exited", []any{r.exit.Code}}
		switch {
		case r.deadlock != nil:
			got = msg{"exited deadlock", []any{r.exit.Code}}
		case r.fault != "":
			got = msg{"exited fault", []any{r.exit.Code, r.fault}}
		}
		return got, x.compare(int64(r.exit.Code))
	case deadlock:
		return msg{"no deadlock", []any{dur(r.exit.T)}}, r.deadlock != nil
	case noDeadlock:
		if d := r.deadlock; d != nil {
			return msg{"deadlocked", []any{dur(d.T), blockedList(d.Blocked)}}, false
		}
		return msg{}, true
	case noLeaks:
		// A program that returned from main says which goroutines could
		// never have finished (the engine let them go on after main's
		// return to see); a goroutine that was only cut short is none.
		// Any other end counts every goroutine that had not ended.
		var left list
		if r.exit.Code == 0 && r.deadlock == nil {
			entries := func(gs []event.Goroutine) list {
				var l list
				for _, g := range gs {
					name := g.Name
					if g.Count > 1 {
						name += fmt.Sprintf(" ×%d", g.Count)
					}
					l = append(l, msg{"goroutine waits", []any{g.G, name, waitText(g)}})
				}
				return l
			}
			var why list
			if l := entries(r.exit.Leaked); len(l) > 0 {
				why = append(why, msg{"never finish", []any{l}})
			}
			if l := entries(r.exit.Cut); len(l) > 0 {
				why = append(why, msg{"cut short", []any{l}})
			}
			if len(why) > 0 {
				return msg{"as is", []any{why}}, false
			}
			return msg{}, true
		} else {
			for _, e := range r.started {
				if !r.ended[e.G] {
					left = append(left, msg{"goroutine", []any{e.G, e.Name}})
				}
			}
		}
		if len(left) > 0 {
			return msg{"still running", []any{left}}, false
		}
		return msg{}, true
	case waitFor:
		return r.checkWait(x)
	case happensBefore:
		return r.checkHappens(x)
	case afterWait:
		return r.checkAfterWait(x)
	case overlap, noOverlap:
		var from, to [2]int64
		for i, p := range x.pats {
			found := false
			for _, l := range r.lines {
				if p.match(l.text) {
					if !found {
						from[i] = l.t
					}
					to[i], found = l.t, true
				}
			}
			if !found {
				return msg{"pattern never", []any{quoted{p}}}, false
			}
		}
		got := msg{"ran from", []any{quoted{x.pats[0]}, dur(from[0]), dur(to[0]), quoted{x.pats[1]}, dur(from[1]), dur(to[1])}}
		overlapping := from[0] < to[1] && from[1] < to[0]
		return got, overlapping == (x.form == overlap)
	}
	return msg{key: "unknown"}, false
}

// inOrder finds, for each pattern in turn, a line of its own that comes
// after the lines found for the patterns before it. Lines at different times
// are ordered by time; lines at the same instant only when one goroutine
// printed both. A tie between goroutines may be taken in either order.
func (r *run) inOrder(pats []pattern) (msg, bool) {
	cands := make([][]int, len(pats))
	for i, p := range pats {
		for j, l := range r.lines {
			if p.match(l.text) {
				cands[i] = append(cands[i], j)
			}
		}
		if len(cands[i]) == 0 {
			return msg{"pattern never", []any{quoted{p}}}, false
		}
	}
	used := make([]bool, len(r.lines))
	var chosen, best []int
	budget := 1 << 20
	var search func(i int) bool
	search = func(i int) bool {
		if len(chosen) > len(best) || best == nil {
			best = append(best[:0:0], chosen...)
		}
		if i == len(pats) {
			return true
		}
		if budget--; budget < 0 {
			return false
		}
		type key struct {
			t    int64
			g    int
			text string
		}
		tried := map[key]bool{}
		for _, j := range cands[i] {
			l := r.lines[j]
			if used[j] || !r.after(chosen, j) || tried[key{l.t, l.g, l.text}] {
				continue
			}
			tried[key{l.t, l.g, l.text}] = true // lines alike in every way are interchangeable
			used[j] = true
			chosen = append(chosen, j)
			if search(i + 1) {
				return true
			}
			used[j] = false
			chosen = chosen[:len(chosen)-1]
		}
		return false
	}
	if search(0) {
		return msg{}, true
	}
	if budget < 0 {
		return msg{key: "too many"}, false
	}
	k := len(best) // pats[k] found no place after best
	taken := map[int]bool{}
	for _, j := range best {
		taken[j] = true
	}
	var free []outLine
	for _, j := range cands[k] {
		if !taken[j] {
			free = append(free, r.lines[j])
		}
	}
	if len(free) == 0 {
		return msg{"printed only", []any{quoted{pats[k]}, count{len(cands[k]), "time"}}}, false
	}
	prev := r.lines[best[k-1]]
	last := free[len(free)-1]
	if last.t == prev.t {
		return msg{"came before tie", []any{quoted{pats[k]}, quoted{pats[k-1]}, dur(last.t), msg{"goroutine", []any{last.g, last.name}}}}, false
	}
	var at times
	for _, l := range free {
		at = append(at, l.t)
	}
	return msg{"came before", []any{quoted{pats[k]}, quoted{pats[k-1]}, at, quoted{pats[k-1]}, dur(prev.t)}}, false
}

// after reports whether line j may come after the lines chosen so far.
func (r *run) after(chosen []int, j int) bool {
	l := r.lines[j]
	for k := len(chosen) - 1; k >= 0; k-- {
		p := r.lines[chosen[k]]
		if p.t != l.t {
			return p.t < l.t
		}
		if p.g == l.g && chosen[k] > j {
			return false
		}
	}
	return true
}

func dur(ns int64) string { return time.Duration(ns).String() }

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// waitText is what g waits on: "chan send on results (made at 3:9)",
// "chan send：results，创建于 3:9".
type waitText event.Goroutine

func (w waitText) in(lang Lang) string {
	switch {
	case w.On == "":
		return w.State
	case lang == Chinese:
		on := w.On
		if m := madeAt.FindStringSubmatch(on); m != nil {
			on = m[1] + "，创建于 " + m[2]
		}
		return w.State + "：" + on
	}
	return w.State + " on " + w.On
}

// madeAt matches how the engine names an object: "jobs (made at 3:9)", or
// in the REPL "jobs (made at #2:3:9)".
var madeAt = lazyregexp.New(`^(.*) \(made at ((?:#\d+:)?\d+:\d+)\)$`)

func blockedList(gs []event.Goroutine) list {
	s := make(list, len(gs))
	for i, g := range gs {
		s[i] = msg{"goroutine waits", []any{g.G, g.Name, g.State}}
	}
	return s
}
