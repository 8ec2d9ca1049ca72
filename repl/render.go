package repl

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/internal/lazyregexp"
)

// Printer renders events for people: each output line stamped with its time
// and goroutine, faults in Go's own words, every text made Visible. It buffers what it writes — a
// print-heavy run makes a million lines — so call Flush when the screen must
// be up to date. It is not safe for concurrent use.
type Printer struct {
	// Values prints expression values (the REPL does, `concur run` does not).
	Values bool
	// Lang is the language of concur's own words in reports ("en" or
	// "zh"; "" is English). Go's messages stay as Go writes them.
	Lang string

	out, err *bufio.Writer
	last     *bufio.Writer // the stream written last: flushed before the other is used
	color    bool
	names    map[int]string
	width    int            // of the "g2 worker" column, grown as names arrive
	labels   map[int][]byte // painted, padded labels for the current width
	line     []byte
	torn     [2]bool // stdout, stderr: the last output event was a piece of a line
}

// pieceMark ends a piece of a torn line and starts what follows it on the
// same line of Go's output (see event.Event.More).
const pieceMark = "…"

// NewPrinter returns a Printer writing output to out and faults to errw.
func NewPrinter(out, errw io.Writer, color bool) *Printer {
	p := &Printer{color: color, names: map[int]string{1: "main"}, labels: map[int][]byte{}}
	p.out = bufio.NewWriterSize(out, 32<<10)
	p.err = p.out
	if errw != out {
		p.err = bufio.NewWriterSize(errw, 4<<10)
	}
	return p
}

// learnNames adds goroutine names the Printer has not seen in events.
func (p *Printer) learnNames(names map[int]string) {
	for g, n := range names {
		if _, ok := p.names[g]; !ok {
			p.names[g] = n
		}
	}
}

// digits is how many decimal digits n > 0 has.
func digits(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

// plain reports whether Visible leaves s as it is and each of its bytes
// takes one column: printable ASCII.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// NewRun starts the label column afresh for a new run; names are kept.
func (p *Printer) NewRun() {
	p.width = 0
	clear(p.labels)
}

// Flush writes out everything buffered.
func (p *Printer) Flush() {
	p.out.Flush()
	p.err.Flush()
}

// writer switches to stream w, flushing the other so the two interleave in
// the order things happened.
func (p *Printer) writer(w *bufio.Writer) *bufio.Writer {
	if p.last != nil && p.last != w {
		p.last.Flush()
	}
	p.last = w
	return w
}

// palette colours goroutines: g1 plain, then cycling through six hues.
var palette = []string{"36", "33", "35", "32", "34", "91", "96", "93"}

const (
	red   = "31"
	dim   = "2"
	reset = "\x1b[0m"
)

func (p *Printer) paint(code, s string) string {
	if !p.color || code == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + reset
}

func goroutineColor(g int) string {
	if g <= 1 {
		return ""
	}
	return palette[(g-2)%len(palette)]
}

// Stamp formats a time since the run started: "+1.250s".
func Stamp(t int64) string { return string(appendStamp(nil, t)) }

func appendStamp(b []byte, t int64) []byte {
	ms := time.Duration(t).Milliseconds()
	if ms < 0 {
		b = append(b, '-')
		ms = -ms
	} else {
		b = append(b, '+')
	}
	b = strconv.AppendInt(b, ms/1000, 10)
	frac := ms % 1000
	return append(b, '.', byte('0'+frac/100), byte('0'+frac/10%10), byte('0'+frac%10), 's')
}

// Label is how a goroutine is named on screen: "g2 worker". The name is
// made Visible: one from a session file may hold anything.
func Label(g int, name string) string {
	if g == 0 {
		return "—"
	}
	if name == "" {
		return fmt.Sprintf("g%d", g)
	}
	return fmt.Sprintf("g%d %s", g, Visible(name))
}

func (p *Printer) label(g int) string {
	l := Label(g, p.names[g])
	if n := utf8.RuneCountInString(l); n > p.width {
		p.width = min(n, 24)
		clear(p.labels)
	}
	return l
}

// appendPrefix appends "  +1.250s  g2 worker │ " for goroutine g at time t.
func (p *Printer) appendPrefix(b []byte, t int64, g int) []byte {
	var sb [24]byte
	stamp := appendStamp(sb[:0], t)
	if p.color {
		b = append(b, "\x1b[2m"...)
	}
	for i := len(stamp); i < 8; i++ {
		b = append(b, ' ')
	}
	b = append(b, stamp...)
	if p.color {
		b = append(b, reset...)
	}
	b = append(b, ' ', ' ')
	lbl, ok := p.labels[g]
	if !ok {
		l := p.label(g)
		pad := strings.Repeat(" ", max(p.width-utf8.RuneCountInString(l), 0))
		lbl = []byte(p.paint(goroutineColor(g), l) + pad + " " + p.paint(dim, "│") + " ")
		p.labels[g] = lbl
	}
	return append(b, lbl...)
}

func (p *Printer) prefix(e event.Event) string {
	return string(p.appendPrefix(nil, e.T, e.G))
}

// Note writes a line of concur's own about the playback (a quiet gap cut
// short, a hint), dim, among the output.
func (p *Printer) Note(text string) {
	fmt.Fprintln(p.writer(p.out), p.paint(dim, text))
}

// Shows reports whether Event draws something for e, or e ends the run:
// playback waits for those (PlayOptions.Quiet is its opposite).
func (p *Printer) Shows(e event.Event) bool {
	switch e.Kind {
	case event.Output, event.Compile, event.Panic, event.Fatal, event.Deadlock, event.Timeout,
		event.Restore, event.Dropped, event.Exit:
		return true
	case event.Value:
		return p.Values
	}
	return false
}

// Event renders one event.
func (p *Printer) Event(e event.Event) {
	switch e.Kind {
	case event.Go:
		p.names[e.G] = e.Name
		delete(p.labels, e.G)
		// A run may start a million goroutines: the label is made only if
		// it could widen the column (its length in bytes bounds its width
		// unless Visible escapes something, which only makes it wider).
		if bound := 1 + digits(e.G) + 1 + len(e.Name); bound > p.width || !plain(e.Name) {
			p.label(e.G)
		}
	case event.Output:
		w, s := p.out, 0
		if e.Stream == "stderr" {
			w, s = p.err, 1
		}
		p.line = p.appendPrefix(p.line[:0], e.T, e.G)
		if p.torn[s] {
			p.line = append(p.line, p.paint(dim, pieceMark)...)
		}
		p.line = appendVisible(p.line, e.Text)
		if e.More {
			p.line = append(p.line, p.paint(dim, pieceMark)...)
		}
		p.line = append(p.line, '\n')
		p.torn[s] = e.More
		p.writer(w).Write(p.line)
	case event.Value:
		if p.Values {
			fmt.Fprintf(p.writer(p.out), ": %s\n", VisibleLines(e.Text))
		}
	case event.Compile:
		fmt.Fprintln(p.writer(p.err), p.paint(red, VisibleLines(compileText(p.Lang, e.Text))))
	case event.Panic, event.Fatal:
		first, rest, _ := strings.Cut(stopText(p.Lang, e.Text), "\n")
		w := p.writer(p.err)
		fmt.Fprintf(w, "%s%s\n", p.prefix(e), p.paint(red, Visible(first)))
		if rest != "" {
			fmt.Fprintln(w, p.paint(red, VisibleLines(rest)))
		}
	case event.Deadlock, event.Timeout:
		w := p.writer(p.err)
		fmt.Fprintf(w, "%s%s\n", p.prefix(e), p.paint(red, VisibleLines(stopText(p.Lang, e.Text))))
		for _, line := range Report(p.Lang, e, p.names) {
			fmt.Fprintf(w, "%s\n", p.paint(red, "    "+line))
		}
	case event.Restore:
		fmt.Fprintln(p.writer(p.err), p.paint(dim, VisibleLines(catalog(p.Lang).restoreText(e))))
	case event.Dropped:
		fmt.Fprintln(p.writer(p.err), p.paint(dim, VisibleLines(catalog(p.Lang).droppedText(e))))
	}
}

// reportWords are the words of goroutine reports in one language.
type reportWords struct {
	entry    string // "%s: %s": a goroutine (or group) and what it does
	waitOn   string // "%s on %s": a wait and what it waits on
	madeAt   string // "%s (made at %s)": an object and where it was made
	waited   string // "%s, for %s": and for how long
	alive    string // "%s goroutines alive"
	aliveOne string
	nobody   string // "no goroutine is left that could %s"
	// Separators: between the objects of one action ("done or values"),
	// between actions, and before the last action.
	or, sep, orLast string
	// What would release each kind of wait, with the object's name.
	send, receive, chanUse, unlock, done, signal, once string
}

var reportEn = reportWords{
	entry:    "%s: %s",
	waitOn:   "%s on %s",
	madeAt:   "%s (made at %s)",
	waited:   "%s, for %s",
	alive:    "%s goroutines alive",
	aliveOne: "1 goroutine alive",
	nobody:   "no goroutine is left that could %s",
	or:       " or ",
	sep:      ", ",
	orLast:   ", or ",
	send:     "send on %s",
	receive:  "receive from %s",
	chanUse:  "send or receive on %s",
	unlock:   "unlock %s",
	done:     "call Done on %s",
	signal:   "call Signal or Broadcast on %s",
	once:     "finish %s.Do",
}

var reportZh = reportWords{
	entry:    "%s：%s",
	waitOn:   "%s（%s）",
	madeAt:   "%s，创建于 %s",
	waited:   "%s，已等 %s",
	alive:    "共 %s 个 goroutine 存活",
	aliveOne: "共 1 个 goroutine 存活",
	nobody:   "再也没有 goroutine 能%s",
	or:       " 或 ",
	sep:      "，",
	orLast:   "，或",
	send:     "向 %s 发送",
	receive:  "从 %s 接收",
	chanUse:  "在 %s 上收发",
	unlock:   "解锁 %s",
	done:     "对 %s 调用 Done",
	signal:   "对 %s 调用 Signal 或 Broadcast",
	once:     "让 %s 的 Do 完成",
}

func reportCatalog(lang string) reportWords {
	if lang == "zh" {
		return reportZh
	}
	return reportEn
}

// madeAt matches how the engine names an object: "jobs (made at 3:9)", or
// in the REPL "jobs (made at #2:3:9)".
var madeAt = lazyregexp.New(`^(.*) \(made at ((?:#\d+:)?\d+:\d+)\)$`)

// doing says what g waits in and on, and for how long by now (a time on
// the run's clock; negative: not known), in w's words; a wait that has
// only just begun says no time.
func (w reportWords) doing(g event.Goroutine, now int64) string {
	s := Visible(g.State)
	if g.On != "" {
		on := Visible(g.On)
		if m := madeAt.FindStringSubmatch(g.On); m != nil {
			on = fmt.Sprintf(w.madeAt, Visible(m[1]), m[2])
		}
		s = fmt.Sprintf(w.waitOn, s, on)
	}
	// Since 0 is also what a stream older than blocking events gives (and
	// it has no objects): the time is shown only where it is known.
	if now >= 0 && g.Count <= 1 && stateOf(g.State) != Running && (g.Since != 0 || g.Obj != 0) && now > g.Since {
		s = fmt.Sprintf(w.waited, s, time.Duration(now-g.Since))
	}
	return s
}

// GoroutineLines says, in lang, what each goroutine of a list (a deadlock's
// or timeout's, or :goroutines') is doing, one line each: "g3 consumer: chan
// receive on jobs (made at 2:8), for 1.5s" — since when it waits, taken as
// now minus its Since (both on the run's clock; now < 0 leaves it out). A
// group the engine counted is one line: "worker ×999,990: sleep". names
// gives goroutines names the list does not.
func GoroutineLines(lang string, list []event.Goroutine, now int64, names map[int]string) []string {
	w := reportCatalog(lang)
	var lines []string
	for _, g := range list {
		name := g.Name
		if name == "" {
			name = names[g.G]
		}
		who := Label(g.G, name)
		if g.Count > 1 {
			who = Visible(name) + " ×" + groupDigits(g.Count)
		}
		lines = append(lines, fmt.Sprintf(w.entry, who, w.doing(g, now)))
	}
	return lines
}

// Total says, in lang, how many goroutines a list stands for.
func Total(lang string, list []event.Goroutine) string {
	n := 0
	for _, g := range list {
		n += max(g.Count, 1)
	}
	w := reportCatalog(lang)
	if n == 1 {
		return w.aliveOne
	}
	return fmt.Sprintf(w.alive, groupDigits(n))
}

// Report is what the REPL and concur run print, in lang, under a deadlock's
// or a timeout's message: each goroutine still there, what it waits on and
// for how long; for a deadlock, what no goroutine is left to do: the sends,
// receives, unlocks and Done calls that would have released them.
//
// A stopped run's report ends with how many goroutines were alive, and so
// does a deadlock's whose goroutines the engine grouped: a group's line
// does not show the whole number.
func Report(lang string, e event.Event, names map[int]string) []string {
	lines := report(lang, e, names)
	if len(e.Blocked) > 0 && (e.Kind == event.Timeout || grouped(e.Blocked)) {
		lines = append(lines, Total(lang, e.Blocked))
	}
	return lines
}

// grouped reports whether a list has a line that stands for more than one
// goroutine.
func grouped(list []event.Goroutine) bool {
	for _, g := range list {
		if g.Count > 1 {
			return true
		}
	}
	return false
}

func report(lang string, e event.Event, names map[int]string) []string {
	lines := GoroutineLines(lang, e.Blocked, e.T, names)
	if e.Kind != event.Deadlock {
		return lines
	}
	w := reportCatalog(lang)
	var actions []string             // in the order first needed
	objects := map[string][]string{} // by action
	for _, g := range e.Blocked {
		if g.On == "" {
			continue
		}
		on := Visible(g.On)
		if m := madeAt.FindStringSubmatch(g.On); m != nil {
			on = Visible(m[1])
		}
		var need string
		switch g.State {
		case "chan receive":
			need = w.send
		case "chan send":
			need = w.receive
		case "select":
			need = w.chanUse
		case "sync.Mutex.Lock", "sync.RWMutex.Lock", "sync.RWMutex.RLock":
			need = w.unlock
		case "sync.WaitGroup.Wait":
			need = w.done
		case "sync.Cond.Wait":
			need = w.signal
		case "sync.Once.Do":
			need = w.once
		default:
			continue
		}
		if _, ok := objects[need]; !ok {
			actions = append(actions, need)
		}
		if !slices.Contains(objects[need], on) {
			objects[need] = append(objects[need], on)
		}
	}
	if len(actions) == 0 {
		return lines
	}
	needs := make([]string, len(actions))
	for i, a := range actions {
		needs[i] = fmt.Sprintf(a, strings.Join(objects[a], w.or))
	}
	list := needs[0]
	if n := len(needs); n > 1 {
		list = strings.Join(needs[:n-1], w.sep) + w.orLast + needs[n-1]
	}
	return append(lines, fmt.Sprintf(w.nobody, list))
}

// Verdict writes, after a recorded run whose events ended the program as a
// Go program would end (a panic, a fatal error, a deadlock, os.Exit with a
// status), the line the REPL showed then: the exit status Go would give
// and what became of the session. It writes nothing after other runs (a
// compile error, a stop, a budget).
func (p *Printer) Verdict(events []event.Event) {
	code, ended, died := 0, false, false
	for _, e := range events {
		switch e.Kind {
		case event.Compile, event.Timeout:
			return
		case event.Fatal:
			ended, died = true, true
		case event.Panic, event.Deadlock:
			ended = true
		case event.Exit:
			code = e.Code
		}
	}
	if code == 0 || code == 2 && !ended {
		return
	}
	text := catalog(p.Lang).verdict
	if died {
		text = catalog(p.Lang).verdictDied // the worker died: the next input restores
	}
	w := p.writer(p.err)
	w.WriteString(p.paint(dim, fmt.Sprintf(text, code)))
	w.WriteByte('\n')
}
