package repl_test

// Terminal tests of what a session survives (issue 8): faults typed after a
// declaration, Ctrl-C while the session is being brought back, output the
// program's goroutines make while the learner types, a goroutine bomb.

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/concur-dev/concur/repl/internal/tmuxtest"
)

// TestTerminalBackgroundOutput: on the real clock the program's goroutines
// go on while the prompt waits; what they print appears as it comes, above
// the prompt, stamped with its time since the input began, and what the
// learner has half typed stays on the prompt's line and runs when finished.
func TestTerminalBackgroundOutput(t *testing.T) {
	t.Parallel()
	tm := startConcur(t, concurOptions{args: []string{"--clock=real"}})
	const in = `go func() { for i := 0; i < 3; i++ { time.Sleep(300 * time.Millisecond); fmt.Println("tick", i) } }()`
	send(t, tm, "> ", in)
	waitPrompt(t, tm, "> ")
	tm.Type(`fmt.Println("ty`)
	tick := func(i int) string { return fmt.Sprintf(`^ *\+\d+\.\d{3}s  g2 main\.func1 │ tick %d$`, i) }
	s := tm.WaitFor("tick 2 above the half-typed line", wait, func(s *tmuxtest.Screen) bool {
		return findLine(s, 0, tick(2)) >= 0
	})
	// Nothing was entered: the lines came on their own, in order, each above
	// the prompt, which was redrawn under them with the half-typed text.
	row := -1
	for i := range 3 {
		r := findLine(s, row+1, tick(i))
		if r < 0 {
			t.Fatalf("no tick %d after row %d:\n%s", i, row, s)
		}
		row = r
	}
	if s.CursorLine() != `> fmt.Println("ty` || s.Y <= row {
		t.Fatalf("want the prompt with the half-typed input under the ticks:\n%s", s)
	}
	tm.Type(`ped")`)
	tm.Press("Enter")
	waitBelow(t, tm, `> fmt.Println("typed")`, stamped("", 1, "main", "typed"), wait)
}

// TestTerminalRestoreInterrupted: Ctrl-C while the session is being brought
// back (the worker died) stops the restore and loses nothing: the input
// typed did not run, and the next input restores every earlier one.
//
// The second input, replayed, marks that the replay reached it and then
// waits for a gate file the test takes away: Ctrl-C comes while the restore
// is surely in progress, whatever the machine's speed.
func TestTerminalRestoreInterrupted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	mark, gate := filepath.Join(dir, "mark"), filepath.Join(dir, "gate")
	if err := os.WriteFile(gate, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tm := startConcur(t, concurOptions{width: 200, height: 40, args: []string{"--clock=real", "--unrestricted"}})
	send(t, tm, "> ", `x := 42`)
	wait2 := fmt.Sprintf(`os.WriteFile(%q, nil, 0o644); for { if _, err := os.Stat(%q); err == nil { break }; time.Sleep(time.Millisecond) }; fmt.Println("through")`, mark, gate)
	send(t, tm, "> ", wait2)
	waitBelow(t, tm, "> os.WriteFile", `│ through$`, wait)
	os.Remove(mark)
	os.Remove(gate)
	const overflow = `var deep func(int) int; deep = func(n int) int { return deep(n+1) + 1 }; deep(0)`
	send(t, tm, "> ", overflow)
	waitBelow(t, tm, "> var deep", `^fatal error: stack overflow$`, wait)

	send(t, tm, "> ", `fmt.Println(x)`)
	deadline := time.Now().Add(wait)
	for {
		if _, err := os.Stat(mark); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the restore did not replay the second input:\n%s", tm.Snapshot())
		}
		time.Sleep(5 * time.Millisecond)
	}
	tm.Press("C-c")
	s, _ := waitBelow(t, tm, "> fmt.Println(x)", `^concur: bringing the session's program back was stopped: this input did not run; nothing earlier is lost, the next input tries again$`, wait)
	if below(s, "> fmt.Println(x)", `│ 42$`) >= 0 {
		t.Errorf("the input ran though its restore was stopped:\n%s", s)
	}

	// The next input restores both earlier inputs (the one that ended the
	// worker is left out, named) and runs.
	os.WriteFile(gate, nil, 0o644)
	send(t, tm, "> ", `fmt.Println(x + 1)`)
	s, out := waitBelow(t, tm, "> fmt.Println(x + 1)", stamped("", 1, "main", "43"), wait)
	notice := below(s, "> fmt.Println(x + 1)", `^concur: new program \(the last one died: fatal error: stack overflow\); replayed 2 earlier input\(s\) in `)
	dropped := below(s, "> fmt.Println(x + 1)", `^concur: left out input 3 \(var deep .*\): its goroutine ended the program$`)
	if notice < 0 || dropped < 0 || out < dropped {
		t.Errorf("want the restore notice and the left-out input, then the output:\n%s", s)
	}
	if below(s, "> fmt.Println(x + 1)", `through`) >= 0 {
		t.Errorf("the replay showed its output:\n%s", s)
	}
}

// TestTerminalGoroutineBomb: a million goroutines asked for, and wg.Wait.
// Ctrl-C stops the run; the report groups the goroutines that began in one
// function and wait alike and gives the total; the session goes on. The
// time from Ctrl-C to the prompt is logged (the target: within 1 s).
func TestTerminalGoroutineBomb(t *testing.T) {
	t.Parallel()
	tm := startConcur(t, concurOptions{width: 120, height: 40, args: []string{"--timeout=2m", "--max-memory=6000000000"}})
	send(t, tm, "> ", `x := 42`)
	// It says how far it got: Ctrl-C comes with 200,000 goroutines alive
	// at least.
	const bomb = `var wg sync.WaitGroup; for i := 0; i < 1000000; i++ { if i%100000 == 0 { fmt.Println("started", i) }; wg.Add(1); go func() { defer wg.Done(); time.Sleep(time.Hour) }() }; wg.Wait()`
	send(t, tm, "> ", bomb)
	waitBelow(t, tm, `> var wg sync.WaitGroup`, stamped("+0.000s", 1, "main", "started 200000"), time.Minute)
	pressed := time.Now()
	tm.Press("C-c")
	s := waitPrompt(t, tm, "> ")
	took := time.Since(pressed)
	t.Logf("Ctrl-C to the prompt: %v", took.Round(time.Millisecond))
	for _, re := range []string{
		`│ stopped: interrupted$`,
		`^main\.func1 ×[0-9,]{7,}: (runnable|sleep)$`, // 200,000 or more
		`^[0-9,]+ goroutines alive$`,
	} {
		if below(s, `> var wg sync.WaitGroup`, re) < 0 {
			t.Errorf("no row matching %s:\n%s", re, s)
		}
	}
	send(t, tm, "> ", `fmt.Println(x)`)
	waitBelow(t, tm, "> fmt.Println(x)", stamped("+0.000s", 1, "main", "42"), wait)
}

// fault is one thing a learner can type that ends the program, with the
// line that shows it (once) and, if it needs one, the key that ends it.
type fault struct {
	name  string
	input []string // typed one after another; the last one faults
	shown string   // a regexp matching the row that shows the fault
	key   string   // pressed once the fault's input runs (Ctrl-C), or ""
}

// TestTerminalFaultsKeepTheSession: after `x := 42`, each fault of README's
// list; then fmt.Println(x) prints 42, and the fault was shown once. The
// real-time budget has a session of its own: everywhere else a budget of
// minutes leaves a slow machine all the time it needs (the memory hog must
// reach the memory limit, however long that takes, before any --timeout).
func TestTerminalFaultsKeepTheSession(t *testing.T) {
	t.Parallel()
	faults := []fault{
		{name: "panic in main", input: []string{`panic("in main")`}, shown: `│ panic: in main$`},
		{name: "panic in a goroutine", input: []string{`go func() { panic("in a goroutine") }(); time.Sleep(time.Second)`}, shown: `│ panic: in a goroutine$`},
		{name: "a goroutine's panic in a later input", input: []string{
			`go func() { time.Sleep(2 * time.Second); panic("later") }()`, `time.Sleep(3 * time.Second)`}, shown: `│ panic: later$`},
		{name: "runtime error", input: []string{`var a []int; fmt.Println(a[5])`}, shown: `│ panic: runtime error: index out of range`},
		{name: "deadlock", input: []string{`<-make(chan int)`}, shown: `│ fatal error: all goroutines are asleep - deadlock!$`},
		{name: "os.Exit", input: []string{`os.Exit(3)`}, shown: `^\(exit status 3: `},
		{name: "runtime.Goexit", input: []string{`runtime.Goexit()`}, shown: `│ fatal error: no goroutines \(main called runtime\.Goexit\) - deadlock!$`},
		{name: "virtual-time budget", input: []string{`for { time.Sleep(time.Minute) }`}, shown: `│ stopped: the run reached 1h0m0s of virtual time`},
		{name: "Ctrl-C on a loop", input: []string{`fmt.Println("spin"); for {}`}, shown: `│ stopped: interrupted`, key: "C-c"},
		{name: "out of memory", input: []string{`var hog [][]byte; for { hog = append(hog, bytes.Repeat([]byte{1}, 1<<20)) }`}, shown: `│ fatal error: runtime: out of memory`},
		{name: "stack overflow", input: []string{`var deep func(int) int; deep = func(n int) int { return deep(n+1) + 1 }; deep(0)`}, shown: `^fatal error: stack overflow$`},
		{name: "compile error", input: []string{`x = "s"`}, shown: `^#\d+:1:5: cannot use "s"`},
	}
	checkFaults(t, faults, "--timeout=10m", "--max-memory=1000000000")
}

// TestTerminalRealTimeBudgetKeepsTheSession is the real-time budget's fault
// of the list above.
func TestTerminalRealTimeBudgetKeepsTheSession(t *testing.T) {
	t.Parallel()
	checkFaults(t, []fault{
		{name: "real-time budget", input: []string{`for { runtime.Gosched() }`}, shown: `│ stopped: the run took more than 3s of real time \(--timeout\)$`},
	}, "--timeout=3s")
}

// checkFaults types x := 42, then each fault, each followed by
// fmt.Println(x, i), in one session of concur with args.
func checkFaults(t *testing.T, faults []fault, args ...string) {
	t.Helper()
	tm := startConcur(t, concurOptions{width: 120, height: 50, args: args})
	send(t, tm, "> ", `x := 42`)
	for i, f := range faults {
		var echo string
		for _, in := range f.input {
			send(t, tm, "> ", in)
			echo = "> " + in
			if len(echo) > 120 {
				echo = echo[:120]
			}
		}
		if f.key != "" {
			waitBelow(t, tm, echo, `│ spin$`, wait)
			tm.Press(f.key)
		}
		waitBelow(t, tm, echo, f.shown, 20*time.Second)
		check := fmt.Sprintf("fmt.Println(x, %d)", i)
		send(t, tm, "> ", check)
		waitBelow(t, tm, "> "+check, stamped("+0.000s", 1, "main", fmt.Sprintf("42 %d", i)), 20*time.Second)
		waitPrompt(t, tm, "> ")
		all := tm.Scrollback()
		if n := len(regexp.MustCompile(`(?m)`+f.shown).FindAllString(all, -1)); n != 1 {
			t.Errorf("%s: shown %d times, want once:\n%s", f.name, n, all)
		}
		if strings.Contains(all, "undefined: x") {
			t.Fatalf("%s: x was lost:\n%s", f.name, all)
		}
	}
}
