package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"math"
	"strings"
	"time"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/repl"
	"github.com/concur-dev/concur/session"
)

//go:embed export_html.tmpl
var htmlPageText string

var htmlPage = template.Must(template.New("page").Parse(htmlPageText))

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

const htmlFault = "#c01818"

// htmlColor is goroutine g's colour: "" for g1 (plain text), as in the terminal.
func htmlColor(g int) string {
	if g <= 1 {
		return ""
	}
	return htmlColors[(g-2)%len(htmlColors)]
}

type htmlDoc struct {
	Date, Clock, Concur, Go string
	Inputs                  []htmlInput
	End                     int64 // ms: when the last thing appears
}

type htmlInput struct {
	N      int
	Src    string
	At     int64 // ms since the session started
	Lines  []htmlLine
	SVG    template.HTML
	SVGAt  int64
	HasSVG bool
}

type htmlLine struct {
	At                  int64 // ms
	Stamp, Label, Color string
	Text                string
	Class               string // out, err, value, fault, note
}

// exportHTML writes the session as one self-contained HTML page: inputs,
// stamped output coloured by goroutine, an SVG timeline per run that slept or
// used goroutines, and a Play button that replays it at its recorded pace.
func exportHTML(s *session.Session) ([]byte, error) {
	h := s.Header
	doc := htmlDoc{
		Date:   h.Start.UTC().Format("2006-01-02 15:04:05 UTC"),
		Clock:  h.Clock,
		Concur: h.Concur,
		Go:     h.Go,
	}
	names := map[int]string{1: "main"}
	var now time.Duration
	for _, in := range s.Inputs {
		now = max(now, in.T)
		hi := htmlInput{N: in.N, Src: repl.VisibleLines(in.Src), At: in.T.Milliseconds()}
		for _, e := range in.Events {
			at := e.At
			if in.Clock != "real" {
				at = max(at, in.T+time.Duration(e.T))
			}
			now = max(now, at)
			hi.Lines = append(hi.Lines, htmlLines(e.Event, names, now.Milliseconds())...)
		}
		events := in.EngineEvents()
		// As on the terminal: a chart only for a run that took time and
		// slept or used goroutines.
		if repl.TimelineNeeded(events) && runTime(events) > 0 {
			hi.SVG = timelineSVG(withNames(names, events))
			hi.HasSVG = true
			hi.SVGAt = now.Milliseconds()
		} else {
			withNames(names, events)
		}
		doc.Inputs = append(doc.Inputs, hi)
	}
	doc.End = now.Milliseconds()
	var b bytes.Buffer
	if err := htmlPage.Execute(&b, doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// htmlLines is what the terminal shows for one event (repl.Printer), as lines.
func htmlLines(e event.Event, names map[int]string, at int64) []htmlLine {
	e = repl.VisibleEvent(e) // the page shows the bytes, never obeys them
	stamped := func(text, class string) htmlLine {
		return htmlLine{At: at, Stamp: repl.Stamp(e.T), Label: repl.Label(e.G, names[e.G]), Color: htmlColor(e.G), Text: text, Class: class}
	}
	plain := func(text, class string) htmlLine { return htmlLine{At: at, Text: text, Class: class} }
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
		for _, g := range e.Blocked {
			out = append(out, plain(fmt.Sprintf("    %s: %s", repl.Label(g.G, names[g.G]), g.State), "fault"))
		}
		return out
	case event.Restore:
		return []htmlLine{plain("concur: "+e.Text, "note")}
	}
	return nil
}

// SVG geometry, in user units.
const (
	svgWidth  = 860.0
	svgLabel  = 150.0 // the label column
	svgLeft   = 172.0 // where time 0 is
	svgRight  = 680.0 // where the run's end is; states go after it
	svgRow    = 24.0
	svgTop    = 8.0
	svgLegend = 22.0
)

// timelineSVG draws a run's goroutines as an SVG: one lane per goroutine
// with its label, where it was alive, asleep, printed, ended, panicked or
// stayed blocked; a time axis with round ticks; a legend.
func timelineSVG(events []event.Event) template.HTML {
	lanes, total := repl.Lanes(events)

	x := func(t int64) float64 {
		if total <= 0 || t <= 0 {
			return svgLeft
		}
		if t >= total {
			return svgRight
		}
		return svgLeft + (svgRight-svgLeft)*float64(t)/float64(total)
	}
	esc := template.HTMLEscapeString
	axisY := svgTop + svgRow*float64(len(lanes)) + 4
	height := axisY + 24 + svgLegend
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="timeline" role="img" viewBox="0 0 %g %g" width="%g" height="%g">`, svgWidth, height, svgWidth, height)
	fmt.Fprintf(&b, `<title>timeline: %d goroutine(s) over %s</title>`, len(lanes), esc(axisLabel(total)))
	used := map[string]bool{}
	for i, l := range lanes {
		y := svgTop + svgRow*float64(i) + svgRow/2
		color := htmlColor(l.G)
		if color == "" {
			color = "#333"
		}
		label := repl.Label(l.G, l.Name)
		fmt.Fprintf(&b, `<g class="lane" data-g="%d">`, l.G)
		fmt.Fprintf(&b, `<text class="label" x="%g" y="%g" text-anchor="end" fill="%s">%s</text>`, svgLabel, y+4, color, esc(label))
		// Alive: from its start to where it stopped (or got stuck).
		aliveTo := l.Stop
		if l.Stuck {
			aliveTo = l.Last
		}
		x0, x1 := x(l.Start), x(aliveTo)
		fmt.Fprintf(&b, `<line class="alive" x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="4"><title>%s alive</title></line>`, x0, y, max(x1, x0+2), y, color, esc(label))
		used["alive"] = true
		for _, s := range l.Sleeps {
			sx0, sx1 := x(s[0]), x(s[1])
			fmt.Fprintf(&b, `<line class="asleep" x1="%g" y1="%g" x2="%g" y2="%g" stroke="#fff" stroke-width="6"/>`, sx0, y, max(sx1, sx0+2), y)
			fmt.Fprintf(&b, `<line class="asleep" x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="2" stroke-dasharray="5 4"><title>%s asleep %s–%s</title></line>`, sx0, y, max(sx1, sx0+2), y, color, esc(label), esc(repl.Stamp(s[0])), esc(repl.Stamp(s[1])))
			used["asleep"] = true
		}
		if l.Stuck {
			bx := x(l.Last)
			w := max(svgRight-bx, 4)
			fmt.Fprintf(&b, `<rect class="blocked" x="%g" y="%g" width="%g" height="10" fill="url(#hatch)" stroke="%s"><title>%s blocked: %s</title></rect>`, bx, y-5, w, htmlFault, esc(label), esc(l.State))
			used["blocked"] = true
		}
		if l.State != "" {
			fmt.Fprintf(&b, `<text class="state" x="%g" y="%g" fill="%s">%s</text>`, svgRight+10, y+4, htmlFault, esc(l.State))
		}
		for _, t := range l.Prints {
			fmt.Fprintf(&b, `<circle class="printed" cx="%g" cy="%g" r="5" fill="%s"><title>%s printed at %s</title></circle>`, x(t), y, color, esc(label), esc(repl.Stamp(t)))
			used["printed"] = true
		}
		switch {
		case l.Panicked:
			px := x(l.Stop)
			fmt.Fprintf(&b, `<path class="panic" d="M%g %gl10 10M%g %gl-10 10" stroke="%s" stroke-width="3"><title>%s panicked at %s</title></path>`, px-5, y-5, px+5, y-5, htmlFault, esc(label), esc(repl.Stamp(l.Stop)))
			used["panicked"] = true
		case l.Ended:
			ex := x(l.Stop)
			fmt.Fprintf(&b, `<line class="ended" x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="3"><title>%s ended at %s</title></line>`, ex, y-7, ex, y+7, color, esc(label), esc(repl.Stamp(l.Stop)))
			used["ended"] = true
		}
		b.WriteString(`</g>`)
	}
	// The time axis with round ticks.
	fmt.Fprintf(&b, `<g class="axis"><line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#888"/>`, svgLeft, axisY, svgRight, axisY)
	for _, t := range axisTicks(total) {
		tx := x(t)
		fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#888"/><text class="tick" x="%g" y="%g" text-anchor="middle">%s</text>`, tx, axisY, tx, axisY+5, tx, axisY+17, esc(axisLabel(t)))
	}
	b.WriteString(`</g>`)
	// The legend: the marks this chart uses.
	ly := axisY + 24 + 10
	lx := svgLeft
	b.WriteString(`<g class="legend">`)
	for _, k := range []string{"alive", "asleep", "printed", "ended", "panicked", "blocked"} {
		if !used[k] {
			continue
		}
		switch k {
		case "alive":
			fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#333" stroke-width="4"/>`, lx, ly, lx+18, ly)
		case "asleep":
			fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#333" stroke-width="2" stroke-dasharray="5 4"/>`, lx, ly, lx+18, ly)
		case "printed":
			fmt.Fprintf(&b, `<circle cx="%g" cy="%g" r="5" fill="#333"/>`, lx+9, ly)
		case "ended":
			fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#333" stroke-width="3"/>`, lx+9, ly-7, lx+9, ly+7)
		case "panicked":
			fmt.Fprintf(&b, `<path d="M%g %gl10 10M%g %gl-10 10" stroke="%s" stroke-width="3"/>`, lx+4, ly-5, lx+14, ly-5, htmlFault)
		case "blocked":
			fmt.Fprintf(&b, `<rect x="%g" y="%g" width="18" height="10" fill="url(#hatch)" stroke="%s"/>`, lx, ly-5, htmlFault)
		}
		fmt.Fprintf(&b, `<text x="%g" y="%g">%s</text>`, lx+24, ly+4, k)
		lx += 24 + 8*float64(len(k)) + 18
	}
	b.WriteString(`</g></svg>`)
	return template.HTML(b.String())
}

// axisTicks are round times (1, 2 or 5 × a power of ten nanoseconds) from 0
// to total, about five of them.
func axisTicks(total int64) []int64 {
	if total <= 0 {
		return []int64{0}
	}
	step := int64(1)
	for p := int64(1); ; p *= 10 {
		var found bool
		for _, m := range []int64{1, 2, 5} {
			if total/(p*m) <= 5 {
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
