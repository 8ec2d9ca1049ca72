package repl_test

// Terminal tests: the real concur binary in a real terminal emulator (tmux),
// typed at key by key, checked by what the screen shows. They cover what
// testscript cannot reach: readline's prompts and editing, pacing, Ctrl-C as
// a signal, history across restarts, completion and wide characters.
//
//	go test -run Terminal ./repl
//
// Each test has its own tmux server and its own $XDG_STATE_HOME, so they run
// in parallel. They wait for what they expect to see, under generous
// deadlines, and never sleep a fixed time.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/repl/internal/tmuxtest"
)

var (
	buildOnce sync.Once
	binDir    string
	binErr    error
)

func TestMain(m *testing.M) {
	// In-process REPL tests start workers by running this test binary again.
	if engine.IsWorker() {
		os.Exit(engine.ServeWorker())
	}
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// concurBinary builds cmd/concur once per test binary, the first time a
// terminal test asks for it.
func concurBinary(t *testing.T) string {
	t.Helper()
	if why := tmuxtest.Available(); why != "" {
		t.Skip(why)
	}
	if testing.Short() {
		t.Skip("terminal tests run the real binary in tmux; skipped in -short mode")
	}
	buildOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "concur-terminal-test")
		if binErr != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, "concur"), "../cmd/concur").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build ../cmd/concur: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return filepath.Join(binDir, "concur")
}

// wait is the deadline for things that take a fraction of a second when
// nothing is wrong: generous, so a loaded machine does not fail a test
// (only a failing test waits this long).
const wait = 30 * time.Second

type concurOptions struct {
	state         string   // $XDG_STATE_HOME; a new temporary one if ""
	color         bool     // leave NO_COLOR unset, so concur colours its output
	args          []string // flags
	width, height int      // of the terminal; default 80x24
	env           []string // more NAME=value settings
}

// startConcur starts the REPL in its own terminal and waits for its prompt.
func startConcur(t *testing.T, o concurOptions) *tmuxtest.Term {
	t.Helper()
	bin := concurBinary(t)
	if o.state == "" {
		o.state = t.TempDir()
	}
	cfg := tmuxtest.Config{
		Argv:  append([]string{bin}, o.args...),
		Env:   append([]string{"XDG_STATE_HOME=" + o.state}, o.env...),
		Unset: []string{"LC_ALL", "LC_MESSAGES", "NO_COLOR", "CLICOLOR_FORCE", "FORCE_COLOR"},
		Width: o.width, Height: o.height,
	}
	if !o.color {
		cfg.Env = append(cfg.Env, "NO_COLOR=1")
	}
	tm := tmuxtest.Start(t, cfg)
	waitPrompt(t, tm, "> ")
	return tm
}

// waitPrompt waits for an empty prompt p ("> " or "... ") with the cursor after it.
func waitPrompt(t *testing.T, tm *tmuxtest.Term, p string) *tmuxtest.Screen {
	t.Helper()
	return tm.WaitLine(strings.TrimRight(p, " "), len(p), wait)
}

// send waits for prompt p, types line and presses Enter. Typing ahead of the
// prompt is a different thing (the terminal echoes it, and a lone Enter
// during playback means "skip"), so it always waits.
func send(t *testing.T, tm *tmuxtest.Term, p, line string) {
	t.Helper()
	waitPrompt(t, tm, p)
	tm.Type(line)
	tm.Press("Enter")
}

// findLine returns the index of the first row at or after from that
// matches re (after leading blanks are removed), or -1.
func findLine(s *tmuxtest.Screen, from int, re string) int {
	rx := regexp.MustCompile(re)
	for i := max(from, 0); i < len(s.Lines); i++ {
		if rx.MatchString(strings.TrimLeft(s.Lines[i], " ")) {
			return i
		}
	}
	return -1
}

// echoRow returns the index of the last row that starts with echo: an input
// as the screen shows it after its prompt. Rows are found relative to it
// because the screen scrolls.
func echoRow(s *tmuxtest.Screen, echo string) int {
	for i := len(s.Lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(s.Lines[i], echo) {
			return i
		}
	}
	return -1
}

// below returns the index of the first row under the input shown as echo
// that matches re, or -1.
func below(s *tmuxtest.Screen, echo, re string) int {
	in := echoRow(s, echo)
	if in < 0 {
		return -1
	}
	return findLine(s, in+1, re)
}

// waitBelow waits for a row matching re under the input shown as echo.
func waitBelow(t *testing.T, tm *tmuxtest.Term, echo, re string, timeout time.Duration) (*tmuxtest.Screen, int) {
	t.Helper()
	s := tm.WaitFor(fmt.Sprintf("a row matching %s under %q", re, echo), timeout, func(s *tmuxtest.Screen) bool {
		return below(s, echo, re) >= 0
	})
	return s, below(s, echo, re)
}

// stamped is the regexp of a stamped output row: "+1.000s  g2 NAME │ text".
// name "" accepts any goroutine name.
func stamped(stamp string, g int, name, text string) string {
	// stamp "" matches any time: on the real clock a stamp is the machine's.
	n := `\S*`
	if name != "" {
		n = regexp.QuoteMeta(name)
	}
	at := regexp.QuoteMeta(stamp)
	if stamp == "" {
		at = `\+\d+\.\d{3}s` // the real clock: whatever the machine took
	}
	return fmt.Sprintf(`^ *%s  g%d %s *│ %s$`, at, g, n, regexp.QuoteMeta(text))
}

func TestTerminalMultiLineInput(t *testing.T) {
	t.Parallel()
	tm := startConcur(t, concurOptions{})
	send(t, tm, "> ", `func greet(name string) {`)
	send(t, tm, "... ", `  fmt.Println("hi", name)`)
	send(t, tm, "... ", `}`)
	s := waitPrompt(t, tm, "> ")
	want := []string{`> func greet(name string) {`, `...   fmt.Println("hi", name)`, `... }`, `>`}
	first := echoRow(s, want[0])
	if first < 0 || first+len(want) > len(s.Lines) || strings.Join(s.Lines[first:first+len(want)], "\n") != strings.Join(want, "\n") {
		t.Fatalf("prompts of a multi-line input: want rows\n%s\nscreen:\n%s", strings.Join(want, "\n"), s)
	}
	send(t, tm, "> ", `greet("go")`)
	s, row := waitBelow(t, tm, `> greet("go")`, stamped("+0.000s", 1, "main", "hi go"), wait)
	if s.Lines[row-1] != `> greet("go")` {
		t.Errorf("the output row follows %q, want it right under the input:\n%s", s.Lines[row-1], s)
	}

	// A blank line inside an unfinished input is part of it; the first
	// one says how to abandon the input instead.
	send(t, tm, "> ", `func twice() {`)
	send(t, tm, "... ", `  greet("one")`)
	send(t, tm, "... ", ``)
	waitBelow(t, tm, `> func twice() {`, `^\(blank lines belong to the input: finish it, or press Ctrl-C to abandon it\)$`, wait)
	send(t, tm, "... ", `  greet("two")`)
	send(t, tm, "... ", ``)
	send(t, tm, "... ", `}`)
	send(t, tm, "> ", `twice()`)
	s, row = waitBelow(t, tm, `> twice()`, stamped("+0.000s", 1, "main", "hi two"), wait)
	if s.Lines[row-1] != "+0.000s  g1 main │ hi one" && !strings.HasSuffix(s.Lines[row-1], "│ hi one") {
		t.Errorf("want hi one right before hi two:\n%s", s)
	}
	if n := strings.Count(s.Text(), "blank lines belong to the input"); n != 1 {
		t.Errorf("the hint about blank lines is shown %d times, want once:\n%s", n, s)
	}
	if strings.Contains(s.Text(), "abandoned") || strings.Contains(s.Text(), "undefined") {
		t.Errorf("a blank line cut the input:\n%s", s)
	}
}

// TestTerminalPaste pastes (bracketed paste, as a terminal sends it) a
// 60-line gofmt'd program with blank lines inside its functions and its type
// declared after its first use: it is one input, echoed line by line, and it
// runs once, printing what `concur run` of the file prints. A paste into a
// line that has text joins that text; an unfinished paste goes on at "... ".
func TestTerminalPaste(t *testing.T) {
	t.Parallel()
	const file = "testdata/paste/squares.go"
	prog, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(prog), "\n"); n != 60 || !strings.Contains(string(prog), "{\n\tdefer wg.Done()\n\n") ||
		strings.Index(string(prog), "type result") < strings.Index(string(prog), "result{") {
		t.Fatalf("%s: %d lines; want 60 with blank lines inside functions, type result declared after its use", file, n)
	}
	run := exec.Command(concurBinary(t), "run", file)
	run.Env = append(os.Environ(), "NO_COLOR=1")
	ran, err := run.Output()
	if err != nil {
		t.Fatalf("concur run %s: %v\n%s", file, err, ran)
	}
	tm := startConcur(t, concurOptions{width: 100, height: 100, args: []string{"--speed=max"}})
	tm.Paste(string(prog))
	s, _ := waitBelow(t, tm, "> package main", stamped("+0.300s", 1, "main", "done"), wait)
	// What it printed, row for row as concur run prints it (the REPL's
	// label column may be narrower or wider: compared without padding).
	squeeze := regexp.MustCompile(` +│`)
	want := strings.Split(strings.TrimSuffix(squeeze.ReplaceAllString(string(ran), " │"), "\n"), "\n")
	from := below(s, "> package main", `│ `)
	if from < 0 || from+len(want) > len(s.Lines) {
		t.Fatalf("no output under the paste:\n%s", s)
	}
	for i, w := range want {
		if got := squeeze.ReplaceAllString(s.Lines[from+i], " │"); got != w {
			t.Errorf("row %d of the paste's output is %q; concur run %s printed %q\n%s", i+1, got, file, w, s)
		}
	}
	if row := from + len(want); row < len(s.Lines) && strings.Contains(s.Lines[row], "│") {
		t.Errorf("the paste printed more than concur run (%q):\n%s", s.Lines[row], s)
	}
	// Echoed as typed: the first line after the prompt, each other after "... ".
	first := echoRow(s, "> package main")
	lines := strings.Split(strings.TrimSuffix(string(prog), "\n"), "\n")
	for i, l := range lines[1:] {
		want := strings.TrimRight("... "+l, " ")
		if got := s.Lines[first+1+i]; strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(strings.ReplaceAll(want, "\t", ""), " ", "") {
			t.Fatalf("row %d of the paste's echo is %q, want %q\n%s", i+2, got, want, s)
		}
	}
	for _, bad := range []string{"abandoned", "undefined:", "syntax error", "deadlock!"} {
		if strings.Contains(s.Text(), bad) {
			t.Fatalf("the paste was cut up (%q on screen):\n%s", bad, s)
		}
	}
	send(t, tm, "> ", ":history")
	s, _ = waitBelow(t, tm, "> :history", `^2  :history$`, wait)
	if below(s, "> :history", `^1  package main$`) < 0 || below(s, "> :history", `^3  `) >= 0 {
		t.Errorf(":history: want the paste as input 1 and :history as input 2:\n%s", s)
	}

	// Pasted into a line with text, the paste goes on from that text.
	send(t, tm, "> ", ":reset")
	waitPrompt(t, tm, "> ")
	tm.Type("sum := ")
	tm.WaitLine("> sum :=", 9, wait)
	tm.Paste("1 +\n\n\t2\n")
	send(t, tm, "> ", "fmt.Println(sum)")
	waitBelow(t, tm, "> fmt.Println(sum)", stamped("+0.000s", 1, "main", "3"), wait)
	s = tm.Snapshot()
	if row := echoRow(s, "> sum := 1 +"); row < 0 || s.Lines[row+1] != "..." || s.Lines[row+2] != "...     2" {
		t.Errorf("the paste into `sum := ` is not echoed as one input:\n%s", s)
	}

	// An unfinished paste waits at "... " for the rest.
	tm.Paste("func later() {\n\tfmt.Println(\"later\")\n\n")
	send(t, tm, "... ", "}")
	send(t, tm, "> ", "later()")
	waitBelow(t, tm, "> later()", stamped("+0.000s", 1, "main", "later"), wait)
}

// goroutinesInput starts three goroutines that sleep 1, 2 and 3 s and print.
const goroutinesInput = `for i := 1; i <= 3; i++ { go func() { time.Sleep(time.Duration(i) * time.Second); fmt.Println("woke", i) }() }; time.Sleep(4 * time.Second)`

// goroutinesEcho is how the screen starts the row of goroutinesInput (it wraps).
const goroutinesEcho = "> for i := 1; i <= 3; i++ {"

func TestTerminalGoroutinesPacingAndTimeline(t *testing.T) {
	t.Parallel()
	tm := startConcur(t, concurOptions{}) // default speed: 1
	send(t, tm, "> ", goroutinesInput)
	entered := time.Now()

	// At speed 1 the lines come at their recorded pace: when the +1 s line
	// is first seen, the +3 s one is not there yet.
	woke := []string{
		stamped("+1.000s", 2, "", "woke 1"),
		stamped("+2.000s", 3, "", "woke 2"),
		stamped("+3.000s", 4, "", "woke 3"),
	}
	s, _ := waitBelow(t, tm, goroutinesEcho, woke[0], wait)
	at1 := time.Since(entered)
	if below(s, goroutinesEcho, woke[2]) >= 0 {
		t.Fatalf("the +3.000s line was on screen as soon as the +1.000s one: no pacing\n%s", s)
	}
	waitBelow(t, tm, goroutinesEcho, woke[1], wait)
	at2 := time.Since(entered)
	waitBelow(t, tm, goroutinesEcho, woke[2], wait)
	at3 := time.Since(entered)
	t.Logf("after Enter the lines appeared at %v, %v, %v (recorded +1s, +2s, +3s; polled every 20ms)",
		at1.Round(time.Millisecond), at2.Round(time.Millisecond), at3.Round(time.Millisecond))

	// Then the timeline: a lane per goroutine, an axis from 0.
	tm.WaitText("╌ asleep", wait)
	s = waitPrompt(t, tm, "> ")
	in := echoRow(s, goroutinesEcho)
	for i, re := range woke {
		if row := below(s, goroutinesEcho, re); row != in+2+i { // the input takes two rows
			t.Errorf("%s: row %d, want %d\n%s", re, row, in+2+i, s)
		}
	}
	lanes := in + 5
	for g := 1; g <= 4; g++ {
		if findLine(s, lanes, fmt.Sprintf(`^g%d \S+ +[╌●┫]+$`, g)) != lanes+g-1 {
			t.Errorf("no timeline lane for g%d on row %d:\n%s", g, lanes+g-1, s)
		}
	}
	axis := findLine(s, lanes, `^[┴─]+$`)
	if axis < 0 || axis+1 >= len(s.Lines) || !regexp.MustCompile(`^ +0 .* 4s$`).MatchString(s.Lines[axis+1]) {
		t.Errorf("no time axis from 0 to 4s under the lanes:\n%s", s)
	}
}

// TestTerminalColorLayout runs the same input with and without colour: the
// screens must read the same, and the coloured one must really be coloured.
func TestTerminalColorLayout(t *testing.T) {
	t.Parallel()
	plain := startConcur(t, concurOptions{args: []string{"--speed=10"}})
	color := startConcur(t, concurOptions{color: true, args: []string{"--speed=10"}})
	var screens [2]*tmuxtest.Screen
	for i, tm := range []*tmuxtest.Term{plain, color} {
		send(t, tm, "> ", goroutinesInput)
		tm.WaitText("╌ asleep", wait)
		screens[i] = waitPrompt(t, tm, "> ")
	}
	if screens[0].String() != screens[1].String() {
		t.Errorf("colour changes the layout\nNO_COLOR=1:\n%s\ncolour:\n%s", screens[0], screens[1])
	}
	esc := strings.Split(color.Colored(), "\n")
	row := below(screens[1], goroutinesEcho, stamped("+1.000s", 2, "", "woke 1"))
	if row < 0 || row >= len(esc) || !strings.Contains(esc[row], "\x1b[") {
		t.Errorf("no colour in the stamped lines with NO_COLOR unset:\n%q", esc)
	}
	if c := plain.Colored(); strings.Contains(c, "\x1b[") {
		t.Errorf("colour with NO_COLOR=1:\n%q", c)
	}
}

func TestTerminalPanicThenKeepWorking(t *testing.T) {
	t.Parallel()
	tm := startConcur(t, concurOptions{})
	send(t, tm, "> ", `x := 42`)
	send(t, tm, "> ", `go func() { panic("boom") }(); time.Sleep(time.Second)`)
	waitBelow(t, tm, `> go func()`, `^\+0\.000s  g\d+ \S+ *│ panic: boom$`, wait)
	send(t, tm, "> ", `fmt.Println(x)`)
	s, _ := waitBelow(t, tm, `> fmt.Println(x)`, stamped("+0.000s", 1, "", "42"), wait)
	// The panic ended the program, not the session: nothing was replayed,
	// and the panic is shown once.
	if notice := below(s, `> fmt.Println(x)`, `^concur: new program`); notice >= 0 {
		t.Errorf("the session was restored after a goroutine's panic:\n%s", s)
	}
	if n := strings.Count(s.String(), "panic: boom"); n != 1 {
		t.Errorf("the panic shows %d times:\n%s", n, s)
	}
}

func TestTerminalInterruptRun(t *testing.T) {
	t.Parallel()
	tm := startConcur(t, concurOptions{})
	send(t, tm, "> ", `v := "kept"`)
	// The print shows that the run has begun (readline has given the
	// terminal back, so Ctrl-C is a signal now).
	send(t, tm, "> ", `fmt.Println("spinning"); for {}`)
	waitBelow(t, tm, `> fmt.Println("spinning")`, stamped("+0.000s", 1, "", "spinning"), wait)
	pressed := time.Now()
	tm.Press("C-c")
	// Under the 10 s --timeout, so that only Ctrl-C can have stopped it.
	s, _ := waitBelow(t, tm, `> fmt.Println("spinning")`, `│ .*interrupted`, 8*time.Second)
	t.Logf("Ctrl-C stopped `for {}` after %v", time.Since(pressed).Round(time.Millisecond))
	if strings.Contains(s.Text(), "timeout") {
		t.Errorf("stopped by the timeout, not by Ctrl-C:\n%s", s)
	}
	send(t, tm, "> ", `fmt.Println(v)`)
	s, out := waitBelow(t, tm, `> fmt.Println(v)`, stamped("+0.000s", 1, "", "kept"), wait)
	if notice := below(s, `> fmt.Println(v)`, `^concur: new program`); notice < 0 || notice > out {
		t.Errorf("want a restore notice between the input and its output:\n%s", s)
	}
}

func TestTerminalKeys(t *testing.T) {
	t.Parallel()
	tm := startConcur(t, concurOptions{})

	// Ctrl-C at the prompt drops the line.
	tm.Type("abc def")
	tm.WaitLine("> abc def", 9, wait)
	tm.Press("C-c")
	send(t, tm, "> ", `fmt.Println("clean")`)
	s, _ := waitBelow(t, tm, `> fmt.Println("clean")`, stamped("+0.000s", 1, "", "clean"), wait)
	if strings.Contains(s.Text(), "undefined") {
		t.Errorf("the interrupted line was run:\n%s", s)
	}
	// ... and abandons an unfinished input.
	send(t, tm, "> ", `func unfinished() {`)
	waitPrompt(t, tm, "... ")
	tm.Press("C-c")
	waitBelow(t, tm, `> func unfinished() {`, `^\(input abandoned\)$`, wait)

	// Enter while a run plays at speed 1 shows the rest at once: the last
	// line is due 9 s after the first, and comes long before.
	const ticks = `for i := range 10 { time.Sleep(time.Second); fmt.Println("tick", i) }`
	send(t, tm, "> ", ticks)
	waitBelow(t, tm, "> "+ticks, stamped("+1.000s", 1, "", "tick 0"), wait)
	pressed := time.Now()
	tm.Press("Enter")
	waitBelow(t, tm, "> "+ticks, stamped("+10.000s", 1, "", "tick 9"), 5*time.Second)
	t.Logf("after Enter, the line stamped +10.000s appeared in %v", time.Since(pressed).Round(time.Millisecond))
	s = waitPrompt(t, tm, "> ")
	if !strings.Contains(s.Lines[s.Y-1], "asleep") {
		t.Errorf("the Enter that skipped playback also reached the prompt (want the timeline legend above it):\n%s", s)
	}

	// Ctrl-D on a line with text does not leave; on an empty line it does.
	tm.Type("ab")
	tm.WaitLine("> ab", 4, wait)
	tm.Press("Left")
	tm.WaitLine("> ab", 3, wait)
	tm.Press("C-d")
	tm.WaitLine("> a", 3, wait)
	tm.Press("C-a")
	tm.Press("C-k")
	waitPrompt(t, tm, "> ")
	tm.Press("C-d")
	if s := tm.WaitExit(wait); s.Status != 0 {
		t.Errorf("Ctrl-D: exit status %d, want 0", s.Status)
	}
}

func TestTerminalHistoryAfterRestart(t *testing.T) {
	t.Parallel()
	state := t.TempDir()
	tm := startConcur(t, concurOptions{state: state})
	send(t, tm, "> ", `word := "needle"`)
	send(t, tm, "> ", `func add(a, b int) int {`)
	send(t, tm, "... ", `  return a + b // sum`)
	send(t, tm, "... ", `}`)
	waitPrompt(t, tm, "> ")
	tm.Press("C-d")
	tm.WaitExit(wait)

	path := filepath.Join(state, "concur", "history")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("history file: %v", err)
	}
	entries := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(entries) != 2 || entries[0] != `word := "needle"` || !strings.HasPrefix(entries[1], "func add(a, b int) int {") || !strings.Contains(entries[1], "return a + b") {
		t.Fatalf("%s: want 2 entries, the multi-line input folded onto one line; got\n%s", path, data)
	}

	// A new concur with the same state: Up brings back the whole function.
	tm = startConcur(t, concurOptions{state: state})
	tm.Press("Up")
	tm.WaitLine("> "+entries[1], 2+len(entries[1]), wait)
	tm.Press("Enter")
	send(t, tm, "> ", `fmt.Println(add(2, 3))`)
	waitBelow(t, tm, `> fmt.Println(add(2, 3))`, stamped("+0.000s", 1, "", "5"), wait)

	// Ctrl-R finds the older entry; Ctrl-E takes it into the line.
	waitPrompt(t, tm, "> ")
	tm.Press("C-r")
	tm.Type("needle")
	tm.WaitText(`word := "needle"`, wait)
	tm.Press("C-e")
	tm.WaitLine(`> word := "needle"`, 18, wait)
	tm.Press("Enter")
	send(t, tm, "> ", `fmt.Println(word)`)
	waitBelow(t, tm, `> fmt.Println(word)`, stamped("+0.000s", 1, "", "needle"), wait)
}

func TestTerminalCompletion(t *testing.T) {
	t.Parallel()
	tm := startConcur(t, concurOptions{width: 80, height: 40}) // :help fits

	send(t, tm, "> ", `myCounter := 1`)
	waitPrompt(t, tm, "> ")
	tm.Type("myC")
	tm.WaitLine("> myC", 5, wait)
	tm.Press("Tab")
	tm.WaitLine("> myCounter", 11, wait)
	tm.Press("Enter")
	waitBelow(t, tm, "> myCounter", `^: 1$`, wait)

	waitPrompt(t, tm, "> ")
	tm.Type(":he")
	tm.WaitLine("> :he", 5, wait)
	tm.Press("Tab")
	tm.WaitLine("> :help", 8, wait) // ":help " with its space
	tm.Press("Enter")
	waitBelow(t, tm, "> :help", `^:help +list these commands$`, wait)

	waitPrompt(t, tm, "> ")
	tm.Type("fmt.Pri")
	tm.WaitLine("> fmt.Pri", 9, wait)
	tm.Press("Tab")
	tm.WaitLine("> fmt.Print", 11, wait)
	tm.Press("Tab")
	tm.WaitFor("Printf and Println listed under the line", wait, func(s *tmuxtest.Screen) bool {
		return s.Y+1 < len(s.Lines) && strings.Contains(s.Lines[s.Y+1], "fmt.Printf") && strings.Contains(s.Lines[s.Y+1], "fmt.Println")
	})
	tm.Type(`ln("ok")`)
	tm.WaitLine(`> fmt.Println("ok")`, 19, wait)
	tm.Press("Enter")
	waitBelow(t, tm, `> fmt.Println("ok")`, stamped("+0.000s", 1, "", "ok"), wait)
}

// Wide characters: 漢 and 字 take two columns each, and readline must know.
func TestTerminalWideCharacters(t *testing.T) {
	t.Parallel()
	tm := startConcur(t, concurOptions{})
	tm.Type(`s := "漢字ab"`)
	// "> " 0-1, `s := "` 2-7, 漢 8-9, 字 10-11, a 12, b 13, `"` 14.
	tm.WaitLine(`> s := "漢字ab"`, 15, wait)
	for _, col := range []int{14, 13, 12, 10} {
		tm.Press("Left")
		tm.WaitLine(`> s := "漢字ab"`, col, wait)
	}
	tm.Type("Z")
	tm.WaitLine(`> s := "漢Z字ab"`, 11, wait)
	tm.Press("Enter")
	const echo = `> fmt.Println(s, len(s)) // 中文注释`
	send(t, tm, "> ", echo[2:])
	s, row := waitBelow(t, tm, echo, stamped("+0.000s", 1, "main", "漢Z字ab 9"), wait)
	if s.Lines[row-1] != echo {
		t.Errorf("the input with a Chinese comment is not shown as typed:\n%s", s)
	}
	waitPrompt(t, tm, "> ")
}

// TestTerminalLongSleep: time.Sleep(time.Hour) at the default speed does not
// hold the screen for an hour: the quiet gap is cut to the idle limit (2 s)
// and shown as cut, and the first long wait says that Enter skips it. The
// same holds for concur run, in the learner's language.
func TestTerminalLongSleep(t *testing.T) {
	t.Parallel()
	tm := startConcur(t, concurOptions{})
	const in = `time.Sleep(time.Hour); fmt.Println("awake")`
	send(t, tm, "> ", in)
	waitBelow(t, tm, "> "+in, `^\(Enter skips the wait\)$`, wait)
	s, row := waitBelow(t, tm, "> "+in, stamped("+3600.000s", 1, "main", "awake"), wait)
	if s.Lines[row-1] != "⋯ 59m58s later" {
		t.Errorf("want the cut gap shown right above the line after it:\n%s", s)
	}
	waitPrompt(t, tm, "> ")

	dir := t.TempDir()
	prog := filepath.Join(dir, "hour.go")
	os.WriteFile(prog, []byte("package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\ttime.Sleep(50 * time.Minute)\n\tfmt.Println(\"醒了\")\n}\n"), 0o644)
	run := tmuxtest.Start(t, tmuxtest.Config{
		Argv:  []string{concurBinary(t), "run", "--idle-limit=1s", prog},
		Env:   []string{"NO_COLOR=1", "LANG=zh_CN.UTF-8"},
		Unset: []string{"LC_ALL", "LC_MESSAGES"},
	})
	run.WaitExit(wait)
	if all := run.Scrollback(); !strings.Contains(all, "⋯ 49m59s 之后\n+3000.000s  g1 main │ 醒了") {
		t.Errorf("concur run: want the cut gap in Chinese above the line:\n%s", all)
	}
}

// TestTerminalEscapesShownNotObeyed: output that holds escape sequences and
// control characters is shown escaped: the screen is not cleared, the title
// not set, the bell not rung; a byte that is not UTF-8 shows as \xff.
func TestTerminalEscapesShownNotObeyed(t *testing.T) {
	t.Parallel()
	tm := startConcur(t, concurOptions{})
	title := tm.Title()
	send(t, tm, "> ", `fmt.Println("before")`)
	const in = `fmt.Println("\x1b[2J\x1b[Hgone\x1b]2;pwned\a\x00", "a\xffb", "中\t文")`
	send(t, tm, "> ", in)
	s, _ := waitBelow(t, tm, "> "+in[:20], regexp.QuoteMeta(`│ \x1b[2J\x1b[Hgone\x1b]2;pwned\a\x00 a\xffb 中`)+"\t*"+`\s*文$`, wait)
	if below(s, `> fmt.Println("before")`, stamped("+0.000s", 1, "main", "before")) < 0 {
		t.Errorf("the screen was cleared:\n%s", s)
	}
	if got := tm.Title(); got != title {
		t.Errorf("the output set the title to %q", got)
	}
	waitPrompt(t, tm, "> ")
}
