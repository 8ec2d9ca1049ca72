package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/repl"
	"github.com/concur-dev/concur/session"
)

//go:embed export_html.tmpl
var htmlPageText string

// htmlPage is parsed when first needed, not at every start (see package
// lazyregexp).
var htmlPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Parse(htmlPageText))
})

// htmlColors are the terminal palette of repl's goroutineColor (g1 plain,
// then cycling through these ANSI colours) as CSS colours for a light page.
var htmlColors = []string{
	"#0e8a9a", // 36 cyan
	"#a06800", // 33 yellow
	"#a52aa5", // 35 magenta
	"#237a23", // 32 green
	"#2452c8", // 34 blue
	"#d23c3c", // 91 bright red
	"#138fa3", // 96 bright cyan
	"#8a7a00", // 93 bright yellow
}

const (
	htmlFault = "#c01818"
	htmlPlain = "#333333" // g1's colour in the charts
)

// htmlColor is goroutine g's colour: "" for g1 (plain text), as in the terminal.
func htmlColor(g int) string {
	if g <= 1 {
		return ""
	}
	return htmlColors[(g-2)%len(htmlColors)]
}

// chartColor is goroutine g's colour in a chart, and the number of its
// arrowhead marker (0 for g1).
func chartColor(g int) (string, int) {
	if g <= 1 {
		return htmlPlain, 0
	}
	i := (g - 2) % len(htmlColors)
	return htmlColors[i], i + 1
}

// htmlWords are the page's words in one language; the charts' legend comes
// from repl (ChartWord), the reports from repl.Report.
type htmlWords struct {
	Title, Heading, Recorded, Input   string
	Play, Stop, Speed, SkipIdle       string
	Prev, Next, Virtual, Real         string
	HandOffs, Playhead, ChartOf, Wait string
	Woke, Stuck                       string
}

var htmlEn = htmlWords{
	Title:    "concur session, %s",
	Heading:  "concur session",
	Recorded: "Recorded %s · %s clock · concur %s · %s",
	Input:    "Input %d",
	Play:     "▶ Play",
	Stop:     "■ Stop",
	Speed:    "speed",
	SkipIdle: "skip pauses over 2s",
	Prev:     "previous event",
	Next:     "next event",
	Virtual:  "virtual",
	Real:     "real",
	HandOffs: "hand-off: the arrow points at the goroutine it woke",
	Playhead: "now",
	ChartOf:  "timeline of input %d: %d goroutine(s) over %s",
	Wait:     "%s: %s, %s–%s",
	Woke:     "%s → %s: %s on %s at %s",
	Stuck:    "deadlock: waits for ever",
}

var htmlZh = htmlWords{
	Title:    "concur 会话，%s",
	Heading:  "concur 会话",
	Recorded: "录制于 %s · %s时钟 · concur %s · %s",
	Input:    "输入 %d",
	Play:     "▶ 播放",
	Stop:     "■ 停止",
	Speed:    "速度",
	SkipIdle: "跳过超过 2 秒的停顿",
	Prev:     "上一个事件",
	Next:     "下一个事件",
	Virtual:  "虚拟",
	Real:     "真实",
	HandOffs: "交接：箭头指向被唤醒的 goroutine",
	Playhead: "此刻",
	ChartOf:  "输入 %d 的时间线：%d 个 goroutine，共 %s",
	Wait:     "%s：%s，%s–%s",
	Woke:     "%s → %s：%s（%s），%s",
	Stuck:    "死锁：永远等不到",
}

func htmlCatalog(lang string) htmlWords {
	if lang == "zh" {
		return htmlZh
	}
	return htmlEn
}

type htmlDoc struct {
	Lang  string
	W     htmlWords
	Title string
	Date  string
	// The header line around its date: "Recorded ", " · virtual clock ..."
	MetaBefore, MetaAfter string
	Concur                string
	Inputs                []htmlInput
	End                   int64 // ms: when the last thing appears
}

type htmlInput struct {
	N       int
	Heading string
	Src     string
	At      int64 // ms since the session started
	Lines   []htmlLine
	Wide    template.HTML // the chart for screens wider than a phone's
	Narrow  template.HTML // and for a phone's
	HasSVG  bool
}

type htmlLine struct {
	At                  int64 // ms since the session started
	T                   int64 // ns since its run started
	Stamp, Label, Color string
	Text                string
	Class               string // out, err, value, fault, note
}

// exportHTML writes the session as one self-contained HTML page in the
// session's language: inputs, stamped output coloured by goroutine, a chart
// per run that slept or used goroutines (SVG: each goroutine's states, an
// arrow for each hand-off, a playhead), and controls that replay it at its
// recorded pace or step from event to event.
func exportHTML(s *session.Session) ([]byte, error) {
	h := s.Header
	lang := "en"
	if h.Lang == "zh" {
		lang = "zh"
	}
	w := htmlCatalog(lang)
	date := h.Start.UTC().Format("2006-01-02 15:04:05 UTC")
	clock := w.Virtual
	if h.Clock == "real" {
		clock = w.Real
	}
	meta := fmt.Sprintf(w.Recorded, "\x00", clock, h.Concur, h.Go)
	before, after, _ := strings.Cut(meta, "\x00")
	doc := htmlDoc{Lang: lang, W: w, Title: fmt.Sprintf(w.Title, date), Date: date,
		MetaBefore: before, MetaAfter: after, Concur: h.Concur}
	names := map[int]string{1: "main"}
	var carry repl.Carry
	var now time.Duration
	for _, in := range s.Inputs {
		// An input shows when it was typed, or when the output before it
		// has played (piped inputs come faster than virtual time).
		now = max(now, in.T)
		hi := htmlInput{N: in.N, Heading: fmt.Sprintf(w.Input, in.N), Src: repl.VisibleLines(in.Src), At: now.Milliseconds()}
		start := now
		for _, e := range in.Events {
			at := e.At
			if in.Clock != "real" {
				at = max(at, start+time.Duration(e.T))
			}
			now = max(now, at)
			hi.Lines = append(hi.Lines, htmlLines(lang, e.Event, names, now.Milliseconds())...)
		}
		events := withNames(&carry, in.Clock, in.EngineEvents())
		// As on the terminal: a chart only for a run that took time and
		// slept or used goroutines.
		if repl.TimelineNeeded(events) && runTime(events) > 0 {
			chart := repl.Lanes(events, repl.DefaultLanes)
			hi.Wide = timelineSVG(chart, lang, in.N, false)
			hi.Narrow = timelineSVG(chart, lang, in.N, true)
			hi.HasSVG = true
		}
		doc.Inputs = append(doc.Inputs, hi)
	}
	doc.End = now.Milliseconds()
	var b bytes.Buffer
	if err := htmlPage().Execute(&b, doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// htmlLines is what the terminal shows for one event (repl.Printer), as lines.
func htmlLines(lang string, e event.Event, names map[int]string, at int64) []htmlLine {
	e = repl.VisibleEvent(e) // the page shows the bytes, never obeys them
	stamped := func(text, class string) htmlLine {
		return htmlLine{At: at, T: e.T, Stamp: repl.Stamp(e.T), Label: repl.Label(e.G, names[e.G]), Color: htmlColor(e.G), Text: text, Class: class}
	}
	plain := func(text, class string) htmlLine { return htmlLine{At: at, T: e.T, Text: text, Class: class} }
	switch e.Kind {
	case event.Go:
		names[e.G] = e.Name
	case event.Output:
		class := "out"
		if e.Stream == "stderr" {
			class = "err"
		}
		return []htmlLine{stamped(e.Text, class)}
	case event.Value:
		return []htmlLine{plain(": "+e.Text, "value")}
	case event.Compile:
		return []htmlLine{plain(e.Text, "fault")}
	case event.Panic, event.Fatal:
		first, rest, _ := strings.Cut(e.Text, "\n")
		out := []htmlLine{stamped(first, "fault")}
		if rest != "" {
			out = append(out, plain(rest, "fault"))
		}
		return out
	case event.Deadlock, event.Timeout:
		out := []htmlLine{stamped(e.Text, "fault")}
		for _, line := range repl.Report(lang, e, names) {
			out = append(out, plain("    "+line, "fault"))
		}
		return out
	case event.Restore:
		return []htmlLine{plain("concur: "+e.Text, "note")}
	}
	return nil
}

// svgLayout is where a chart's parts go, in user units.
type svgLayout struct {
	narrow      bool
	width       float64
	x0, x1      float64 // time 0 and the run's end
	labelX      float64 // the labels end here (wide) or start (narrow)
	stateX      float64 // a lane's state after it (wide)
	top, row    float64 // the first lane's top, and the distance between lanes
	laneOffset  float64 // from a row's top to its lane's middle
	font, ticks int     // font size; about how many ticks on the axis
}

var (
	wideLayout   = svgLayout{width: 860, x0: 168, x1: 660, labelX: 156, stateX: 670, top: 6, row: 26, laneOffset: 13, font: 12, ticks: 5}
	narrowLayout = svgLayout{narrow: true, width: 360, x0: 10, x1: 350, labelX: 10, top: 4, row: 38, laneOffset: 26, font: 12, ticks: 3}
)

// textWidth estimates how wide text is at font size px in a monospace
// font: wide characters take two cells.
func textWidth(s string, px int) float64 {
	n := 0.0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n * 0.62 * float64(px)
}

// clipText cuts s to fit in w units at font size px, ending it in "…".
func clipText(s string, w float64, px int) string {
	if textWidth(s, px) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && textWidth(string(r)+"…", px) > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// timelineSVG draws a run's chart as an SVG, wide or for a phone (narrow:
// each lane's label above it, the chart across the whole width): a lane per
// goroutine or folded group, with its states (running, asleep, blocked on a
// channel, blocked on a lock or WaitGroup, stuck for good), prints, end or
// panic; an arrow for each hand-off from the goroutine that did it to the
// one it woke; a time axis; a legend in lang; and a playhead, hidden until
// the page's controls move it. Every mark carries the time it stands for
// (data-t, ns), which the page's script steps through.
func timelineSVG(c *repl.Chart, lang string, n int, narrow bool) template.HTML {
	L := wideLayout
	if narrow {
		L = narrowLayout
	}
	w := htmlCatalog(lang)
	esc := template.HTMLEscapeString
	total := c.Total
	x := func(t int64) float64 {
		if total <= 0 || t <= 0 {
			return L.x0
		}
		if t >= total {
			return L.x1
		}
		return L.x0 + (L.x1-L.x0)*float64(t)/float64(total)
	}
	laneY := func(i int) float64 { return L.top + L.row*float64(i) + L.laneOffset }
	bottom := L.top + L.row*float64(len(c.Lanes))
	summary := repl.ChartSummary(lang, c)
	if summary != "" {
		bottom += 18
	}
	axisY := bottom + 6
	var b strings.Builder
	class := "timeline wide"
	if narrow {
		class = "timeline narrow"
	}
	// The legend's items, laid out in lines to know the height.
	items := svgLegend(c, lang)
	var legendLines [][]legendItem
	lx := 0.0
	for _, it := range items {
		iw := 24 + textWidth(it.text, L.font) + 18
		if len(legendLines) == 0 || lx+iw > L.width-L.labelX {
			legendLines = append(legendLines, nil)
			lx = 0
		}
		legendLines[len(legendLines)-1] = append(legendLines[len(legendLines)-1], it)
		lx += iw
	}
	legendY := axisY + 40
	height := legendY + 20*float64(len(legendLines))
	fmt.Fprintf(&b, `<svg class="%s" role="img" viewBox="0 0 %g %g" width="%g" height="%g" font-size="%d" data-total="%d" data-x0="%g" data-x1="%g">`,
		class, L.width, height, L.width, height, L.font, total, L.x0, L.x1)
	fmt.Fprintf(&b, `<title>%s</title>`, esc(fmt.Sprintf(w.ChartOf, n, c.Goroutines, axisLabel(total))))
	stamp := func(t int64) string { return esc(repl.Stamp(t)) }
	for i, l := range c.Lanes {
		y := laneY(i)
		color, _ := chartColor(l.G)
		label := l.Label()
		state := ""
		if l.State != "" {
			on := ""
			if l.Obj != 0 {
				on = c.ObjectLabel(l.Obj)
			}
			state = repl.WaitText(lang, l.State, on)
		}
		fmt.Fprintf(&b, `<g class="lane" data-g="%d" color="%s">`, l.G, color)
		if narrow {
			text := label
			if state != "" {
				text += " — " + state
			}
			fmt.Fprintf(&b, `<text class="label" x="%g" y="%g" fill="currentColor">%s</text>`, L.labelX, y-10, esc(clipText(text, L.width-2*L.labelX, L.font)))
		} else {
			fmt.Fprintf(&b, `<text class="label" x="%g" y="%g" text-anchor="end" fill="currentColor">%s</text>`, L.labelX, y+4, esc(clipText(label, L.labelX-4, L.font)))
			if state != "" {
				stateColor := "#666"
				if l.Stuck {
					stateColor = htmlFault
				}
				fmt.Fprintf(&b, `<text class="state" x="%g" y="%g" fill="%s">%s</text>`, L.stateX, y+4, stateColor, esc(clipText(state, L.width-L.stateX, L.font)))
			}
		}
		spans := drawnSpans(l, int64(6/(L.x1-L.x0)*float64(max(total, 1))))
		for si, s := range spans {
			x0, x1 := x(s.From), x(s.To)
			x1 = max(x1, x0+1.5)
			what := repl.ChartWord(lang, "running")
			switch s.State {
			case repl.Asleep:
				what = repl.ChartWord(lang, "asleep")
			case repl.WaitingChan, repl.WaitingSync:
				on := ""
				if s.Obj != 0 {
					on = c.ObjectLabel(s.Obj)
				}
				what = repl.WaitText(lang, s.Reason, on)
			}
			title := fmt.Sprintf(w.Wait, label, what, repl.Stamp(s.From), repl.Stamp(s.To))
			stuck := l.Stuck && si == len(spans)-1 && s.State >= repl.WaitingChan
			switch s.State {
			case repl.Running:
				fmt.Fprintf(&b, `<line class="span running" x1="%g" y1="%g" x2="%g" y2="%g" stroke="currentColor" stroke-width="4" data-t="%d"><title>%s</title></line>`, x0, y, x1, y, s.From, esc(title))
			case repl.Asleep:
				fmt.Fprintf(&b, `<line class="span asleep" x1="%g" y1="%g" x2="%g" y2="%g" stroke="currentColor" stroke-width="2" stroke-dasharray="5 4" data-t="%d"><title>%s</title></line>`, x0, y, x1, y, s.From, esc(title))
			case repl.WaitingChan, repl.WaitingSync:
				cls, fill, stroke, dash := "span wait-chan", `fill="currentColor" fill-opacity="0.22"`, "currentColor", ""
				if s.State == repl.WaitingSync {
					cls, fill, dash = "span wait-sync", `fill="url(#cross)"`, ` stroke-dasharray="3 2"`
				}
				if stuck {
					cls += " stuck"
					fill, stroke = `fill="url(#hatch)"`, htmlFault
				}
				fmt.Fprintf(&b, `<rect class="%s" x="%g" y="%g" width="%g" height="10" %s stroke="%s"%s data-t="%d"><title>%s</title></rect>`, cls, x0, y-5, x1-x0, fill, stroke, dash, s.From, esc(title))
			}
		}
		for _, p := range l.Prints {
			fmt.Fprintf(&b, `<circle class="printed" cx="%g" cy="%g" r="4.5" fill="currentColor" data-t="%d"><title>%s %s: %s</title></circle>`, x(p.T), y, p.T, stamp(p.T), esc(label), esc(p.Text))
		}
		switch {
		case l.Panicked:
			px := x(l.Stop)
			fmt.Fprintf(&b, `<path class="panic" d="M%g %gl10 10M%g %gl-10 10" stroke="%s" stroke-width="3" data-t="%d"><title>%s %s: %s</title></path>`, px-5, y-5, px+5, y-5, htmlFault, l.Stop, stamp(l.Stop), esc(label), esc(repl.ChartWord(lang, "panicked")))
		case l.Ended:
			ex := x(l.Stop)
			fmt.Fprintf(&b, `<line class="ended" x1="%g" y1="%g" x2="%g" y2="%g" stroke="currentColor" stroke-width="3" data-t="%d"><title>%s %s: %s</title></line>`, ex, y-7, ex, y+7, l.Stop, stamp(l.Stop), esc(label), esc(repl.ChartWord(lang, "ended")))
		}
		b.WriteString(`</g>`)
	}
	// Hand-offs: an arrow from the lane of the goroutine that sent,
	// received, closed, unlocked or called Done to the lane of the one
	// that woke. Arrows at one instant are set side by side.
	b.WriteString(`<g class="handoffs">`)
	lastX, side := math.Inf(-1), 0
	for _, h := range c.HandOffs {
		from, to := c.LaneOf(h.By), c.LaneOf(h.G)
		if from < 0 || to < 0 || from == to {
			continue
		}
		hx := x(h.T)
		if hx-lastX < 2.5 {
			side++
			hx = lastX + 3
		} else {
			side = 0
		}
		lastX = hx
		y1, y2 := laneY(from), laneY(to)
		if y2 > y1 {
			y1, y2 = y1+5, y2-8
		} else {
			y1, y2 = y1-5, y2+8
		}
		color, marker := chartColor(h.By)
		title := fmt.Sprintf(w.Woke, c.Lanes[from].Label(), c.Lanes[to].Label(), h.Op, c.ObjectLabel(h.Obj), repl.Stamp(h.T))
		fmt.Fprintf(&b, `<line class="handoff" x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="1.5" marker-end="url(#arrow-%d)" data-t="%d" data-by="%d" data-g="%d" data-obj="%d"><title>%s</title></line>`,
			hx, y1, hx, y2, color, marker, h.T, h.By, h.G, h.Obj, esc(title))
	}
	b.WriteString(`</g>`)
	if summary != "" {
		fmt.Fprintf(&b, `<text class="summary" x="8" y="%g" fill="#666">%s</text>`, bottom-4, esc(clipText(summary, L.width-16, L.font)))
	}
	// The time axis with round ticks.
	fmt.Fprintf(&b, `<g class="axis"><line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#888"/>`, L.x0, axisY, L.x1, axisY)
	for i, t := range axisTicks(total, L.ticks) {
		tx := x(t)
		anchor := "middle"
		if narrow && i == 0 {
			anchor = "start"
		} else if narrow && t == total {
			anchor = "end"
		}
		fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#888"/><text class="tick" x="%g" y="%g" text-anchor="%s">%s</text>`, tx, axisY, tx, axisY+5, tx, axisY+18, anchor, esc(axisLabel(t)))
	}
	b.WriteString(`</g>`)
	fmt.Fprintf(&b, `<line class="playhead" x1="%g" y1="%g" x2="%g" y2="%g" stroke="#e0218a" stroke-width="2" visibility="hidden"><title>%s</title></line>`, L.x0, L.top, L.x0, axisY, esc(w.Playhead))
	// The legend: the marks this chart uses.
	b.WriteString(`<g class="legend">`)
	for li, line := range legendLines {
		ly := legendY + 20*float64(li)
		lx := L.labelX
		if !narrow {
			lx = L.x0
			if textWidthOf(line, L.font) > L.width-L.x0 {
				lx = 8
			}
		}
		for _, it := range line {
			b.WriteString(it.swatch(lx, ly))
			fmt.Fprintf(&b, `<text x="%g" y="%g">%s</text>`, lx+24, ly+4, esc(it.text))
			lx += 24 + textWidth(it.text, L.font) + 18
		}
	}
	b.WriteString(`</g></svg>`)
	return template.HTML(b.String())
}

// drawnSpans are the spans a chart draws for l: its Spans and, for a lane
// that a deadlock found in a wait begun at that very instant (it took no
// time, so Spans leave it out), that wait, drawn least long, at the end.
func drawnSpans(l repl.Lane, least int64) []repl.Span {
	f := l.Final
	if !l.Stuck || f.State < repl.WaitingChan || f.From < l.Stop {
		return l.Spans
	}
	f.From = max(l.Start, l.Stop-least)
	return append(l.Spans[:len(l.Spans):len(l.Spans)], f)
}

// legendItem is one entry of a chart's legend: its class, what the swatch
// shows and the text.
type legendItem struct {
	class string
	text  string
}

func textWidthOf(items []legendItem, px int) float64 {
	w := 0.0
	for _, it := range items {
		w += 24 + textWidth(it.text, px) + 18
	}
	return w
}

// swatch draws the item's sample mark at x, y.
func (it legendItem) swatch(x, y float64) string {
	c := htmlPlain
	switch it.class {
	case "running":
		return fmt.Sprintf(`<line class="key running" x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="4"/>`, x, y, x+18, y, c)
	case "asleep":
		return fmt.Sprintf(`<line class="key asleep" x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="2" stroke-dasharray="5 4"/>`, x, y, x+18, y, c)
	case "wait-chan":
		return fmt.Sprintf(`<rect class="key wait-chan" x="%g" y="%g" width="18" height="10" fill="%s" fill-opacity="0.22" stroke="%s"/>`, x, y-5, c, c)
	case "wait-sync":
		return fmt.Sprintf(`<rect class="key wait-sync" x="%g" y="%g" width="18" height="10" fill="url(#cross)" stroke="%s" stroke-dasharray="3 2"/>`, x, y-5, c)
	case "stuck":
		return fmt.Sprintf(`<rect class="key stuck" x="%g" y="%g" width="18" height="10" fill="url(#hatch)" stroke="%s"/>`, x, y-5, htmlFault)
	case "printed":
		return fmt.Sprintf(`<circle class="key printed" cx="%g" cy="%g" r="4.5" fill="%s"/>`, x+9, y, c)
	case "ended":
		return fmt.Sprintf(`<line class="key ended" x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="3"/>`, x+9, y-7, x+9, y+7, c)
	case "panicked":
		return fmt.Sprintf(`<path class="key panic" d="M%g %gl10 10M%g %gl-10 10" stroke="%s" stroke-width="3"/>`, x+4, y-5, x+14, y-5, htmlFault)
	case "handoff":
		return fmt.Sprintf(`<line class="key handoff" x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="1.5" marker-end="url(#arrow-0)"/>`, x+2, y, x+14, y, c)
	}
	return ""
}

// svgLegend lists what a chart shows, in lang, in a fixed order: the
// states (the waits by their Go names), the marks, the hand-off arrows.
func svgLegend(c *repl.Chart, lang string) []legendItem {
	var used [4]bool
	var reasons [4][]string
	stuck, printed, ended, panicked := false, false, false, false
	for _, l := range c.Lanes {
		spans := drawnSpans(l, 0)
		for si, s := range spans {
			used[s.State] = true
			if r := repl.Visible(s.Reason); r != "" && s.State >= repl.WaitingChan && !contains(reasons[s.State], r) {
				reasons[s.State] = append(reasons[s.State], r)
			}
			stuck = stuck || l.Stuck && si == len(spans)-1 && s.State >= repl.WaitingChan
		}
		printed = printed || len(l.Prints) > 0
		ended = ended || l.Ended && !l.Panicked
		panicked = panicked || l.Panicked
	}
	handoffs := false
	for _, h := range c.HandOffs {
		from, to := c.LaneOf(h.By), c.LaneOf(h.G)
		handoffs = handoffs || from >= 0 && to >= 0 && from != to
	}
	sep := repl.ChartWord(lang, "sep")
	var items []legendItem
	add := func(ok bool, class, text string) {
		if ok {
			items = append(items, legendItem{class, text})
		}
	}
	add(used[repl.Running], "running", repl.ChartWord(lang, "running"))
	add(used[repl.Asleep], "asleep", repl.ChartWord(lang, "asleep"))
	add(used[repl.WaitingChan], "wait-chan", fmt.Sprintf(repl.ChartWord(lang, "blocked"), strings.Join(reasons[repl.WaitingChan], sep)))
	add(used[repl.WaitingSync], "wait-sync", fmt.Sprintf(repl.ChartWord(lang, "blocked"), strings.Join(reasons[repl.WaitingSync], sep)))
	add(stuck, "stuck", htmlCatalog(lang).Stuck)
	add(printed, "printed", repl.ChartWord(lang, "printed"))
	add(ended, "ended", repl.ChartWord(lang, "ended"))
	add(panicked, "panicked", repl.ChartWord(lang, "panicked"))
	add(handoffs, "handoff", htmlCatalog(lang).HandOffs)
	return items
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// axisTicks are round times (1, 2 or 5 × a power of ten nanoseconds) from 0
// to total, about n of them.
func axisTicks(total int64, n int) []int64 {
	if total <= 0 {
		return []int64{0}
	}
	step := int64(1)
	for p := int64(1); ; p *= 10 {
		var found bool
		for _, m := range []int64{1, 2, 5} {
			if total/(p*m) <= int64(n) {
				step, found = p*m, true
				break
			}
		}
		if found || p > math.MaxInt64/100 {
			break
		}
	}
	var ticks []int64
	for t := int64(0); t <= total; t += step {
		ticks = append(ticks, t)
		if t > math.MaxInt64-step {
			break
		}
	}
	return ticks
}

// axisLabel is a round time for the axis: "0", "250ms", "1.5s".
func axisLabel(t int64) string {
	if t == 0 {
		return "0"
	}
	return time.Duration(t).String()
}

// runTime is a run's total time: its exit event's.
func runTime(events []event.Event) int64 {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind == event.Exit {
			return events[i].T
		}
	}
	return 0
}
