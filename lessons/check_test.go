package lessons_test

import (
	"strings"
	"testing"
	"time"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/lessons"
)

// Events for hand-made runs; times in seconds.
func out(t float64, g int, text string) event.Event {
	return event.Event{Kind: event.Output, T: sec(t), G: g, Stream: "stdout", Text: text}
}
func spawn(g int, name string) event.Event {
	return event.Event{Kind: event.Go, G: g, Name: name, Parent: 1}
}
func end(t float64, g int) event.Event { return event.Event{Kind: event.End, T: sec(t), G: g} }
func exit(t float64, code int) event.Event {
	return event.Event{Kind: event.Exit, T: sec(t), Code: code}
}
func sec(t float64) int64 { return int64(t * float64(time.Second)) }

// seedRun is the note's "start both, wait for both": A 2 s, B 1 s, started
// together; the start lines are a tie printed B first.
var seedRun = []event.Event{
	spawn(2, "main.func1"), spawn(3, "main.func2"),
	out(0, 3, "task B start"), out(0, 2, "task A start"),
	out(1, 3, "task B stop"), end(1, 3),
	out(2, 2, "task A stop"), end(2, 2),
	out(2, 1, "all done"), end(2, 1), exit(2, 0),
}

// sequential is lesson 1's run: A 10 s then B 5 s on main.
var sequential = []event.Event{
	out(0, 1, "task A start"), out(10, 1, "task A stop"),
	out(10, 1, "task B start"), out(15, 1, "task B stop"),
	end(15, 1), exit(15, 0),
}

var deadlocked = []event.Event{
	spawn(2, "worker"),
	out(1, 2, "w"), end(1, 2),
	{Kind: event.Deadlock, T: sec(1), Text: "fatal error: all goroutines are asleep - deadlock!", Blocked: []event.Goroutine{{G: 1, Name: "main", State: "chan receive"}}},
	exit(1, 2),
}

var leaky = []event.Event{
	spawn(2, "task"), spawn(3, "task"), spawn(4, "task"),
	out(0, 4, "task C start"), out(0, 4, "task C stop"), end(0, 4),
	out(0, 2, "task A start"), out(0, 3, "task B start"),
	out(1, 1, "main returns"), end(1, 1), leaked(exit(1, 0), 2, 3),
}

// cutShort ends while g2 still has a line to run: main returned first, but
// g2 could have finished (the exit lists no leak).
var cutShort = []event.Event{
	spawn(2, "task"), out(1, 1, "main returns"), end(1, 1), exit(1, 0),
}

// leaked lists goroutines of the run as ones that could never finish, asleep.
func leaked(e event.Event, gs ...int) event.Event {
	for _, g := range gs {
		e.Leaked = append(e.Leaked, event.Goroutine{G: g, Name: "task", State: "chan receive", On: "done (made at 1:9)"})
	}
	return e
}

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		check  string
		events []event.Event
		want   string // the failure; "" if it passes
	}{
		// Ties between goroutines come in either order; one goroutine's lines keep theirs.
		{`lines in order: "task A start", "task B start"`, seedRun, ""},
		{`lines in order: "task B start", "task A start"`, seedRun, ""},
		{`lines in order: "task A start", "task B stop", "task A stop", "all done"`, seedRun, ""},
		{`lines in order: "task A stop", "all done"`, seedRun, ""},
		{`lines in order: "all done", "task A stop"`, seedRun, ""}, // a tie, by g1 and g2
		{`lines in order: "task A stop", "task B stop"`, seedRun, `"task B stop" came before "task A stop": printed at 1s, "task A stop" at 2s`},
		{`lines in order: "task A stop", "task B start"`, sequential, ""},
		{`lines in order: "task B start", "task A stop"`, sequential, `"task A stop" came before "task B start": both at 10s, printed by g1 main in that order`},
		{`lines in order: "task B start", "task A start"`, sequential, `"task A start" came before "task B start": printed at 0s, "task B start" at 10s`},
		{`lines in order: "task A *", "task A *", "task A *"`, sequential, `"task A *" was printed only 2 times`},
		{`lines in order: "task C start"`, sequential, `"task C start" was never printed`},
		// A pattern that matches several lines must not take the one a later pattern needs.
		{`lines in order: "task * start", "task B start"`, seedRun, ""},
		{`line "task B start" at 10s`, seedRun, "it was printed at 0s"},
		{`line "task B start" at 10s`, sequential, ""},
		{`line "task B stop" at 1s`, seedRun, ""},
		{`line "task C stop" at 1s`, seedRun, "it was never printed"},
		{`line "task A stop" at < 2s`, seedRun, "it was printed at 2s"},
		{`line "task A stop" at <= 2s`, seedRun, ""},
		{`line "task * stop" at 1s`, seedRun, ""}, // the first line that matches
		{`line "task B start" at 10000ms`, sequential, ""},
		{`no line "task A stop"`, leaky, ""},
		{`no line "task C *"`, leaky, "it was printed at 0s and 0s"},
		{`total 15s`, sequential, ""},
		{`total < 5s`, sequential, "the run took 15s"},
		{`total >= 15s`, sequential, ""},
		{`goroutines 0`, sequential, ""},
		{`goroutines >= 3`, seedRun, "the program started 2 goroutines"},
		{`goroutines = 3`, leaky, ""},
		{`goroutines > 1`, deadlocked, "the program started 1 goroutine"},
		{`exit 0`, seedRun, ""},
		{`exit 0`, deadlocked, "it exited with 2 (deadlock)"},
		{`exit 2`, deadlocked, ""},
		{`deadlock`, deadlocked, ""},
		{`deadlock`, seedRun, "it ended at 2s without a deadlock"},
		{`no deadlock`, deadlocked, "it deadlocked at 1s: g1 main (chan receive)"},
		{`no deadlock`, seedRun, ""},
		{`no leaked goroutines`, seedRun, ""},
		{`no leaked goroutines`, leaky, "left when main returned, and could never finish: g2 task (chan receive on done (made at 1:9)), g3 task (chan receive on done (made at 1:9))"},
		{`no leaked goroutines`, cutShort, ""},
		{`"task A *" and "task B *" overlap`, seedRun, ""},
		{`"task A *" and "task B *" do not overlap`, seedRun, `"task A *" ran from 0s to 2s, "task B *" from 0s to 1s`},
		{`"task A *" and "task B *" do not overlap`, sequential, ""}, // A ends at 10s, the instant B starts
		{`"task A *" and "task B *" overlap`, sequential, `"task A *" ran from 0s to 10s, "task B *" from 10s to 15s`},
		{`"task A *" and "task C *" overlap`, sequential, `"task C *" was never printed`},
	} {
		checks, err := lessons.ParseChecks(c.check)
		if err != nil {
			t.Errorf("%s: %v", c.check, err)
			continue
		}
		failures := lessons.Check(checks, c.events)
		got := ""
		if len(failures) > 0 {
			got = failures[0].Got
			if s := failures[0].String(); s != c.check+": "+got {
				t.Errorf("%s: failure reads %q", c.check, s)
			}
		}
		if got != c.want {
			t.Errorf("%s:\n\tgot  %q\n\twant %q", c.check, got, c.want)
		}
	}
}

func TestCheckPatterns(t *testing.T) {
	run := []event.Event{out(0, 1, "worker 1 done"), out(0, 1, `a*b "q" \`), exit(0, 0)}
	for check, pass := range map[string]bool{
		`line "worker * done" at 0s`:    true,
		`line "worker *" at 0s`:         true,
		`line "* done" at 0s`:           true,
		`line "*" at 0s`:                true,
		`line "worker" at 0s`:           false, // a text matches whole lines
		`line "worker 1 done " at 0s`:   false,
		`line "a\*b \"q\" \\" at 0s`:    true,
		`line "a\*b*" at 0s`:            true,
		`line "ax\*b*" at 0s`:           false,
		`line "worker * * done" at 0s`:  false,
		`line "worker ** done" at 0s`:   true,
		`line "w*r*k*e*r*1*" at 0s`:     true,
		`line "worker 1 done*x" at 0s`:  false,
		`line "*1 done*1 done" at 0s`:   false,
		`line "worker 1 d*one" at 0s`:   true,
		`line "worker 1 d*done" at 0s`:  false,
		`line "worker * done*" at 0s`:   true,
		`line "worker * done" at 1s`:    false,
		`line "a*b \"q\" \\" at >= 0s`:  true,
		`line "a*b \"q\" \\" at > 0s`:   false,
		`line "a*b \"q\" \\" at == 0s`:  true,
		`line "a*b \"q\" \\" at = 0.0s`: true,
	} {
		checks, err := lessons.ParseChecks(check)
		if err != nil {
			t.Errorf("%s: %v", check, err)
			continue
		}
		if got := len(lessons.Check(checks, run)) == 0; got != pass {
			t.Errorf("%s: passes %v, want %v", check, got, pass)
		}
	}
}

// TestCheckRunEnds: a run that did not compile or was stopped fails for
// that reason alone, whatever the checks say.
func TestCheckRunEnds(t *testing.T) {
	checks, err := lessons.ParseChecks("no deadlock\nno leaked goroutines")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		events []event.Event
		want   string
	}{
		{[]event.Event{{Kind: event.Compile, Text: "ex.go:3:1: undefined: wg\nex.go:4:1: more"}, exit(0, 1)}, "compiles: ex.go:3:1: undefined: wg"},
		{[]event.Event{spawn(2, "tick"), {Kind: event.Timeout, T: sec(3600), Text: "stopped after 1h of virtual time"}, exit(3600, 2)}, "runs to its end: stopped after 1h of virtual time"},
		{[]event.Event{out(0, 1, "hi")}, "runs to its end: the run did not end"},
	} {
		failures := lessons.Check(checks, c.events)
		if len(failures) != 1 || failures[0].String() != c.want {
			t.Errorf("failures %v, want only %q", failures, c.want)
		}
	}
}

func TestParseChecksErrors(t *testing.T) {
	for src, want := range map[string]string{
		"total 5s\nlinez in order: \"a\"":   `line 2: unknown check "linez in order": want one of "lines in order", "line", `,
		"\n\n# only a comment\n":            "line 1: a check block needs at least one expectation",
		`lines in order "a", "b"`:           `line 1: want: lines in order: "TEXT", "TEXT", ...`,
		`lines in order: "a" "b"`:           `line 1: want: lines in order:`,
		`lines in order: "a",`:              `line 1: want: lines in order:`,
		`lines in order:`:                   `line 1: want: lines in order:`,
		`line "a" at`:                       `line 1: want: line "TEXT" at TIME`,
		`line "a" at -1s`:                   `line 1: "-1s" is not a time`,
		`line "a" at 5 s`:                   `line 1: want: line "TEXT" at TIME`,
		`no line a`:                         `line 1: want: no line "TEXT"`,
		`total`:                             `line 1: want: total TIME`,
		`total < < 5s`:                      `line 1: want: total TIME`,
		`goroutines three`:                  `line 1: "three" is not a whole number`,
		`exit < 1`:                          `line 1: want: exit N`,
		`no deadlock now`:                   `line 1: want: no deadlock`,
		`"a" and "b"`:                       `line 1: want: "TEXT" and "TEXT" overlap`,
		`"a" or "b" overlap`:                `line 1: want: "TEXT" and "TEXT" overlap`,
		`"a" and "b" do overlap`:            `line 1: want: "TEXT" and "TEXT" overlap`,
		`"a" and "b" overlap ,`:             `line 1: want: "TEXT" and "TEXT" overlap`,
		`: total 5s`:                        `line 1: unknown check ""`,
		`line "unterminated at 5s`:          `line 1: a text is not closed`,
		"goroutines >= 3\n\ttotal 1m30s\n_": `line 3: unknown check "_"`,
	} {
		_, err := lessons.ParseChecks(src)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ParseChecks(%q): %v\n\twant an error starting %q", src, err, want)
		}
	}
}

func TestSameOutput(t *testing.T) {
	shown := " +0.000s  g3 task │ B start\n +0.000s  g2 task │ A start\n"
	for got, same := range map[string]bool{
		shown:                           true,
		shown + "\n":                    true,
		strings.TrimSuffix(shown, "\n"): true,
		" +0.000s  g2 task │ A start\n +0.000s  g3 task │ B start\n": false, // a tie in another order: runs are deterministic
		" +0.000s  g3 task │ B start\n":                              false,
	} {
		if lessons.SameOutput(got, shown) != same {
			t.Errorf("lessons.SameOutput(\n%s) = %v, want %v", got, !same, same)
		}
	}
}

// TestCheckInChinese: a failure reads in the learner's language; the texts a
// run printed and Go's own words are quoted as they are.
func TestCheckInChinese(t *testing.T) {
	for _, c := range []struct {
		check  string
		events []event.Event
		want   string
	}{
		{`line "task B start" at 10s`, seedRun, "“task B start” 在 10s 打印：实际打印于 0s"},
		{`line "task A stop" at < 2s`, seedRun, "“task A stop” 在 2s 之前打印：实际打印于 2s"},
		{`line "task C stop" at 1s`, seedRun, "“task C stop” 在 1s 打印：从未打印"},
		{`no line "task C *"`, leaky, "不打印 “task C *”：实际打印于 0s 和 0s"},
		{`total < 5s`, sequential, "总用时少于 5s：这次运行用了 15s"},
		{`goroutines >= 3`, seedRun, "用 go 启动至少 3 个 goroutine：程序用 go 启动了 2 个 goroutine"},
		{`exit 0`, deadlocked, "退出状态为 0：退出状态为 2（死锁）"},
		{`deadlock`, seedRun, "以死锁结束：它在 2s 结束，没有发生死锁"},
		{`no deadlock`, deadlocked, "不发生死锁：它在 1s 死锁：g1 main（chan receive）"},
		{`no leaked goroutines`, leaky, "没有泄漏的 goroutine：main 返回时还在、而且永远结束不了：g2 task（chan receive：done，创建于 1:9），g3 task（chan receive：done，创建于 1:9）"},
		{`"task A *" and "task B *" do not overlap`, seedRun, "“task A *” 和 “task B *” 的时间段不重叠：“task A *” 从 0s 持续到 2s，“task B *” 从 0s 持续到 1s"},
		{`lines in order: "task A stop", "task B stop"`, seedRun, "按顺序打印 “task A stop”、“task B stop”：“task B stop” 出现在 “task A stop” 之前：前者打印于 1s，后者打印于 2s"},
		{`lines in order: "task B start", "task A stop"`, sequential, "按顺序打印 “task B start”、“task A stop”：“task A stop” 出现在 “task B start” 之前：两行都在 10s，由 g1 main 按这个顺序打印"},
		{`lines in order: "task A *", "task A *", "task A *"`, sequential, "按顺序打印 “task A *”、“task A *”、“task A *”：“task A *” 只打印了 2 次"},
	} {
		checks, err := lessons.ParseChecks(c.check)
		if err != nil {
			t.Fatalf("%s: %v", c.check, err)
		}
		failures := lessons.Check(checks, c.events)
		if len(failures) != 1 {
			t.Errorf("%s: %d failures, want 1", c.check, len(failures))
			continue
		}
		if got := failures[0].In(lessons.Chinese); got != c.want {
			t.Errorf("%s in Chinese:\n\tgot  %s\n\twant %s", c.check, got, c.want)
		}
		if got, want := failures[0].In(lessons.English), failures[0].String(); got != want {
			t.Errorf("%s in English: %q, want %q", c.check, got, want)
		}
	}
	ends, _ := lessons.ParseChecks("no deadlock")
	f := lessons.Check(ends, []event.Event{out(0, 1, "hi")})
	if got, want := f[0].In(lessons.Chinese), "运行到结束（没有被时限或中断停下）：这次运行没有结束"; got != want {
		t.Errorf("a run that did not end, in Chinese: %q, want %q", got, want)
	}
}
