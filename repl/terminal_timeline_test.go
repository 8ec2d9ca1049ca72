package repl_test

import (
	"regexp"
	"strings"
	"testing"
)

// laneRow finds the row of goroutine label's lane at or after from, and
// returns it with its cells (what follows the label column).
func laneRow(lines []string, from int, label string) (int, string) {
	for i := max(from, 0); i < len(lines); i++ {
		if rest, ok := strings.CutPrefix(lines[i], label+" "); ok {
			return i, strings.TrimLeft(rest, " ")
		}
	}
	return -1, ""
}

// TestTerminalTimelineBlocking types a REPL session in a real terminal, 80
// columns wide: a consumer started in one input takes a value main hands it
// in the next (a hand-off marked on both lanes in one column, main blocked
// in chan send while the consumer sleeps), sleeps on across the input after
// that (drawn asleep from the start, not running), then waits on the
// channel; :goroutines says so, and in Chinese after :lang zh.
func TestTerminalTimelineBlocking(t *testing.T) {
	t.Parallel()
	tm := startConcur(t, concurOptions{args: []string{"--speed=max"}, width: 80, height: 40})
	send(t, tm, "> ", "ch := make(chan int)")
	send(t, tm, "> ", `go func() { for v := range ch { fmt.Println("got", v); time.Sleep(time.Second) } }()`)
	send(t, tm, "> ", `ch <- 1; time.Sleep(500*time.Millisecond); ch <- 2; fmt.Println("sent")`)
	tm.WaitText("◆ hand-off on ch", wait)
	s := waitPrompt(t, tm, "> ")
	in := echoRow(s, "> ch <- 1;")
	r1, main := laneRow(s.Lines, in, "g1 main")
	r2, consumer := laneRow(s.Lines, in, "g2 main.func1")
	if r1 < 0 || r2 != r1+1 {
		t.Fatalf("no lanes for g1 and g2 under the input:\n%s", s)
	}
	if !regexp.MustCompile(`^◆╌+░+◆$`).MatchString(main) || !regexp.MustCompile(`^◆●╌+◆$`).MatchString(consumer) {
		t.Errorf("main's lane %q, the consumer's %q: want hand-offs at both ends, main asleep then blocked, the consumer asleep", main, consumer)
	}
	if strings.Index(s.Lines[r1], "◆") != strings.Index(s.Lines[r2], "◆") {
		t.Errorf("the first hand-off is not in one column on both lanes:\n%s\n%s", s.Lines[r1], s.Lines[r2])
	}
	if findLine(s, r2, `^╌ asleep  ░ blocked: chan send  ● printed  ◆ hand-off on ch$`) < 0 {
		t.Errorf("no legend naming the wait and the channel:\n%s", s)
	}

	// The consumer sleeps on through this input, and then waits on ch.
	send(t, tm, "> ", "time.Sleep(3*time.Second)")
	tm.WaitText("░ blocked: chan receive", wait)
	s = waitPrompt(t, tm, "> ")
	in = echoRow(s, "> time.Sleep(3*time.Second)")
	if _, consumer = laneRow(s.Lines, in, "g2 main.func1"); !regexp.MustCompile(`^╌{10,}░{10,}$`).MatchString(consumer) {
		t.Errorf("the consumer's lane across inputs: %q, want asleep from the start, then blocked\n%s", consumer, s)
	}
	send(t, tm, "> ", ":goroutines")
	tm.WaitText("1 goroutine alive", wait)
	s = waitPrompt(t, tm, "> ")
	if findLine(s, 0, `^g2 main\.func1: chan receive on ch \(made at #1:1:7\), for 2s$`) < 0 {
		t.Errorf(":goroutines does not say what g2 waits on and for how long:\n%s", s)
	}
	send(t, tm, "> ", ":lang zh")
	send(t, tm, "> ", ":goroutines")
	tm.WaitText("共 1 个 goroutine 存活", wait)
	send(t, tm, "> ", ":timeline")
	tm.WaitText("░ 阻塞：chan receive", wait)
}
