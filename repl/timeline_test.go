package repl

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/concur-dev/concur/event"
)

var updateTimeline = flag.Bool("update", false, "rewrite testdata/timeline/*.golden from Timeline's output")

// runLog builds a run's events in the order the engine emits them. Each
// fixture below copies a real run (`concur run --json FILE`, or a session's
// input for the REPL ones) event for event; the program is in its comment.
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

func (r runLog) panic(t time.Duration, g int, text string, stack ...string) runLog {
	return append(r, event.Event{Kind: event.Panic, T: int64(t), G: g, Text: text, Stack: stack})
}

func (r runLog) stuck(kind event.Kind, t time.Duration, text string, blocked ...event.Goroutine) runLog {
	return append(r, event.Event{Kind: kind, T: int64(t), Text: text, Blocked: blocked})
}

func (r runLog) exit(t time.Duration, code int) runLog {
	return append(r, event.Event{Kind: event.Exit, T: int64(t), Code: code})
}

type timelineRun struct {
	name   string
	events []event.Event
}

func timelineRuns() []timelineRun {
	const ms, s = time.Millisecond, time.Second
	var runs []timelineRun
	add := func(name string, r runLog) { runs = append(runs, timelineRun{name, r}) }

	// The seed note's four patterns: task(name, d) prints "task A start",
	// sleeps d, prints "task A stop"; A sleeps 2s, B 1s.

	// Sequential: main calls task("A"), then task("B").
	add("sequential", newRunLog("virtual").
		print(0, 1, "task A start").sleep(0, 1, 2*s).
		print(2*s, 1, "task A stop").
		print(2*s, 1, "task B start").sleep(2*s, 1, 1*s).
		print(3*s, 1, "task B stop").
		print(3*s, 1, "all done").end(3*s, 1).
		exit(3*s, 0))

	// Start and join: go task("A", done); <-done; go task("B", done); <-done.
	add("join", newRunLog("virtual").
		spawn(0, 2, "task", 1).
		print(0, 2, "task A start").sleep(0, 2, 2*s).
		print(2*s, 2, "task A stop").end(2*s, 2).
		spawn(2*s, 3, "task", 1).
		print(2*s, 3, "task B start").sleep(2*s, 3, 1*s).
		print(3*s, 3, "task B stop").end(3*s, 3).
		print(3*s, 1, "all done").end(3*s, 1).
		exit(3*s, 0))

	// Start all, then wait for all (sync.WaitGroup).
	add("waitall", newRunLog("virtual").
		spawn(0, 2, "task", 1).spawn(0, 3, "task", 1).
		print(0, 3, "task B start").sleep(0, 3, 1*s).
		print(0, 2, "task A start").sleep(0, 2, 2*s).
		print(1*s, 3, "task B stop").end(1*s, 3).
		print(2*s, 2, "task A stop").end(2*s, 2).
		print(2*s, 1, "all done").end(2*s, 1).
		exit(2*s, 0))

	// Start all, and main returns after time.Sleep(500ms): A and B are
	// still asleep when the program ends.
	add("early", newRunLog("virtual").
		spawn(0, 2, "task", 1).spawn(0, 3, "task", 1).
		sleep(0, 1, 500*ms).
		print(0, 3, "task B start").sleep(0, 3, 1*s).
		print(0, 2, "task A start").sleep(0, 2, 2*s).
		print(500*ms, 1, "main returns").end(500*ms, 1).
		exit(500*ms, 0))

	// Three workers sleep id*300ms; worker 2 writes to a nil map.
	add("panic", newRunLog("virtual").
		spawn(0, 2, "worker", 1).spawn(0, 3, "worker", 1).spawn(0, 4, "worker", 1).
		sleep(0, 1, 2*s).sleep(0, 4, 900*ms).sleep(0, 2, 300*ms).sleep(0, 3, 600*ms).
		print(300*ms, 2, "worker 1 done").end(300*ms, 2).
		panic(600*ms, 3, "panic: assignment to entry in nil map\n\ngoroutine 3 [running]:\nmain.worker(...)\n\t9:2", "main.worker 9:2").
		exit(600*ms, 2))

	// A producer sends three values, 100ms apart, and returns without
	// closing the channel; the consumer ranges over it, main waits on out.
	// (The engine reports the consumer's range as "select".)
	add("deadlock", newRunLog("virtual").
		spawn(0, 2, "producer", 1).spawn(0, 3, "consumer", 1).
		sleep(0, 2, 100*ms).
		sleep(100*ms, 2, 100*ms).print(100*ms, 3, "got 0").
		sleep(200*ms, 2, 100*ms).print(200*ms, 3, "got 1").
		end(300*ms, 2).print(300*ms, 3, "got 2").
		stuck(event.Deadlock, 300*ms, "fatal error: all goroutines are asleep - deadlock!",
			event.Goroutine{G: 1, Name: "main", State: "chan receive"},
			event.Goroutine{G: 3, Name: "consumer", State: "select"}).
		exit(300*ms, 2))

	// Nine fetch(i) goroutines sleep (10-i)*150ms each, main waits.
	ten := newRunLog("virtual")
	for g := 2; g <= 10; g++ {
		ten = ten.spawn(0, g, "fetch", 1)
	}
	ten = ten.sleep(0, 10, 300*ms)
	for g := 2; g <= 9; g++ {
		ten = ten.sleep(0, g, time.Duration(12-g)*150*ms)
	}
	for g := 10; g >= 2; g-- {
		t := time.Duration(12-g) * 150 * ms
		ten = ten.print(t, g, fmt.Sprint("fetched ", g-2)).end(t, g)
	}
	add("ten", ten.print(1500*ms, 1, "all fetched").end(1500*ms, 1).exit(1500*ms, 0))

	// A ticker sends every 250ms to a func literal that prints, main blocks
	// in select{}; stopped by --max-virtual=2s.
	tick := newRunLog("virtual").spawn(0, 2, "ticker", 1).spawn(0, 3, "main.func1", 1).sleep(0, 2, 250*ms)
	for i := range 7 {
		t := time.Duration(i+1) * 250 * ms
		tick = tick.sleep(t, 2, 250*ms).print(t, 3, fmt.Sprint("tick ", i))
	}
	add("timeout", tick.sleep(2*s, 2, 250*ms).
		stuck(event.Timeout, 2*s, "stopped: the run reached 2s of virtual time (--max-virtual=2s)",
			event.Goroutine{G: 1, Name: "main", State: "select"},
			event.Goroutine{G: 2, Name: "ticker", State: "running"},
			event.Goroutine{G: 3, Name: "main.func1", State: "runnable"}).
		exit(2*s, 2))

	// The REPL's third input, `ch <- 1; time.Sleep(500*time.Millisecond);
	// ch <- 2; fmt.Println("sent")`, after `ch := make(chan int)` and
	// `go func() { for v := range ch { fmt.Println("got", v);
	// time.Sleep(time.Second) } }()`: g2 comes from the second input.
	add("earlier", newRunLog("virtual").
		print(0, 2, "got 1").sleep(0, 2, 1*s).
		sleep(0, 1, 500*ms).
		print(1*s, 2, "got 2").sleep(1*s, 2, 1*s).
		print(1*s, 1, "sent").end(1*s, 1).
		exit(1*s, 0))

	// Another session: `ch := make(chan int); done := make(chan bool)`,
	// then `go func() { v := <-ch; fmt.Println("got", v); done <- true }()`,
	// then this input, which nobody sends to ch in: g2 waits all along.
	add("earlier-deadlock", newRunLog("virtual").
		sleep(0, 1, 100*ms).
		print(100*ms, 1, "waiting").
		stuck(event.Deadlock, 100*ms, "fatal error: all goroutines are asleep - deadlock!",
			event.Goroutine{G: 1, Name: "main", State: "chan receive"},
			event.Goroutine{G: 2, Name: "main.func1", State: "chan receive"}).
		exit(100*ms, 2))

	// The same session as "earlier", second input: the goroutine starts, main returns
	// at once; everything happens at t=0.
	add("instant", newRunLog("virtual").spawn(0, 2, "main.func1", 1).end(0, 1).exit(0, 0))

	// A method value and a func literal; 90 seconds of virtual time.
	add("minutes", newRunLog("virtual").
		spawn(0, 2, "s.run", 1).spawn(0, 3, "main.func1", 1).
		sleep(0, 3, 30*s).sleep(0, 2, 90*s).
		print(30*s, 3, "half-way").end(30*s, 3).
		end(90*s, 2).
		print(90*s, 1, "alpha").end(90*s, 1).
		exit(90*s, 0))

	// Three square(n) goroutines and a WaitGroup on the real clock: the
	// whole run takes under a millisecond.
	add("realclock", newRunLog("real").
		spawn(818640, 2, "square", 1).spawn(832249, 3, "square", 1).spawn(833640, 4, "square", 1).
		print(877184, 4, "9").end(941563, 4).
		print(945797, 2, "1").end(959729, 2).
		print(961663, 3, "4").end(985862, 3).
		end(990176, 1).
		exit(990176, 0))

	// Long and wide names: a method, a function named in Japanese, nested
	// func literals.
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
	return runs
}

func TestTimelineGolden(t *testing.T) {
	for _, run := range timelineRuns() {
		t.Run(run.name, func(t *testing.T) {
			var b strings.Builder
			for _, width := range []int{40, 80, 200} {
				fmt.Fprintf(&b, "-- width %d --\n%s", width, Timeline(run.events, width, false))
			}
			checkTimelineGolden(t, run.name, b.String())
		})
	}
	// Colour: one run with every kind of colour (goroutines, red, dim).
	for _, name := range []string{"deadlock", "panic"} {
		i := slices.IndexFunc(timelineRuns(), func(r timelineRun) bool { return r.name == name })
		checkTimelineGolden(t, name+"-color", Timeline(timelineRuns()[i].events, 80, true))
	}
}

func checkTimelineGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "timeline", name+".golden")
	if *updateTimeline {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
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
// legend, and finds where lanes start: under the axis' first tick.
func chartLines(t *testing.T, chart string) (lanes []string, axis, labels string, indent int) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(chart, "\n"), "\n")
	for i, line := range lines {
		if at := strings.Index(line, "┴"); at >= 0 && strings.TrimSpace(line[:at]) == "" {
			if i+1 >= len(lines) {
				t.Fatalf("no labels under the axis:\n%s", chart)
			}
			return lines[:i], line, lines[i+1], at
		}
	}
	t.Fatalf("no axis:\n%s", chart)
	return
}

// goroutinesOf lists the goroutines a run's events mention, in order.
func goroutinesOf(events []event.Event) []int {
	gs := []int{1}
	for _, e := range events {
		switch e.Kind {
		case event.Go, event.Output, event.Sleep, event.End, event.Panic:
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

func TestTimelineFitsWidth(t *testing.T) {
	for _, run := range timelineRuns() {
		for width := 20; width <= 220; width++ {
			plain := Timeline(run.events, width, false)
			painted := Timeline(run.events, width, true)
			if plain == "" {
				t.Fatalf("%s at %d: no chart", run.name, width)
			}
			if strings.Contains(plain, "\x1b") {
				t.Errorf("%s at %d: timelineEscape codes without colour:\n%q", run.name, width, plain)
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
			if width >= 40 && run.name != "instant" && len(strings.Fields(labels)) < 2 {
				t.Errorf("%s at %d: the axis shows only %q", run.name, width, labels)
			}
		}
	}
}

var laneLabel = regexp.MustCompile(`^g(\d+)\b`)

func TestTimelineLaneOrder(t *testing.T) {
	for _, run := range timelineRuns() {
		for _, width := range []int{20, 40, 80, 200} {
			lanes, _, _, _ := chartLines(t, Timeline(run.events, width, false))
			var gs []int
			for _, lane := range lanes {
				m := laneLabel.FindStringSubmatch(lane)
				if m == nil {
					t.Fatalf("%s at %d: lane without a goroutine: %q", run.name, width, lane)
				}
				g, _ := strconv.Atoi(m[1])
				gs = append(gs, g)
			}
			if want := goroutinesOf(run.events); !slices.Equal(gs, want) {
				t.Errorf("%s at %d: lanes for %v, want %v", run.name, width, gs, want)
			}
		}
	}
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

// TestTimelinePrintsWhereTheyHappened checks that every print is drawn in the
// column of its time, on its goroutine's lane, unless a panic took the cell.
func TestTimelinePrintsWhereTheyHappened(t *testing.T) {
	for _, run := range timelineRuns() {
		for _, width := range []int{20, 40, 57, 80, 133, 200} {
			lanes, axis, _, indent := chartLines(t, Timeline(run.events, width, false))
			cells := len(cellsFrom(axis, indent))
			var total int64
			for _, e := range run.events {
				if e.Kind == event.Exit {
					total = e.T
				}
			}
			gs := goroutinesOf(run.events)
			for _, e := range run.events {
				if e.Kind != event.Output {
					continue
				}
				lane := cellsFrom(lanes[slices.Index(gs, e.G)], indent)
				col := timeColumn(e.T, total, cells)
				if col >= len(lane) || (lane[col] != '●' && lane[col] != '✗') {
					t.Errorf("%s at %d: g%d's print at %v is not in column %d: %q", run.name, width, e.G, e.Elapsed(), col, string(lane))
				}
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
	if got := Timeline(timelineRuns()[0].events, minWidth-1, false); got != "" {
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
