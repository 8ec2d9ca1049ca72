package repl

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/event"
)

var updateTimeline = flag.Bool("update", false, "rewrite testdata/timeline/*.golden from Timeline's output")

// A timelineRun is the events of one run, to draw.
type timelineRun struct {
	name   string
	events []event.Event
}

// Most runs come from the engine: the programs in testdata/timeline, each
// NAME.go run whole, each NAME.repl run input by input (inputs are
// separated by "// ----" lines) in one session, as the REPL runs them, its
// runs given to a Carry. A program's first line may set its virtual-time
// budget: "// max-virtual: 2s". They run once per test binary.
var (
	engineOnce sync.Once
	engineRuns []timelineRun
	engineErr  error
)

func programRuns(t *testing.T) []timelineRun {
	t.Helper()
	if testing.Short() {
		t.Skip("runs programs in workers")
	}
	engineOnce.Do(func() { engineRuns, engineErr = runPrograms() })
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	return engineRuns
}

func runPrograms() ([]timelineRun, error) {
	files, err := filepath.Glob(filepath.Join("testdata", "timeline", "*.*"))
	if err != nil {
		return nil, err
	}
	var runs []timelineRun
	for _, file := range files {
		ext := filepath.Ext(file)
		if ext != ".go" && ext != ".repl" {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		opts := engine.Options{Clock: "virtual", MaxVirtual: time.Hour, Timeout: time.Minute}
		if d, ok := strings.CutPrefix(strings.SplitN(string(src), "\n", 2)[0], "// max-virtual: "); ok {
			if opts.MaxVirtual, err = time.ParseDuration(d); err != nil {
				return nil, fmt.Errorf("%s: %v", file, err)
			}
		}
		sess, err := engine.NewSession(opts)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(file), ext)
		inputs := []string{string(src)}
		if ext == ".repl" {
			inputs = strings.Split(string(src), "\n// ----\n")
		}
		var carry Carry
		for i, in := range inputs {
			var events []event.Event
			_, err := sess.Run(context.Background(), fmt.Sprintf("input%d", i+1), in, ext == ".go",
				func(e event.Event) { events = append(events, e) })
			if err != nil {
				sess.Close()
				return nil, fmt.Errorf("%s: input %d: %v", file, i+1, err)
			}
			run := timelineRun{name, events}
			if ext == ".repl" {
				run = timelineRun{fmt.Sprintf("%s-%d", name, i+1), carry.Run(events, "virtual")}
			}
			runs = append(runs, run)
		}
		sess.Close()
	}
	return runs, nil
}

// runNamed returns the run called name.
func runNamed(t *testing.T, runs []timelineRun, name string) []event.Event {
	t.Helper()
	for _, r := range runs {
		if r.name == name {
			return r.events
		}
	}
	t.Fatalf("no run %s", name)
	return nil
}

// runLog builds a run's events by hand, for what the engine does not make
// today: runs on the real clock, and streams of version 1 (session files
// recorded by an older concur have no block or wake events).
type runLog []event.Event

func newRunLog(clock string) runLog {
	return runLog{{Kind: event.Start, V: event.Version, Clock: clock}}
}

func (r runLog) spawn(t time.Duration, g int, name string, parent int) runLog {
	return append(r, event.Event{Kind: event.Go, T: int64(t), G: g, Name: name, Parent: parent})
}

func (r runLog) print(t time.Duration, g int, text string) runLog {
	return append(r, event.Event{Kind: event.Output, T: int64(t), G: g, Stream: "stdout", Text: text})
}

func (r runLog) sleep(t time.Duration, g int, d time.Duration) runLog {
	return append(r, event.Event{Kind: event.Sleep, T: int64(t), G: g, D: int64(d)})
}

func (r runLog) end(t time.Duration, g int) runLog {
	return append(r, event.Event{Kind: event.End, T: int64(t), G: g})
}

func (r runLog) stuck(kind event.Kind, t time.Duration, text string, blocked ...event.Goroutine) runLog {
	return append(r, event.Event{Kind: kind, T: int64(t), Text: text, Blocked: blocked})
}

func (r runLog) exit(t time.Duration, code int) runLog {
	return append(r, event.Event{Kind: event.Exit, T: int64(t), Code: code})
}

func handRuns() []timelineRun {
	const ms = time.Millisecond
	var runs []timelineRun
	add := func(name string, r runLog) { runs = append(runs, timelineRun{name, r}) }

	// Three square(n) goroutines and a WaitGroup on the real clock: the
	// whole run takes under a millisecond (concur run --clock=real).
	add("realclock", newRunLog("real").
		spawn(818640, 2, "square", 1).spawn(832249, 3, "square", 1).spawn(833640, 4, "square", 1).
		print(877184, 4, "9").end(941563, 4).
		print(945797, 2, "1").end(959729, 2).
		print(961663, 3, "4").end(985862, 3).
		end(990176, 1).
		exit(990176, 0))

	// Long and wide names: a method, a function named in Japanese, nested
	// func literals (stream version 1).
	add("names", newRunLog("virtual").
		spawn(0, 2, "m.fetchEverythingWithRetries", 1).
		spawn(0, 3, "処理する", 1).
		spawn(0, 4, "main.func1", 1).
		spawn(0, 5, "main.func1.1", 4).
		end(0, 4).
		print(0, 5, "nested").end(0, 5).
		sleep(0, 2, 40*ms).
		print(0, 3, "こんにちは").end(0, 3).
		end(40*ms, 2).end(40*ms, 1).
		exit(40*ms, 0))

	// A deadlock recorded with stream version 1: no block events, so the
	// waits show only from what the report says.
	add("v1-deadlock", newRunLog("virtual").
		spawn(0, 2, "producer", 1).spawn(0, 3, "consumer", 1).
		sleep(0, 2, 100*ms).
		sleep(100*ms, 2, 100*ms).print(100*ms, 3, "got 0").
		sleep(200*ms, 2, 100*ms).print(200*ms, 3, "got 1").
		end(300*ms, 2).print(300*ms, 3, "got 2").
		stuck(event.Deadlock, 300*ms, "fatal error: all goroutines are asleep - deadlock!",
			event.Goroutine{G: 1, Name: "main", State: "chan receive"},
			event.Goroutine{G: 3, Name: "consumer", State: "select"}).
		exit(300*ms, 2))
	return runs
}

// allRuns is every run the tests draw.
func allRuns(t *testing.T) []timelineRun {
	return append(programRuns(t), handRuns()...)
}

func TestTimelineGolden(t *testing.T) {
	runs := allRuns(t)
	for _, run := range runs {
		if !TimelineNeeded(run.events) {
			continue
		}
		t.Run(run.name, func(t *testing.T) {
			var b strings.Builder
			for _, width := range []int{80, 160} {
				fmt.Fprintf(&b, "-- width %d --\n%s", width, DrawTimeline(run.events, TimelineOptions{Width: width, Lang: "en"}))
			}
			checkTimelineGolden(t, run.name, b.String())
		})
	}
	// In Chinese; in colour; on a screen of 8 rows, which has room for two
	// lanes.
	for _, name := range []string{"handoff", "deadlock", "mutex", "many", "earlier-4"} {
		checkTimelineGolden(t, name+"-zh", DrawTimeline(runNamed(t, runs, name), TimelineOptions{Width: 80, Lang: "zh"}))
	}
	for _, name := range []string{"deadlock", "panic"} {
		checkTimelineGolden(t, name+"-color", DrawTimeline(runNamed(t, runs, name), TimelineOptions{Width: 80, Color: true}))
	}
	checkTimelineGolden(t, "leaked-rows", DrawTimeline(runNamed(t, runs, "leaked"), TimelineOptions{Width: 80, Rows: 8}))
}

func checkTimelineGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "timeline", name+".golden")
	if *updateTimeline {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestTimelineGolden -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s: timeline differs from the golden file (-update rewrites it)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

var timelineEscape = regexp.MustCompile("\x1b\\[[0-9;]*m")

// chartLines splits a chart into its lanes, the axis, its labels and the
// legend, and finds where lanes start: under the axis' first tick. A
// summary line under the lanes is left out of them.
func chartLines(t *testing.T, chart string) (lanes []string, axis, labels string, indent int) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(chart, "\n"), "\n")
	for i, line := range lines {
		if at := strings.Index(line, "┴"); at >= 0 && strings.TrimSpace(line[:at]) == "" {
			if i+1 >= len(lines) {
				t.Fatalf("no labels under the axis:\n%s", chart)
			}
			lanes = lines[:i]
			if n := len(lanes); n > 0 && !strings.ContainsAny(lanes[n-1], "━╌░▒●┫✗◆▲■◇△□◊") {
				lanes = lanes[:n-1]
			}
			return lanes, line, lines[i+1], at
		}
	}
	t.Fatalf("no axis:\n%s", chart)
	return
}

func TestTimelineFitsWidth(t *testing.T) {
	for _, run := range allRuns(t) {
		if !TimelineNeeded(run.events) {
			continue
		}
		for width := 20; width <= 220; width += 1 + width/40 {
			plain := Timeline(run.events, width, false)
			painted := Timeline(run.events, width, true)
			if plain == "" {
				t.Fatalf("%s at %d: no chart", run.name, width)
			}
			if strings.Contains(plain, "\x1b") {
				t.Errorf("%s at %d: escape codes without colour:\n%q", run.name, width, plain)
			}
			if !strings.Contains(painted, "\x1b[") {
				t.Errorf("%s at %d: no colour with colour on", run.name, width)
			}
			if got := timelineEscape.ReplaceAllString(painted, ""); got != plain {
				t.Errorf("%s at %d: colour changes more than colours:\n%s\nwithout:\n%s", run.name, width, got, plain)
			}
			for _, line := range strings.Split(strings.TrimSuffix(plain, "\n"), "\n") {
				if n := runeCells(line); n > width {
					t.Errorf("%s at %d: line of %d cells: %q", run.name, width, n, line)
				}
			}
			_, _, labels, _ := chartLines(t, plain)
			if width >= 40 && runTotal(run.events) > 0 && len(strings.Fields(labels)) < 2 {
				t.Errorf("%s at %d: the axis shows only %q", run.name, width, labels)
			}
		}
	}
}

func runTotal(events []event.Event) int64 {
	for _, e := range events {
		if e.Kind == event.Exit {
			return e.T
		}
	}
	return 0
}

var laneLabel = regexp.MustCompile(`^(?:g(\d+)\b|(\S+) ×([\d,]+) )`)

// Every goroutine is on one lane, or counted as not drawn; lanes come in
// the order of their (first) goroutines, each labelled with it or with its
// count; never more lanes than allowed.
func TestTimelineLanes(t *testing.T) {
	for _, run := range allRuns(t) {
		if !TimelineNeeded(run.events) {
			continue
		}
		for _, o := range []TimelineOptions{{Width: 80}, {Width: 200}, {Width: 80, Rows: 9}, {Width: 40, MaxLanes: 2}} {
			chart := Lanes(run.events, o.maxLanes())
			lanes, _, _, _ := chartLines(t, DrawTimeline(run.events, o))
			if len(lanes) != len(chart.Lanes) || len(lanes) > o.maxLanes() {
				t.Fatalf("%s %+v: %d lanes drawn, the chart has %d, at most %d allowed", run.name, o, len(lanes), len(chart.Lanes), o.maxLanes())
			}
			seen := map[int]bool{}
			drawn := 0
			for i, l := range chart.Lanes {
				m := laneLabel.FindStringSubmatch(lanes[i])
				if m == nil {
					t.Fatalf("%s: lane %q has no label", run.name, lanes[i])
				}
				if l.Count > 1 {
					if m[2] != l.Name || m[3] != groupDigits(l.Count) || len(l.Members) != l.Count {
						t.Errorf("%s: lane %q for %d goroutines %v", run.name, lanes[i], l.Count, l.Members[:min(len(l.Members), 5)])
					}
				} else if m[1] != fmt.Sprint(l.G) {
					t.Errorf("%s: lane %q for g%d", run.name, lanes[i], l.G)
				}
				members := l.Members
				if l.Count == 1 {
					members = []int{l.G}
				}
				for _, g := range members {
					if seen[g] || chart.LaneOf(g) != i {
						t.Errorf("%s: g%d drawn twice, or LaneOf it is %d, not %d", run.name, g, chart.LaneOf(g), i)
					}
					seen[g] = true
				}
				drawn += len(members)
				if i > 0 && chart.Lanes[i-1].G >= l.G {
					t.Errorf("%s: lane of g%d after the one of g%d", run.name, l.G, chart.Lanes[i-1].G)
				}
			}
			if gs := goroutinesOf(run.events); drawn+chart.HiddenCount() != len(gs) || chart.Goroutines != len(gs) {
				t.Errorf("%s %+v: %d goroutines drawn and %d not, the run had %d (%d by the chart)", run.name, o, drawn, chart.HiddenCount(), len(gs), chart.Goroutines)
			}
		}
	}
}

// goroutinesOf lists the goroutines a run's events mention, in order.
func goroutinesOf(events []event.Event) []int {
	gs := []int{1}
	for _, e := range events {
		switch e.Kind {
		case event.Go, event.Output, event.Sleep, event.End, event.Panic, event.Block, event.Wake:
			gs = append(gs, e.G)
		case event.Deadlock, event.Timeout:
			for _, b := range e.Blocked {
				gs = append(gs, b.G)
			}
		}
	}
	slices.Sort(gs)
	return slices.Compact(gs)
}

// cellsFrom returns the runes of line from terminal cell from on.
func cellsFrom(line string, from int) []rune {
	n := 0
	for i, r := range line {
		if n >= from {
			return []rune(line[i:])
		}
		n += wideRune(r)
	}
	return nil
}

const handOffRunes = "◆▲■◇△□◊"

// TestTimelineMarksWhereTheyHappened checks that every hand-off is marked
// on both lanes in the column of its time, and every print on its lane in
// its column, or beside it when a hand-off took the cell.
func TestTimelineMarksWhereTheyHappened(t *testing.T) {
	for _, run := range allRuns(t) {
		if !TimelineNeeded(run.events) {
			continue
		}
		for _, width := range []int{20, 40, 57, 80, 133, 200} {
			chart := Lanes(run.events, DefaultLanes)
			lanes, axis, _, indent := chartLines(t, Timeline(run.events, width, false))
			cells := len(cellsFrom(axis, indent))
			at := func(lane, col int) rune {
				row := cellsFrom(lanes[lane], indent)
				if col < 0 || col >= len(row) {
					return ' '
				}
				return row[col]
			}
			for _, h := range chart.HandOffs {
				col := timeColumn(h.T, chart.Total, cells)
				for _, g := range []int{h.By, h.G} {
					if li := chart.LaneOf(g); li >= 0 && !strings.ContainsRune(handOffRunes+"✗", at(li, col)) {
						t.Errorf("%s at %d: g%d woke g%d at %v, but g%d's lane has %q in column %d: %q",
							run.name, width, h.By, h.G, time.Duration(h.T), g, at(li, col), col, lanes[li])
					}
				}
			}
			for i, l := range chart.Lanes {
				for _, p := range l.Prints {
					col := timeColumn(p.T, chart.Total, cells)
					switch c := at(i, col); {
					case c == '●' || c == '✗':
					case strings.ContainsRune(handOffRunes, c):
						// Beside it, or lost where there is no room.
						room := func(c rune) bool { return !strings.ContainsRune("●"+handOffRunes+"✗┫", c) }
						if room(at(i, col-1)) && col+1 < cells && room(at(i, col+1)) {
							t.Errorf("%s at %d: g%d's print at %v is neither in column %d nor beside it: %q", run.name, width, l.G, time.Duration(p.T), col, lanes[i])
						}
					default:
						t.Errorf("%s at %d: g%d's print at %v is not in column %d: %q", run.name, width, l.G, time.Duration(p.T), col, lanes[i])
					}
				}
			}
		}
	}
}

// The states of the example in docs/events.md, from its stream: main
// waits to send job 2 until the consumer comes back for it, then on done;
// the consumer sleeps while it works.
func TestLanesStates(t *testing.T) {
	const s = int64(time.Second)
	chart := Lanes(runNamed(t, programRuns(t), "handoff"), 0)
	want := map[int][]Span{
		1: {{0, s, WaitingChan, "chan send", 1}, {s, 2 * s, WaitingChan, "chan receive", 2}},
		2: {{0, s, Asleep, "sleep", 0}, {s, 2 * s, Asleep, "sleep", 0}},
	}
	for g, spans := range want {
		if got := chart.Lanes[chart.LaneOf(g)].Spans; !slices.Equal(got, spans) {
			t.Errorf("g%d: spans %v, want %v", g, got, spans)
		}
	}
	var offs []string
	for _, h := range chart.HandOffs {
		offs = append(offs, fmt.Sprintf("%v g%d %s %s woke g%d", time.Duration(h.T), h.By, h.Op, chart.ObjectLabel(h.Obj), h.G))
	}
	if got, want := strings.Join(offs, "; "), "0s g2 receive jobs woke g1; 1s g2 receive jobs woke g1; 2s g2 send done woke g2"; got != strings.Replace(want, "woke g2", "woke g1", 1) {
		t.Errorf("hand-offs: %s", got)
	}
}

// In the REPL a goroutine keeps its state from one input to the next: the
// consumer of earlier.repl is asleep when input 4 starts and all through it,
// and in input 5 it sleeps out the rest of its second and then waits on ch.
// A goroutine blocked since an earlier input is blocked from 0.
func TestCarry(t *testing.T) {
	runs := programRuns(t)
	const ms = int64(time.Millisecond)
	for _, c := range []struct {
		run   string
		g     int
		spans []Span
	}{
		{"earlier-3", 2, []Span{{0, 1000 * ms, Asleep, "sleep", 0}}},
		{"earlier-4", 2, []Span{{0, 300 * ms, Asleep, "sleep", 0}}},
		{"earlier-5", 2, []Span{{0, 700 * ms, Asleep, "sleep", 0}, {700 * ms, 3000 * ms, WaitingChan, "chan receive", 1}}},
		{"stuck-3", 2, []Span{{0, 100 * ms, WaitingChan, "chan receive", 1}}},
		{"stuck-4", 2, []Span{{0, 200 * ms, WaitingChan, "chan receive", 1}}},
	} {
		chart := Lanes(runNamed(t, runs, c.run), 0)
		i := chart.LaneOf(c.g)
		if i < 0 {
			t.Errorf("%s: no lane for g%d", c.run, c.g)
			continue
		}
		if got := chart.Lanes[i].Spans; !slices.Equal(got, c.spans) {
			t.Errorf("%s: g%d's spans %v, want %v", c.run, c.g, got, c.spans)
		}
	}
}

// What ends a program ends the goroutines a Carry carries; an input that
// does not compile changes nothing; a restore forgets them.
func TestCarryEnds(t *testing.T) {
	const s = time.Second
	background := newRunLog("virtual").spawn(0, 2, "main.func1", 1).end(0, 1).sleep(0, 2, time.Hour).exit(0, 0)[1:]
	later := newRunLog("virtual").sleep(0, 1, s).end(s, 1).exit(s, 0)[1:]
	for _, c := range []struct {
		name   string
		before []event.Event
		asleep bool
	}{
		{"main returned", nil, true},
		{"compile error", []event.Event{{Kind: event.Compile, G: 1, Text: "input3:1:1: undefined: x"}, {Kind: event.Exit, Code: 1}}, true},
		{"os.Exit", []event.Event{{Kind: event.Exit, Code: 3}}, false},
		{"panic", []event.Event{{Kind: event.Panic, G: 1, Text: "panic: x"}, {Kind: event.Exit, Code: 2}}, false},
	} {
		var carry Carry
		carry.Run(background, "virtual")
		if c.before != nil {
			carry.Run(c.before, "virtual")
		}
		chart := Lanes(carry.Run(later, "virtual"), 0)
		i := chart.LaneOf(2)
		if got := i >= 0; got != c.asleep {
			t.Errorf("%s: a lane for g2: %v, want %v", c.name, got, c.asleep)
		}
		if c.asleep && i >= 0 && (chart.Lanes[i].Spans[0] != Span{0, int64(s), Asleep, "sleep", 0}) {
			t.Errorf("%s: g2's lane %v", c.name, chart.Lanes[i].Spans)
		}
	}
	var carry Carry
	carry.Run(background, "virtual")
	restored := append([]event.Event{{Kind: event.Restore, Text: "the program was replaced", Reason: "died", N: 1}}, later...)
	if chart := Lanes(carry.Run(restored, "virtual"), 0); chart.LaneOf(2) >= 0 {
		t.Errorf("after a restore g2 is still carried: %+v", chart.Lanes)
	}
	carry = Carry{}
	carry.Run(background, "real")
	if chart := Lanes(carry.Run(later, "real"), 0); chart.LaneOf(2) >= 0 {
		t.Errorf("on the real clock g2 is carried: %+v", chart.Lanes)
	}
}

// Ten thousand goroutines that did the same thing fold into one lane, and
// the chart says how many it drew; a screen too short for the lanes gets
// fewer, and a line that counts the ones left out.
func TestTimelineFolds(t *testing.T) {
	runs := programRuns(t)
	chart := DrawTimeline(runNamed(t, runs, "many"), TimelineOptions{Width: 80})
	lanes, _, _, _ := chartLines(t, chart)
	if len(lanes) != 2 || !strings.HasPrefix(lanes[1], "worker ×10,000 ") || !strings.Contains(chart, "\n10,001 goroutines in 2 lanes\n") {
		t.Errorf("ten thousand workers:\n%s", chart)
	}
	chart = DrawTimeline(runNamed(t, runs, "leaked"), TimelineOptions{Width: 80, Rows: 8})
	lanes, _, _, _ = chartLines(t, chart)
	if len(lanes) != 2 || !strings.Contains(chart, "\n26 goroutines in 2 lanes; 5 not drawn: 5 ended\n") {
		t.Errorf("on 8 rows:\n%s", chart)
	}
	zh := DrawTimeline(runNamed(t, runs, "leaked"), TimelineOptions{Width: 80, Rows: 8, Lang: "zh"})
	if !strings.Contains(zh, "\n26 个 goroutine 画成 2 条；5 个未画出：5 个已结束\n") {
		t.Errorf("on 8 rows, in Chinese:\n%s", zh)
	}
}

// The Chinese chart has none of the English chart's words: only Go's own
// (the waits, the names of functions and variables) are left in English.
func TestTimelineChinese(t *testing.T) {
	english := regexp.MustCompile(`\b(running|asleep|blocked|printed|ended|panicked|hand-off|goroutines|lanes|drawn|on)\b`)
	for _, run := range programRuns(t) {
		if !TimelineNeeded(run.events) {
			continue
		}
		for _, o := range []TimelineOptions{{Width: 120, Lang: "zh"}, {Width: 80, Lang: "zh", Rows: 8}} {
			chart := DrawTimeline(run.events, o)
			if m := english.FindString(chart); m != "" {
				t.Errorf("%s: English %q in the Chinese chart:\n%s", run.name, m, chart)
			}
			if en := DrawTimeline(run.events, TimelineOptions{Width: o.Width, Rows: o.Rows}); !english.MatchString(en) {
				t.Errorf("%s: the English chart has none of the words looked for:\n%s", run.name, en)
			}
		}
	}
	for _, w := range []timelineWords{timelineEn, timelineZh} {
		for _, s := range []string{w.running, w.asleep, w.blocked, w.printed, w.ended, w.panicked, w.handOff, w.waitOn,
			w.total, w.hidden, w.sep, w.hiddenEnded, w.hiddenPanicked, w.hiddenRunning, w.hiddenAsleep, w.hiddenWaiting} {
			if s == "" {
				t.Errorf("a chart word is missing: %+v", w)
			}
		}
	}
}

func TestTimeColumn(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		total := r.Int64N(int64(100 * time.Hour))
		if r.IntN(4) == 0 {
			total = r.Int64N(1000)
		}
		cells := 1 + r.IntN(220)
		a, b := r.Int64N(total+2)-1, r.Int64N(total+2)-1
		if a > b {
			a, b = b, a
		}
		ca, cb := timeColumn(a, total, cells), timeColumn(b, total, cells)
		if ca > cb || ca < 0 || cb >= cells {
			t.Fatalf("timeColumn(%d, %d, %d) = %d, timeColumn(%d, ...) = %d", a, total, cells, ca, b, cb)
		}
	}
	if got := timeColumn(1<<62, 1<<62+1, 200); got != 199 {
		t.Errorf("timeColumn near the int64 limit = %d, want 199", got)
	}
	for _, c := range []struct {
		t, total int64
		cells    int
		want     int
	}{
		{0, 100, 10, 0},
		{9, 100, 10, 0},
		{10, 100, 10, 1},
		{99, 100, 10, 9},
		{100, 100, 10, 9}, // the end is in the last column
		{150, 100, 10, 9},
		{5, 0, 10, 0},
	} {
		if got := timeColumn(c.t, c.total, c.cells); got != c.want {
			t.Errorf("timeColumn(%d, %d, %d) = %d, want %d", c.t, c.total, c.cells, got, c.want)
		}
	}
}

func TestAxisLabels(t *testing.T) {
	totals := []int64{1, 7, 999, 990176, int64(600 * time.Millisecond), int64(2371 * time.Millisecond),
		int64(3 * time.Second), int64(90 * time.Second), int64(time.Hour), int64(1000 * time.Hour)}
	for _, total := range totals {
		for cells := 1; cells <= 200; cells++ {
			labels := axisLabels(total, cells)
			if labels[0] != (axisLabel{0, 0, "0"}) {
				t.Fatalf("axisLabels(%d, %d) starts with %v", total, cells, labels[0])
			}
			next := 0
			for i, l := range labels {
				w := runeCells(l.text)
				if l.at < next || l.at+w > cells || l.tick < l.at || l.tick >= l.at+w {
					t.Fatalf("axisLabels(%d, %d): label %d %+v out of place: %v", total, cells, i, l, labels)
				}
				next = l.at + w + 1
			}
			if last := labels[len(labels)-1]; cells >= 20 && last.text != formatTick(roundSignificant(total, 3)) {
				t.Errorf("axisLabels(%d, %d) ends with %q, not the total", total, cells, last.text)
			}
		}
	}
}

func TestFormatTick(t *testing.T) {
	for _, c := range []struct {
		t    time.Duration
		want string
	}{
		{0, "0"},
		{5, "5ns"},
		{2500, "2.5µs"},
		{990 * time.Microsecond, "990µs"},
		{500 * time.Millisecond, "500ms"},
		{time.Second, "1s"},
		{1500 * time.Millisecond, "1.5s"},
		{2370 * time.Millisecond, "2.37s"},
		{time.Minute, "1m"},
		{90 * time.Second, "1m30s"},
		{2 * time.Minute, "2m"},
		{time.Hour + 30*time.Minute, "1h30m"},
	} {
		if got := formatTick(int64(c.t)); got != c.want {
			t.Errorf("formatTick(%v) = %q, want %q", c.t, got, c.want)
		}
	}
	if got := roundSignificant(2371234567, 3); got != 2370000000 {
		t.Errorf("roundSignificant = %d", got)
	}
}

func TestTimelineNeeded(t *testing.T) {
	for _, c := range []struct {
		name   string
		events runLog
		want   bool
	}{
		{"nothing", nil, false},
		{"main prints", newRunLog("virtual").print(0, 1, "hi").end(0, 1).exit(0, 0), false},
		{"compile error", newRunLog("virtual").exit(0, 1), false},
		{"zero sleep", newRunLog("virtual").sleep(0, 1, 0).end(0, 1).exit(0, 0), false},
		{"main sleeps", newRunLog("virtual").sleep(0, 1, time.Second).end(time.Second, 1).exit(time.Second, 0), true},
		{"a goroutine", newRunLog("virtual").spawn(0, 2, "f", 1).end(0, 1).exit(0, 0), true},
		{"an earlier goroutine prints", newRunLog("virtual").print(0, 3, "x").end(0, 1).exit(0, 0), true},
		{"an earlier goroutine is stuck", newRunLog("virtual").stuck(event.Deadlock, 0, "deadlock",
			event.Goroutine{G: 1, Name: "main", State: "chan send"},
			event.Goroutine{G: 2, Name: "f", State: "chan receive"}).exit(0, 2), true},
	} {
		if got := TimelineNeeded(c.events); got != c.want {
			t.Errorf("%s: TimelineNeeded = %v, want %v", c.name, got, c.want)
		}
		if got := Timeline(c.events, 80, false) != ""; got != c.want {
			t.Errorf("%s: Timeline drew a chart: %v, want %v", c.name, got, c.want)
		}
	}
	if got := Timeline(handRuns()[0].events, minWidth-1, false); got != "" {
		t.Errorf("Timeline at %d columns:\n%s", minWidth-1, got)
	}
}

func TestClipCells(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want string
	}{
		{"g2 worker", 9, "g2 worker"},
		{"g2 worker", 8, "g2 work…"},
		{"g3 処理する", 11, "g3 処理する"},
		{"g3 処理する", 10, "g3 処理す…"},
		{"g3 処理する", 9, "g3 処理…"}, // a wide rune does not fit in the one cell left
		{"g3 処理する", 8, "g3 処理…"},
		{"g3 処理する", 7, "g3 処…"},
	} {
		if got := clipCells(c.s, c.n); got != c.want || runeCells(got) > c.n {
			t.Errorf("clipCells(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}
