package repl

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/concur-dev/concur/event"
)

// Printer renders events for people: each output line stamped with its time
// and goroutine, faults in Go's own words. It is not safe for concurrent use.
type Printer struct {
	Out, Err io.Writer
	Color    bool
	// Values prints expression values (the REPL does, `concur run` does not).
	Values bool

	names map[int]string
	width int // of the "g2 worker" column, grown as names arrive
}

// NewPrinter returns a Printer writing output to out and faults to errw.
func NewPrinter(out, errw io.Writer, color bool) *Printer {
	return &Printer{Out: out, Err: errw, Color: color}
}

// palette colours goroutines: g1 plain, then cycling through six hues.
var palette = []string{"36", "33", "35", "32", "34", "91", "96", "93"}

const (
	red   = "31"
	dim   = "2"
	reset = "\x1b[0m"
)

func (p *Printer) paint(code, s string) string {
	if !p.Color || code == "" {
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
func Stamp(t int64) string {
	ms := time.Duration(t).Milliseconds()
	return fmt.Sprintf("+%d.%03ds", ms/1000, ms%1000)
}

// Label is how a goroutine is named on screen: "g2 worker".
func Label(g int, name string) string {
	if g == 0 {
		return "—"
	}
	if name == "" {
		return fmt.Sprintf("g%d", g)
	}
	return fmt.Sprintf("g%d %s", g, name)
}

func (p *Printer) label(g int) string {
	if p.names == nil {
		p.names = map[int]string{1: "main"}
	}
	l := Label(g, p.names[g])
	if n := utf8.RuneCountInString(l); n > p.width {
		p.width = min(n, 24)
	}
	return l
}

func (p *Printer) prefix(e event.Event) string {
	l := p.label(e.G)
	pad := p.width - utf8.RuneCountInString(l)
	if pad < 0 {
		pad = 0
	}
	return fmt.Sprintf("%s  %s%s %s ", p.paint(dim, fmt.Sprintf("%8s", Stamp(e.T))), p.paint(goroutineColor(e.G), l), strings.Repeat(" ", pad), p.paint(dim, "│"))
}

// Event renders one event.
func (p *Printer) Event(e event.Event) {
	switch e.Kind {
	case event.Go:
		if p.names == nil {
			p.names = map[int]string{1: "main"}
		}
		p.names[e.G] = e.Name
		p.label(e.G)
	case event.Output:
		w := p.Out
		text := e.Text
		if e.Stream == "stderr" {
			w = p.Err
		}
		fmt.Fprintf(w, "%s%s\n", p.prefix(e), text)
	case event.Value:
		if p.Values {
			fmt.Fprintf(p.Out, ": %s\n", e.Text)
		}
	case event.Compile:
		fmt.Fprintln(p.Err, p.paint(red, e.Text))
	case event.Panic, event.Fatal:
		first, rest, _ := strings.Cut(e.Text, "\n")
		fmt.Fprintf(p.Err, "%s%s\n", p.prefix(e), p.paint(red, first))
		if rest != "" {
			fmt.Fprintln(p.Err, p.paint(red, rest))
		}
	case event.Deadlock, event.Timeout:
		fmt.Fprintf(p.Err, "%s%s\n", p.prefix(e), p.paint(red, e.Text))
		for _, g := range e.Blocked {
			fmt.Fprintf(p.Err, "%s\n", p.paint(red, fmt.Sprintf("    %s: %s", p.label(g.G), g.State)))
		}
	case event.Restore:
		fmt.Fprintln(p.Err, p.paint(dim, "concur: "+e.Text))
	}
}
