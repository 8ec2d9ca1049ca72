package repl

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/concur-dev/concur/event"
)

// A timeline chart is a grid: a lane per goroutine (or per folded group of
// them, Lanes), each lane a row of cells, each cell a slice of the run's
// time. A cell shows the state the lane spent most of that slice in, unless
// something happened there worth a mark: a panic beats a hand-off, a
// hand-off a print, a print the end. Every glyph reads without colour.
var stateGlyphs = [...]string{
	Running:     "━",
	Asleep:      "╌",
	WaitingChan: "░",
	WaitingSync: "▒",
}

const (
	glyphPrint = "●"
	glyphEnd   = "┫"
	glyphPanic = "✗"
)

// handOffGlyphs mark hand-offs, one for each channel or lock in the order
// the run first hands off on it; the last one is shared by all the others.
var handOffGlyphs = []string{"◆", "▲", "■", "◇", "△", "□", "◊"}

// What a cell shows on top of a state, weakest first.
type cellMark uint8

const (
	markNone cellMark = iota
	markEnd
	markPrint
	markHandOff
	markPanic
)

// The lane keeps at least minLane cells where the terminal allows; labels
// and states give way first.
const (
	minLane      = 20
	maxLabel     = 32
	minWidth     = 10 // narrower than this there is no chart
	labelGap     = 2  // cells between two labels of the time axis
	minStateText = 8  // a state cut shorter than this is left out (the fault message lists it too)
	// chartRows is how many rows a chart takes besides its lanes at
	// most on a common terminal (a summary, the axis and its labels, a
	// legend of two lines) and the prompt after it.
	chartRows = 6
)

// timelineWords are a chart's words in one language.
type timelineWords struct {
	running, asleep, blocked, printed, ended, panicked string
	handOff                                            string // "hand-off on %s"
	waitOn                                             string // "%s on %s": a wait and what it waits on
	total                                              string // "%s goroutines in %s lanes"
	hidden                                             string // "; %s not drawn: %s"
	sep                                                string // between the items of a list
	hiddenEnded, hiddenPanicked, hiddenRunning         string
	hiddenAsleep, hiddenWaiting                        string
}

var timelineEn = timelineWords{
	running:        "running",
	asleep:         "asleep",
	blocked:        "blocked: %s",
	printed:        "printed",
	ended:          "ended",
	panicked:       "panicked",
	handOff:        "hand-off on %s",
	waitOn:         "%s on %s",
	total:          "%s goroutines in %s lanes",
	hidden:         "; %s not drawn: %s",
	sep:            ", ",
	hiddenEnded:    "%s ended",
	hiddenPanicked: "%s panicked",
	hiddenRunning:  "%s running",
	hiddenAsleep:   "%s asleep",
	hiddenWaiting:  "%s in %s",
}

var timelineZh = timelineWords{
	running:        "运行",
	asleep:         "睡眠",
	blocked:        "阻塞：%s",
	printed:        "输出",
	ended:          "结束",
	panicked:       "panic",
	handOff:        "经 %s 交接",
	waitOn:         "%s（%s）",
	total:          "%s 个 goroutine 画成 %s 条",
	hidden:         "；%s 个未画出：%s",
	sep:            "、",
	hiddenEnded:    "%s 个已结束",
	hiddenPanicked: "%s 个 panic",
	hiddenRunning:  "%s 个在运行",
	hiddenAsleep:   "%s 个在睡眠",
	hiddenWaiting:  "%s 个阻塞在 %s",
}

func timelineCatalog(lang string) timelineWords {
	if lang == "zh" {
		return timelineZh
	}
	return timelineEn
}

// ChartWord is a word of the charts' legend in lang, for other drawings of
// a Chart (the HTML export): key is "running", "asleep", "blocked" (a
// format: %s lists the waits, in Go's words), "printed", "ended",
// "panicked", "hand-off" (%s: the channel or lock) or "sep" (between the
// items of a list).
func ChartWord(lang, key string) string {
	w := timelineCatalog(lang)
	switch key {
	case "running":
		return w.running
	case "asleep":
		return w.asleep
	case "blocked":
		return w.blocked
	case "printed":
		return w.printed
	case "ended":
		return w.ended
	case "panicked":
		return w.panicked
	case "hand-off":
		return w.handOff
	case "sep":
		return w.sep
	}
	return key
}

// ChartSummary is the line a chart that folded goroutines or left some out
// adds, in lang ("10,001 goroutines in 2 lanes"); "" for one that did not.
func ChartSummary(lang string, c *Chart) string { return summary(timelineCatalog(lang), c) }

// WaitText says what a goroutine waits in and on, for charts and reports:
// "chan receive on jobs" (Go's words for the wait, the name of the channel
// or lock; no name: only the wait), in lang.
func WaitText(lang, state, on string) string {
	state = Visible(state)
	if on == "" {
		return state
	}
	return fmt.Sprintf(timelineCatalog(lang).waitOn, state, Visible(on))
}

// summary says, for a chart that folded goroutines or left some out, how
// many it drew in how many lanes, and how those left out ended.
func summary(w timelineWords, c *Chart) string {
	folded := false
	for _, l := range c.Lanes {
		folded = folded || l.Count > 1
	}
	if !folded && len(c.Hidden) == 0 {
		return ""
	}
	s := fmt.Sprintf(w.total, groupDigits(c.Goroutines), groupDigits(len(c.Lanes)))
	if len(c.Hidden) == 0 {
		return s
	}
	var items []string
	for _, h := range c.Hidden {
		n := groupDigits(h.N)
		switch h.Outcome {
		case "ended":
			items = append(items, fmt.Sprintf(w.hiddenEnded, n))
		case "panicked":
			items = append(items, fmt.Sprintf(w.hiddenPanicked, n))
		case "running", "runnable":
			items = append(items, fmt.Sprintf(w.hiddenRunning, n))
		case "sleep":
			items = append(items, fmt.Sprintf(w.hiddenAsleep, n))
		default:
			items = append(items, fmt.Sprintf(w.hiddenWaiting, n, Visible(h.Outcome)))
		}
	}
	return s + fmt.Sprintf(w.hidden, groupDigits(c.HiddenCount()), strings.Join(items, w.sep))
}

// TimelineNeeded reports whether a run's events are worth a [Timeline]: the
// run used more than one goroutine or slept.
func TimelineNeeded(events []event.Event) bool {
	for _, e := range events {
		switch e.Kind {
		case event.Sleep:
			if e.D > 0 {
				return true
			}
		case event.Go, event.Output, event.End, event.Panic, event.Block, event.Wake:
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

// TimelineOptions say how to draw a timeline.
type TimelineOptions struct {
	Width int  // of the terminal, in cells
	Rows  int  // of the terminal: a chart draws fewer lanes than that; 0: unknown
	Color bool // colour it with escape codes
	// MaxLanes is how many lanes to draw at most (0: DefaultLanes).
	MaxLanes int
	Lang     string // of the legend and labels: "en" or "zh"
}

// maxLanes is how many lanes fit: MaxLanes, and fewer than the screen's
// rows with the rest of the chart and the prompt.
func (o TimelineOptions) maxLanes() int {
	n := o.MaxLanes
	if n <= 0 {
		n = DefaultLanes
	}
	if o.Rows > 0 {
		n = min(n, max(o.Rows-chartRows, 1))
	}
	return n
}

// Timeline is DrawTimeline in English with at most DefaultLanes lanes.
func Timeline(events []event.Event, width int, color bool) string {
	return DrawTimeline(events, TimelineOptions{Width: width, Color: color})
}

// DrawTimeline draws a run's goroutines as lanes across o.Width columns (the
// chart of Lanes): one lane per goroutine (label "g2 worker") or per folded
// group ("worker ×100"), showing when it ran (━), slept (╌), was blocked on a
// channel (░) or on a lock, WaitGroup, Cond or Once (▒), printed (●), ended
// (┫) or panicked (✗), and the hand-offs between them: where one goroutine's
// send, receive, close, unlock or Done woke another, both lanes carry the
// channel's or lock's mark (◆, ▲, ...) in the same column, and the woken
// lane turns from blocked to running there. A chart that folds or leaves out
// goroutines says so on one line; a time axis with round ticks and a legend
// in o.Lang follow. It returns "" when the run used one goroutine and never
// slept (nothing to show).
//
// Time runs left to right from 0 to the run's total (the exit event's t): a
// cell covers an equal slice of it, and something that happened at t is drawn
// in cell floor(t*cells/total); a print that a hand-off hides goes in the
// next cell. A lane starts where its goroutine started (main and goroutines
// of earlier runs at 0; see Carry) and stops where it ended or panicked; one
// still alive when the run ended reaches the right edge. What a deadlock or
// timeout found a goroutine waiting on follows its lane when there is room
// ("chan receive on jobs"), red for a deadlock's.
//
// Every line ends in a newline and takes at most o.Width terminal cells; with
// o.Color false it holds no escape codes. Under 10 columns it returns "".
func DrawTimeline(events []event.Event, o TimelineOptions) string {
	if o.Width < minWidth || !TimelineNeeded(events) {
		return ""
	}
	c := &timelineChart{Chart: Lanes(events, o.maxLanes()), words: timelineCatalog(o.Lang), lang: o.Lang, color: o.Color}
	c.layout(o.Width)
	c.rows = c.draw()
	var b strings.Builder
	c.drawLanes(&b)
	if line := summary(c.words, c.Chart); line != "" {
		timelinePaint(&b, c.color, dim, clipCells(line, o.Width))
		b.WriteByte('\n')
	}
	c.drawAxis(&b)
	c.drawLegend(&b, o.Width)
	return b.String()
}

// timelineChart is a Chart laid out on a terminal.
type timelineChart struct {
	*Chart
	words timelineWords
	lang  string
	color bool

	label int // cells of the label column
	cells int // cells of a lane
	state int // cells after a lane for its state, the separating space included

	rows    [][]tcell
	symbols []int // objects handed off on, in the order of their marks
}

// tcell is one cell of a lane.
type tcell struct {
	used   bool
	state  State
	reason string // of the wait the cell shows
	mark   cellMark
	seq    int    // a hand-off's place in the stream
	glyph  string // a mark's
	code   string // colour
}

func (c *timelineChart) laneState(l Lane) string {
	if l.State == "" {
		return ""
	}
	on := ""
	if l.Obj != 0 {
		on = c.ObjectLabel(l.Obj)
	}
	return WaitText(c.lang, l.State, on)
}

// layout divides width between the label column, the lanes and the states
// after them.
func (c *timelineChart) layout(width int) {
	longest, number, stateText := 0, 0, 0
	for _, l := range c.Lanes {
		longest = max(longest, runeCells(l.Label()))
		if l.Count > 1 {
			number = max(number, runeCells(" ×"+groupDigits(l.Count)))
		} else {
			number = max(number, runeCells(Label(l.G, "")))
		}
		stateText = max(stateText, runeCells(c.laneState(l)))
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
	if c.Total <= 0 {
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

func (c *timelineChart) column(t int64) int { return timeColumn(t, c.Total, c.cells) }

// bound is where cell i begins, in ns.
func (c *timelineChart) bound(i int) float64 {
	return float64(i) * float64(c.Total) / float64(c.cells)
}

// symbol is the hand-off glyph of object obj.
func (c *timelineChart) symbol(obj int) string {
	for i, o := range c.symbols {
		if o == obj {
			return handOffGlyphs[min(i, len(handOffGlyphs)-1)]
		}
	}
	c.symbols = append(c.symbols, obj)
	return handOffGlyphs[min(len(c.symbols)-1, len(handOffGlyphs)-1)]
}

// draw lays out every lane's cells.
func (c *timelineChart) draw() [][]tcell {
	rows := make([][]tcell, len(c.Lanes))
	for i, l := range c.Lanes {
		rows[i] = c.states(l)
	}
	for _, h := range c.HandOffs {
		from, to := c.LaneOf(h.By), c.LaneOf(h.G)
		if from < 0 && to < 0 {
			continue
		}
		glyph := c.symbol(h.Obj)
		col := c.column(h.T)
		for _, li := range []int{from, to} {
			if li < 0 || rows[li][col].mark >= markHandOff {
				continue
			}
			rows[li][col].used = true
			rows[li][col].mark, rows[li][col].glyph, rows[li][col].code = markHandOff, glyph, goroutineColor(h.By)
			rows[li][col].seq = h.Seq
		}
	}
	for i, l := range c.Lanes {
		c.marks(rows[i], l)
	}
	return rows
}

// states fills a lane's cells with the state it spent most of each cell's
// time in (waits before running when even).
func (c *timelineChart) states(l Lane) []tcell {
	row := make([]tcell, c.cells)
	code := goroutineColor(l.G)
	type weight struct {
		total  float64
		reason string
		best   float64
	}
	w := make([][len(stateGlyphs)]weight, c.cells)
	for _, s := range l.Spans {
		from, to := max(s.From, l.Start), min(s.To, l.Stop)
		if to <= from {
			continue
		}
		for i := c.column(from); i <= c.column(to-1); i++ {
			ov := min(float64(to), c.bound(i+1)) - max(float64(from), c.bound(i))
			if ov <= 0 {
				continue
			}
			x := &w[i][s.State]
			x.total += ov
			if ov > x.best {
				x.best, x.reason = ov, s.Reason
			}
		}
	}
	first, last := c.column(l.Start), c.column(l.Stop)
	for i := first; i <= last; i++ {
		best := -1
		for s := range w[i] {
			if w[i][s].total > 0 && (best < 0 || w[i][s].total >= w[i][best].total) {
				best = s
			}
		}
		cell := tcell{used: true, code: code}
		if best >= 0 {
			cell.state, cell.reason = State(best), w[i][best].reason
		} else {
			// Nothing took time here: the state it was in at the instant.
			s := l.Spans[0]
			for _, sp := range l.Spans {
				if float64(sp.From) <= c.bound(i+1) {
					s = sp
				}
			}
			cell.state, cell.reason = s.State, s.Reason
		}
		row[i] = cell
	}
	if l.Stuck && l.Final.State != Running {
		// The wait a deadlock ended it in shows, red, even one begun at
		// that very instant.
		row[last].state, row[last].reason = l.Final.State, l.Final.Reason
		for i := c.column(l.Final.From); i <= last; i++ {
			if row[i].state != Running {
				row[i].code = red
			}
		}
	}
	return row
}

// marks puts a lane's prints, its end or its panic on its cells.
func (c *timelineChart) marks(row []tcell, l Lane) {
	code := goroutineColor(l.G)
	first, last := c.column(l.Start), c.column(l.Stop)
	for _, p := range l.Prints {
		i := c.column(p.T)
		if row[i].mark >= markHandOff {
			// A hand-off hides it: the print goes just before it if it
			// came first (and the lane was there), else just after it,
			// past the lane's end if need be.
			switch {
			case p.Seq < row[i].seq && i > first && row[i-1].mark == markNone:
				i--
			case i+1 < len(row) && row[i+1].mark == markNone && (i+1 <= last || !row[i+1].used):
				i++
				last = max(last, i) // the end mark, if any, goes after it
			default:
				continue
			}
		}
		if row[i].mark < markPrint {
			row[i].used, row[i].mark, row[i].glyph, row[i].code = true, markPrint, glyphPrint, code
		}
	}
	switch {
	case l.Panicked:
		row[last].used, row[last].mark, row[last].glyph, row[last].code = true, markPanic, glyphPanic, red
	case l.Ended && row[last].mark == markNone:
		row[last].used, row[last].mark, row[last].glyph, row[last].code = true, markEnd, glyphEnd, code
	case l.Ended && last+1 < len(row) && !row[last+1].used:
		// A goroutine that printed and returned at once shows both: the
		// end goes just after the print.
		row[last+1] = tcell{used: true, mark: markEnd, glyph: glyphEnd, code: code}
	}
}

func (t tcell) text() string {
	switch {
	case !t.used:
		return " "
	case t.mark != markNone:
		return t.glyph
	}
	return stateGlyphs[t.state]
}

func (c *timelineChart) drawLanes(b *strings.Builder) {
	for i, l := range c.Lanes {
		var line strings.Builder
		label := clipCells(l.Label(), c.label)
		timelinePaint(&line, c.color, goroutineColor(l.G), label)
		line.WriteString(strings.Repeat(" ", c.label-runeCells(label)+1))

		// Runs of cells of one colour share one escape code.
		var run strings.Builder
		runCode := ""
		for _, cell := range c.rows[i] {
			code := cell.code
			if !cell.used {
				code = ""
			}
			if code != runCode {
				timelinePaint(&line, c.color, runCode, run.String())
				run.Reset()
				runCode = code
			}
			run.WriteString(cell.text())
		}
		timelinePaint(&line, c.color, runCode, run.String())
		if state := c.laneState(l); state != "" && c.state > 0 {
			line.WriteByte(' ')
			code := dim
			if l.Stuck {
				code = red
			}
			timelinePaint(&line, c.color, code, clipCells(state, c.state-1))
		}
		// A lane that ended early leaves blank cells, uncoloured: drop them.
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
}

func (c *timelineChart) drawAxis(b *strings.Builder) {
	labels := axisLabels(c.Total, c.cells)
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
	timelinePaint(b, c.color, dim, strings.Join(line, ""))
	b.WriteByte('\n')
	b.WriteString(indent)
	timelinePaint(b, c.color, dim, strings.TrimRight(string(text), " "))
	b.WriteByte('\n')
}

// legend lists what the glyphs the rows use mean, in the chart's language:
// the waits by their Go names, the hand-off marks by their channel or lock.
func (c *timelineChart) legend() []string {
	var states [len(stateGlyphs)]bool
	var reasons [len(stateGlyphs)][]string
	var marks [markPanic + 1]bool
	for _, row := range c.rows {
		for _, cell := range row {
			if !cell.used {
				continue
			}
			if cell.mark != markNone {
				marks[cell.mark] = true
				continue
			}
			states[cell.state] = true
			if r := Visible(cell.reason); r != "" && !slices.Contains(reasons[cell.state], r) {
				reasons[cell.state] = append(reasons[cell.state], r)
			}
		}
	}
	w := c.words
	var items []string
	add := func(used bool, glyph, text string) {
		if used {
			items = append(items, glyph+" "+text)
		}
	}
	add(states[Running], stateGlyphs[Running], w.running)
	add(states[Asleep], stateGlyphs[Asleep], w.asleep)
	for _, s := range []State{WaitingChan, WaitingSync} {
		add(states[s], stateGlyphs[s], fmt.Sprintf(w.blocked, strings.Join(reasons[s], w.sep)))
	}
	add(marks[markPrint], glyphPrint, w.printed)
	add(marks[markEnd], glyphEnd, w.ended)
	add(marks[markPanic], glyphPanic, w.panicked)
	if marks[markHandOff] {
		shared := len(handOffGlyphs) - 1
		for i, obj := range c.symbols {
			if i > shared {
				break
			}
			names := []string{c.ObjectLabel(obj)}
			if i == shared {
				names = names[:0]
				for _, o := range c.symbols[shared:] {
					names = append(names, c.ObjectLabel(o))
				}
			}
			items = append(items, handOffGlyphs[i]+" "+fmt.Sprintf(w.handOff, strings.Join(names, w.sep)))
		}
	}
	return items
}

// drawLegend writes the legend on one line under the lanes where it fits,
// or from the left edge, wrapped where even that is too narrow; an item
// wider than the screen is cut.
func (c *timelineChart) drawLegend(b *strings.Builder, width int) {
	items := c.legend()
	indent := c.label + 1
	if indent+runeCells(strings.Join(items, "  ")) > width {
		indent = 0
	}
	var lines []string
	for _, it := range items {
		it = clipCells(it, width-indent)
		n := len(lines) - 1
		if n >= 0 && indent+runeCells(lines[n])+2+runeCells(it) <= width {
			lines[n] += "  " + it
			continue
		}
		lines = append(lines, it)
	}
	for _, line := range lines {
		b.WriteString(strings.Repeat(" ", indent))
		timelinePaint(b, c.color, dim, line)
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
