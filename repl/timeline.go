package repl

import (
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/concur-dev/concur/event"
)

// A timeline chart is a grid: one lane per goroutine, each lane a row of
// cells, each cell a slice of the run's time. What a cell shows is the most
// telling thing that happened to the goroutine in that slice, in the order of
// the kinds below (a panic beats a print, a print beats the end, and so on),
// so every glyph reads without colour.
type cellKind uint8

const (
	cellEmpty   cellKind = iota
	cellAlive            // started and not yet ended
	cellAsleep           // in time.Sleep
	cellBlocked          // waiting for good, as a deadlock or timeout found it
	cellEnd              // returned
	cellPrint            // wrote a line
	cellPanic            // died of a panic or a fatal error
)

var cellGlyphs = [...]struct{ glyph, meaning string }{
	cellEmpty:   {" ", ""},
	cellAlive:   {"━", "alive"},
	cellAsleep:  {"╌", "asleep"},
	cellBlocked: {"░", "blocked"},
	cellEnd:     {"┫", "ended"},
	cellPrint:   {"●", "printed"},
	cellPanic:   {"✗", "panicked"},
}

// The lane keeps at least minLane cells where the terminal allows; labels
// and blocked states give way first.
const (
	minLane      = 20
	maxLabel     = 32
	minWidth     = 10 // narrower than this there is no chart
	labelGap     = 2  // cells between two labels of the time axis
	minStateText = 8  // a state cut shorter than this is left out (the fault message lists it too)
)

// TimelineNeeded reports whether a run's events are worth a [Timeline]: the
// run used more than one goroutine or slept.
func TimelineNeeded(events []event.Event) bool {
	for _, e := range events {
		switch e.Kind {
		case event.Sleep:
			if e.D > 0 {
				return true
			}
		case event.Go, event.Output, event.End, event.Panic:
			if e.G > 1 {
				return true
			}
		case event.Deadlock, event.Timeout:
			for _, b := range e.Blocked {
				if b.G > 1 {
					return true
				}
			}
		}
	}
	return false
}

// Timeline draws a run's goroutines as lanes across width columns: one lane per
// goroutine (label "g2 worker"), where it was alive, asleep, printing, and how it
// ended; a time axis with round ticks under them. It returns "" when the run
// used one goroutine and never slept (nothing to show).
//
// Time runs left to right from 0 to the run's total (the exit event's t): a
// cell covers an equal slice of it, and something that happened at t is drawn
// in cell floor(t*cells/total). A goroutine's lane starts where it was
// started (goroutines from earlier inputs and main at 0) and stops where it
// ended or panicked; one still alive when the run ended reaches the right
// edge. Goroutines a deadlock or timeout found waiting are drawn blocked from
// their last activity on, and their state ("chan receive") follows the lane
// when there is room. Under the axis a legend explains the glyphs used.
//
// Every line ends in a newline and takes at most width terminal cells; with
// color false it holds no escape codes. Under 10 columns it returns "".
func Timeline(events []event.Event, width int, color bool) string {
	if width < minWidth || !TimelineNeeded(events) {
		return ""
	}
	c := newChart(events)
	c.layout(width)
	rows := make([][]cellKind, len(c.lanes))
	for i, l := range c.lanes {
		rows[i] = c.row(l)
	}
	var b strings.Builder
	c.drawLanes(&b, rows, color)
	c.drawAxis(&b, color)
	drawLegend(&b, rows, c.label+1, width, color)
	return b.String()
}

type sleepSpan struct{ from, to int64 }

// Lane is one goroutine of a run as the timeline draws it: when it started
// and stopped, how it stopped, when it slept and printed, and what a deadlock
// or timeout found it waiting on.
type Lane struct {
	G                      int
	Name                   string
	Start, Stop, Last      int64 // Last: its last activity; Stop: its end, or the run's
	Ended, Panicked, Stuck bool
	Sleeps                 [][2]int64
	Prints                 []int64
	State                  string
}

// Lanes returns a run's lanes, in goroutine order, and its total time: what
// Timeline draws, for other drawings of it (the HTML export's SVG).
func Lanes(events []event.Event) ([]Lane, int64) {
	c := newChart(events)
	out := make([]Lane, len(c.lanes))
	for i, l := range c.lanes {
		out[i] = Lane{G: l.g, Name: l.name, Start: l.start, Stop: l.stop, Last: l.last,
			Ended: l.ended, Panicked: l.panicked, Stuck: l.stuck, Prints: l.prints, State: l.state}
		for _, sl := range l.sleeps {
			out[i].Sleeps = append(out[i].Sleeps, [2]int64{sl.from, sl.to})
		}
	}
	return out, c.total
}

// timelineLane is what the events say about one goroutine.
type timelineLane struct {
	g        int
	name     string
	start    int64
	stop     int64 // when it ended or panicked; the run's total if neither
	ended    bool
	panicked bool
	last     int64 // its last activity: start, a print, a wake-up, starting another
	sleeps   []sleepSpan
	prints   []int64
	state    string // what a deadlock or timeout found it waiting on
	stuck    bool   // found waiting: drawn asleep or blocked from last to the end
}

type timelineChart struct {
	lanes []*timelineLane
	total int64

	label int // cells of the label column
	cells int // cells of a lane
	state int // cells after a lane for its state, the separating space included
}

func newChart(events []event.Event) *timelineChart {
	c := &timelineChart{}
	byG := map[int]*timelineLane{}
	lane := func(g int) *timelineLane {
		l := byG[g]
		if l == nil {
			l = &timelineLane{g: g, stop: -1}
			if g == 1 {
				l.name = "main"
			}
			byG[g] = l
			c.lanes = append(c.lanes, l)
		}
		return l
	}
	var exit, latest int64
	for _, e := range events {
		latest = max(latest, e.T)
		if e.G <= 0 && e.Kind != event.Deadlock && e.Kind != event.Timeout && e.Kind != event.Exit {
			continue
		}
		switch e.Kind {
		case event.Go:
			l := lane(e.G)
			l.name, l.start, l.last = e.Name, e.T, e.T
			if e.Parent > 0 {
				p := lane(e.Parent)
				p.last = max(p.last, e.T)
			}
		case event.Output:
			l := lane(e.G)
			l.prints = append(l.prints, e.T)
			l.last = max(l.last, e.T)
		case event.Sleep:
			l := lane(e.G)
			wake := e.T + max(e.D, 0)
			if wake < e.T {
				wake = math.MaxInt64 // time.Sleep(math.MaxInt64)
			}
			if e.D > 0 {
				l.sleeps = append(l.sleeps, sleepSpan{e.T, wake})
			}
			l.last = max(l.last, wake)
		case event.End:
			l := lane(e.G)
			l.ended, l.stop = true, e.T
		case event.Panic, event.Fatal:
			l := lane(e.G)
			l.panicked, l.stop = true, e.T
		case event.Deadlock, event.Timeout:
			for _, b := range e.Blocked {
				l := lane(b.G)
				if l.name == "" {
					l.name = b.Name
				}
				l.state = b.State
				l.stuck = b.State != "running" && b.State != "runnable" && b.State != ""
			}
		case event.Exit:
			exit = e.T
		}
	}
	c.total = exit
	if c.total <= 0 {
		c.total = latest
	}
	for _, l := range c.lanes {
		if l.stop < 0 {
			l.stop = c.total
		}
		for i, s := range l.sleeps {
			l.sleeps[i].to = min(s.to, l.stop) // cut short by the run's end
		}
		l.last = min(l.last, l.stop)
	}
	slices.SortFunc(c.lanes, func(a, b *timelineLane) int { return a.g - b.g })
	return c
}

// layout divides width between the label column, the lanes and the states
// after them.
func (c *timelineChart) layout(width int) {
	longest, number, stateText := 0, 0, 0
	for _, l := range c.lanes {
		longest = max(longest, runeCells(Label(l.g, l.name)))
		number = max(number, runeCells(Label(l.g, "")))
		if l.state != "" {
			stateText = max(stateText, runeCells(l.state))
		}
	}
	lane := min(minLane, width/2)
	// A truncated label keeps its "g12 " and one cell for "…".
	c.label = max(min(longest, maxLabel, width-1-lane), min(longest, number+2))
	c.label = min(c.label, width-2)
	room := width - c.label - 1
	switch {
	case stateText == 0:
	case room-1-stateText >= lane:
		c.state = 1 + stateText
	case room-lane-1 >= minStateText:
		c.state = room - lane // cut the states, not the lane
	}
	c.cells = room - c.state
	if c.total <= 0 {
		c.cells = 1 // everything happened at once
	}
}

// timeColumn is the cell of cells, for a run lasting total, in which time t
// falls: floor(t*cells/total), kept within the lane.
func timeColumn(t, total int64, cells int) int {
	if t <= 0 || total <= 0 || cells <= 1 {
		return 0
	}
	if t >= total {
		return cells - 1
	}
	// t*cells can overflow for long virtual runs; t < total keeps the
	// quotient below cells.
	hi, lo := bits.Mul64(uint64(t), uint64(cells))
	q, _ := bits.Div64(hi, lo, uint64(total))
	return int(q)
}

func (c *timelineChart) column(t int64) int { return timeColumn(t, c.total, c.cells) }

// row lays out one goroutine's cells.
func (c *timelineChart) row(l *timelineLane) []cellKind {
	row := make([]cellKind, c.cells)
	mark := func(i int, k cellKind) {
		if row[i] < k {
			row[i] = k
		}
	}
	// fill marks the cells that [from, to) reaches, at least the first.
	fill := func(from, to int64, k cellKind) {
		last := c.column(from)
		if to > from {
			last = max(last, c.column(to-1))
		}
		for i := c.column(from); i <= last; i++ {
			mark(i, k)
		}
	}
	stop := c.column(l.stop)
	for i := c.column(l.start); i <= stop; i++ {
		mark(i, cellAlive)
	}
	for _, s := range l.sleeps {
		fill(s.from, s.to, cellAsleep)
	}
	if l.stuck {
		k := cellBlocked
		if l.state == "sleep" {
			k = cellAsleep
		}
		fill(l.last, l.stop+1, k)
	}
	for _, t := range l.prints {
		mark(c.column(t), cellPrint)
	}
	switch {
	case l.panicked:
		mark(stop, cellPanic)
	case l.ended && row[stop] < cellEnd:
		row[stop] = cellEnd
	case l.ended && stop+1 < len(row) && row[stop+1] == cellEmpty:
		// A goroutine that printed and returned at once shows both: the end
		// goes just after the print.
		row[stop+1] = cellEnd
	}
	return row
}

func (c *timelineChart) drawLanes(b *strings.Builder, rows [][]cellKind, color bool) {
	for i, l := range c.lanes {
		var line strings.Builder
		code := goroutineColor(l.g)
		label := clipCells(Label(l.g, l.name), c.label)
		timelinePaint(&line, color, code, label)
		line.WriteString(strings.Repeat(" ", c.label-runeCells(label)+1))

		// Runs of cells of one colour share one escape code.
		var run strings.Builder
		runCode := ""
		for _, k := range rows[i] {
			kc := code
			switch k {
			case cellEmpty:
				kc = ""
			case cellPanic, cellBlocked:
				kc = red
			}
			if kc != runCode {
				timelinePaint(&line, color, runCode, run.String())
				run.Reset()
				runCode = kc
			}
			run.WriteString(cellGlyphs[k].glyph)
		}
		timelinePaint(&line, color, runCode, run.String())
		if l.state != "" && c.state > 0 {
			line.WriteByte(' ')
			timelinePaint(&line, color, red, clipCells(l.state, c.state-1))
		}
		// A lane that ended early leaves blank cells, uncoloured: drop them.
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
}

func (c *timelineChart) drawAxis(b *strings.Builder, color bool) {
	labels := axisLabels(c.total, c.cells)
	line := make([]string, c.cells)
	text := make([]rune, c.cells)
	for i := range line {
		line[i] = "─"
		text[i] = ' '
	}
	for _, a := range labels {
		line[a.tick] = "┴"
		copy(text[a.at:], []rune(a.text))
	}
	indent := strings.Repeat(" ", c.label+1)
	b.WriteString(indent)
	timelinePaint(b, color, dim, strings.Join(line, ""))
	b.WriteByte('\n')
	b.WriteString(indent)
	timelinePaint(b, color, dim, strings.TrimRight(string(text), " "))
	b.WriteByte('\n')
}

// drawLegend explains the glyphs the rows use, on one line under the lanes
// where it fits, or from the left edge, wrapped where even that is too narrow.
func drawLegend(b *strings.Builder, rows [][]cellKind, indent, width int, color bool) {
	used := make([]bool, len(cellGlyphs))
	for _, row := range rows {
		for _, k := range row {
			used[k] = true
		}
	}
	var items []string
	for _, k := range []cellKind{cellAlive, cellAsleep, cellBlocked, cellPrint, cellPanic, cellEnd} {
		if used[k] {
			items = append(items, cellGlyphs[k].glyph+" "+cellGlyphs[k].meaning)
		}
	}
	if indent+runeCells(strings.Join(items, "  ")) > width {
		indent = 0
	}
	var lines []string
	for _, it := range items {
		n := len(lines) - 1
		if n >= 0 && indent+runeCells(lines[n])+2+runeCells(it) <= width {
			lines[n] += "  " + it
			continue
		}
		lines = append(lines, it)
	}
	for _, line := range lines {
		b.WriteString(strings.Repeat(" ", indent))
		timelinePaint(b, color, dim, line)
		b.WriteByte('\n')
	}
}

// An axisLabel is a time written under the axis: text starts in cell at and
// marks the tick in cell tick.
type axisLabel struct {
	tick, at int
	text     string
}

// axisLabels labels the axis of a lane of cells for a run lasting total: 0
// at the start, the total at the end, and between them as many round ticks
// (1, 2 or 5 of a unit, or a round number of seconds, minutes or hours) as
// fit with labelGap cells between labels.
func axisLabels(total int64, cells int) []axisLabel {
	labels := []axisLabel{{0, 0, "0"}}
	if total <= 0 || cells < 2 {
		return labels
	}
	endText := formatTick(roundSignificant(total, 3))
	end := axisLabel{cells - 1, cells - runeCells(endText), endText}
	if end.at < 1+1 {
		return labels
	}
	for _, step := range tickSteps() {
		if step >= total {
			break
		}
		if total/step > int64(cells) {
			continue
		}
		var mid []axisLabel
		next := 1 + labelGap // the first cell a label may take
		fits := true
		for t := step; t < total; t += step {
			text := formatTick(t)
			w := runeCells(text)
			tick := timeColumn(t, total, cells)
			at := min(max(tick-(w-1)/2, 0), cells-w)
			if at+w+labelGap > end.at {
				break // this tick and the later ones would run into the end
			}
			if at < next {
				fits = false
				break
			}
			mid = append(mid, axisLabel{tick, at, text})
			next = at + w + labelGap
		}
		if fits {
			labels = append(labels, mid...)
			break
		}
	}
	return append(labels, end)
}

// tickSteps are the distances between ticks the axis may use, shortest
// first: 1, 2 and 5 times a power of ten up to seconds, then round numbers of
// seconds, minutes and hours.
func tickSteps() []int64 {
	var steps []int64
	for p := int64(1); p < int64(10*time.Second); p *= 10 {
		steps = append(steps, p, 2*p, 5*p)
	}
	for _, d := range []time.Duration{10 * time.Second, 15 * time.Second, 20 * time.Second, 30 * time.Second,
		time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute} {
		steps = append(steps, int64(d))
	}
	for h := int64(time.Hour); h <= int64(1<<62)/5; h *= 10 {
		steps = append(steps, h, 2*h, 5*h)
	}
	return steps
}

// roundSignificant rounds t to n significant digits.
func roundSignificant(t int64, n int) int64 {
	limit := int64(1)
	for range n {
		limit *= 10
	}
	p := int64(1)
	for t/p >= limit {
		p *= 10
	}
	return (t + p/2) / p * p
}

// formatTick writes a time for the axis, as short as it is exact: "0",
// "250µs", "500ms", "1.5s", "1m30s", "2h".
func formatTick(t int64) string {
	switch {
	case t <= 0:
		return "0"
	case t < int64(time.Microsecond):
		return strconv.FormatInt(t, 10) + "ns"
	case t < int64(time.Millisecond):
		return decimal(t, int64(time.Microsecond)) + "µs"
	case t < int64(time.Second):
		return decimal(t, int64(time.Millisecond)) + "ms"
	case t < int64(time.Minute):
		return decimal(t, int64(time.Second)) + "s"
	}
	var s string
	if t >= int64(time.Hour) {
		s = strconv.FormatInt(t/int64(time.Hour), 10) + "h"
		t %= int64(time.Hour)
	}
	if m := t / int64(time.Minute); m > 0 {
		s += strconv.FormatInt(m, 10) + "m"
	}
	if t %= int64(time.Minute); t > 0 {
		s += decimal(t, int64(time.Second)) + "s"
	}
	return s
}

// decimal writes t/unit (unit a power of ten) without trailing zeros.
func decimal(t, unit int64) string {
	s := strconv.FormatInt(t/unit, 10)
	if frac := t % unit; frac > 0 {
		digits := strconv.FormatInt(unit+frac, 10)[1:] // zero-padded
		s += "." + strings.TrimRight(digits, "0")
	}
	return s
}

// timelinePaint writes s, in colour code when color is on.
func timelinePaint(b *strings.Builder, color bool, code, s string) {
	if s == "" {
		return
	}
	if !color || code == "" {
		b.WriteString(s)
		return
	}
	b.WriteString("\x1b[" + code + "m")
	b.WriteString(s)
	b.WriteString(reset)
}

// runeCells is how many terminal cells s takes: two for the wide characters
// of East Asian scripts, one for anything else.
func runeCells(s string) int {
	n := 0
	for _, r := range s {
		n += wideRune(r)
	}
	return n
}

func wideRune(r rune) int {
	switch {
	case r < 0x1100:
		return 1
	case r <= 0x115f, // Hangul Jamo
		0x2e80 <= r && r <= 0xa4cf && r != 0x303f, // CJK, kana, Yi
		0xac00 <= r && r <= 0xd7a3,                // Hangul syllables
		0xf900 <= r && r <= 0xfaff,                // CJK compatibility ideographs
		0xfe30 <= r && r <= 0xfe4f,                // CJK compatibility forms
		0xff00 <= r && r <= 0xff60,                // fullwidth forms
		0xffe0 <= r && r <= 0xffe6,
		0x20000 <= r && r <= 0x3fffd: // CJK extensions
		return 2
	}
	return 1
}

// clipCells cuts s to at most n cells, ending it in "…" when cut.
func clipCells(s string, n int) string {
	if runeCells(s) <= n {
		return s
	}
	w := 0
	for i, r := range s {
		if w+wideRune(r) > n-1 {
			return s[:i] + "…"
		}
		w += wideRune(r)
	}
	return s
}
