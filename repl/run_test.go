package repl_test

// In-process tests of repl.Run over a fake line source: what the loop makes
// of the lines it reads, without a terminal.

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/repl"
	"github.com/concur-dev/concur/session"
	// TestRecordAsEventsArrive's program reads the file system.
	_ "github.com/concur-dev/concur/stdlib/unrestricted"
)

// fakeSource hands the REPL one line at a time, as a person at a terminal
// would type them (Interactive is true). A line equal to ctrlC is Ctrl-C.
type fakeSource struct {
	mu      sync.Mutex
	lines   []string
	history []string
	prompts []string
	skip    chan struct{}
}

const ctrlC = "\x00ctrl-c"

func (f *fakeSource) ReadLine(prompt string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.prompts = append(f.prompts, prompt)
	if len(f.lines) == 0 {
		return "", io.EOF
	}
	line := f.lines[0]
	f.lines = f.lines[1:]
	if line == ctrlC {
		return "", repl.ErrInterrupt
	}
	return line, nil
}

func (f *fakeSource) AddHistory(in string)  { f.history = append(f.history, in) }
func (f *fakeSource) History() []string     { return f.history }
func (f *fakeSource) Interactive() bool     { return true }
func (f *fakeSource) Skip() <-chan struct{} { return f.skip }
func (f *fakeSource) Close() error          { return nil }

// runREPL runs the REPL over lines and returns what it wrote to its
// standard output and error.
func runREPL(t *testing.T, cfg repl.Config, lines ...string) (src *fakeSource, out, errOut string) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts workers")
	}
	var o, e bytes.Buffer
	cfg.Out, cfg.Err = &o, &e
	if cfg.Engine.Clock == "" {
		cfg.Engine = engine.Options{Clock: "virtual", MaxVirtual: time.Hour, Timeout: 20 * time.Second}
	}
	src = &fakeSource{lines: lines}
	repl.Run(cfg, src)
	return src, o.String(), e.String()
}

// A blank line inside an open brace is part of the input: typed as gofmt
// lays a function out, it runs whole. The first such line says once how to
// abandon an input instead; Ctrl-C does.
func TestBlankLineInsideBrace(t *testing.T) {
	src, out, errOut := runREPL(t, repl.Config{Lang: "en"},
		"func f() {",
		`	fmt.Println("a")`,
		"",
		`	fmt.Println("b")`,
		"",
		"}",
		"f()",
		"func g() {",
		"",
		ctrlC,
		`fmt.Println("after")`,
	)
	for _, want := range []string{"│ a\n", "│ b\n", "│ after\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output has no %q:\n%s\nerrors:\n%s", want, out, errOut)
		}
	}
	if n := strings.Count(errOut, "(blank lines belong to the input: finish it, or press Ctrl-C to abandon it)"); n != 1 {
		t.Errorf("the hint about blank lines is there %d times, want once:\n%s", n, errOut)
	}
	if !strings.Contains(errOut, "(input abandoned)") {
		t.Errorf("Ctrl-C in an unfinished input did not abandon it:\n%s", errOut)
	}
	if strings.Contains(errOut, "undefined") || strings.Contains(errOut, "expected") {
		t.Errorf("errors:\n%s", errOut)
	}
	want := []string{"func f() {\n\tfmt.Println(\"a\")\n\n\tfmt.Println(\"b\")\n\n}", "f()", `fmt.Println("after")`}
	if strings.Join(src.history, "\x00") != strings.Join(want, "\x00") {
		t.Errorf("history %q, want %q", src.history, want)
	}
	wantPrompts := "> |... |... |... |... |... |> |> |... |... |> |> "
	if got := strings.Join(src.prompts, "|"); got != wantPrompts {
		t.Errorf("prompts %q, want %q", got, wantPrompts)
	}
}

// A line source may hand over a paste as one line with line breaks in it:
// that is one input with the lines before it, blank lines and all.
func TestPasteIsOneInput(t *testing.T) {
	src, out, errOut := runREPL(t, repl.Config{Lang: "zh"},
		"func h(",
		"n int) {\n\tfmt.Println(\"n\", n)\n\n\tfmt.Println(\"twice\", 2*n)\n}",
		"h(4)",
	)
	if !strings.Contains(out, "│ n 4\n") || !strings.Contains(out, "│ twice 8\n") {
		t.Errorf("output:\n%s\nerrors:\n%s", out, errOut)
	}
	if strings.Contains(errOut, "空行") {
		t.Errorf("a pasted blank line is not typed: no hint wanted:\n%s", errOut)
	}
	if len(src.history) != 2 {
		t.Errorf("history %q: want the paste and h(4)", src.history)
	}
}

// syncBuffer is a buffer that the player's goroutine writes while a test
// reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor reads buf until it contains text; only a failure reaches the deadline.
func waitFor(t *testing.T, buf *syncBuffer, text string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(buf.String(), text) {
		if time.Now().After(deadline) {
			t.Errorf("waited 30s for %q; output:\n%s", text, buf.String())
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestLongWait: at speed 1 with the default idle limit, the first long wait
// says that Enter skips it (Enter then shows the rest at once), and says so
// once; a quiet gap longer than the limit is cut and shown as such.
func TestLongWait(t *testing.T) {
	if testing.Short() {
		t.Skip("starts workers")
	}
	var out syncBuffer
	src := &fakeSource{skip: make(chan struct{}, 1), lines: []string{
		`time.Sleep(time.Hour); fmt.Println("an hour later")`,
		":speed idle 50ms",
		`time.Sleep(30*time.Minute); fmt.Println("half an hour later")`,
		`time.Sleep(2*time.Second); fmt.Println("two seconds later")`,
	}}
	go func() {
		waitFor(t, &out, "(Enter skips the wait)")
		src.skip <- struct{}{}
	}()
	repl.Run(repl.Config{
		Lang: "en", Speed: 1, IdleLimit: repl.DefaultIdleLimit, Out: &out, Err: &out,
		Engine: engine.Options{Clock: "virtual", MaxVirtual: 2 * time.Hour, Timeout: 20 * time.Second},
	}, src)
	got := out.String()
	hint := strings.Index(got, "(Enter skips the wait)")
	hour := strings.Index(got, "+3600.000s  g1 main │ an hour later")
	if hint < 0 || hour < hint {
		t.Fatalf("want the hint, then the line an hour later:\n%s", got)
	}
	if n := strings.Count(got, "Enter skips"); n != 1 {
		t.Errorf("the hint is there %d times, want once:\n%s", n, got)
	}
	if strings.Contains(got[:hour], "⋯") {
		t.Errorf("a skipped wait is not shown as cut:\n%s", got)
	}
	for _, want := range []string{
		"speed: 1; quiet gaps longer than 50ms are cut short",
		"⋯ 29m59.95s later\n+1800.000s  g1 main │ half an hour later",
		"⋯ 1.95s later\n +2.000s  g1 main │ two seconds later",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in the output:\n%s", want, got)
		}
	}
}

// TestRecordAsEventsArrive: a recording gets each event when it arrives,
// not after the run. The run prints "first", then waits until the test has
// seen "first" in the session file, then prints "second": recorded after
// the run, "first" would never be there in time, and the run would be
// stopped by its timeout.
func TestRecordAsEventsArrive(t *testing.T) {
	dir := t.TempDir()
	rec := filepath.Join(dir, "s.jsonl")
	gate := filepath.Join(dir, "gate")
	in := fmt.Sprintf(`fmt.Println("first"); for { if _, err := os.Stat(%q); err == nil { break }; time.Sleep(time.Millisecond) }; fmt.Println("second")`, gate)
	seen := make(chan bool, 1)
	done := make(chan struct{})
	defer close(done)
	go func() {
		deadline := time.Now().Add(60 * time.Second)
		for time.Now().Before(deadline) {
			select {
			case <-done:
				seen <- false
				return
			default:
			}
			if data, _ := os.ReadFile(rec); bytes.Contains(data, []byte(`"text":"first"`)) {
				seen <- !bytes.Contains(data, []byte(`"text":"second"`))
				os.WriteFile(gate, nil, 0o644)
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
		seen <- false
		os.WriteFile(gate, nil, 0o644)
	}()
	_, out, errOut := runREPL(t, repl.Config{
		Lang: "en", Record: rec,
		Engine: engine.Options{Clock: "real", Unrestricted: true, Timeout: 30 * time.Second},
	}, in)
	if !<-seen {
		t.Errorf("the session file did not have the line printed first while the run was waiting")
	}
	if t.Failed() {
		return
	}
	if !strings.Contains(out, "│ second") {
		t.Errorf("the run did not finish:\n%s\n%s", out, errOut)
	}
	s, err := session.Open(rec)
	if err != nil {
		t.Fatal(err)
	}
	var first, second time.Duration
	for _, e := range s.Inputs[0].Events {
		switch e.Text {
		case "first":
			first = e.At
		case "second":
			second = e.At
		}
	}
	if first == 0 || second <= first {
		t.Errorf("recorded arrival times: first %v, second %v", first, second)
	}
}
