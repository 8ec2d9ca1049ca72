package repl

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/concur-dev/concur/event"
)

// Printer renders events for people: each output line stamped with its time
// and goroutine, faults in Go's own words, every text made Visible. It buffers what it writes — a
// print-heavy run makes a million lines — so call Flush when the screen must
// be up to date. It is not safe for concurrent use.
type Printer struct {
	// Values prints expression values (the REPL does, `concur run` does not).
	Values bool
	// Lang is the learner's language ("en", "zh") for concur's own notices.
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

// Event renders one event.
func (p *Printer) Event(e event.Event) {
	switch e.Kind {
	case event.Go:
		p.names[e.G] = e.Name
		delete(p.labels, e.G)
		p.label(e.G)
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
		fmt.Fprintln(p.writer(p.err), p.paint(red, VisibleLines(e.Text)))
	case event.Panic, event.Fatal:
		first, rest, _ := strings.Cut(e.Text, "\n")
		w := p.writer(p.err)
		fmt.Fprintf(w, "%s%s\n", p.prefix(e), p.paint(red, Visible(first)))
		if rest != "" {
			fmt.Fprintln(w, p.paint(red, VisibleLines(rest)))
		}
	case event.Deadlock, event.Timeout:
		w := p.writer(p.err)
		fmt.Fprintf(w, "%s%s\n", p.prefix(e), p.paint(red, VisibleLines(e.Text)))
		for _, g := range e.Blocked {
			fmt.Fprintf(w, "%s\n", p.paint(red, fmt.Sprintf("    %s: %s", p.label(g.G), Visible(g.State))))
		}
	case event.Restore:
		fmt.Fprintln(p.writer(p.err), p.paint(dim, VisibleLines(catalog(p.Lang).restoreText(e))))
	case event.Dropped:
		fmt.Fprintln(p.writer(p.err), p.paint(dim, VisibleLines(catalog(p.Lang).droppedText(e))))
	}
}
