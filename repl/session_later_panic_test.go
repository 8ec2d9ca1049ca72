package repl_test

// Goroutines of earlier inputs that panic later (issue 8).

import (
	"strings"
	"testing"
	"time"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/repl"
)

// gatedSource is a fakeSource that hands over its second line only once
// the REPL's output holds want (or a deadline passed): what the learner
// sees while sitting at the prompt.
type gatedSource struct {
	fakeSource
	out  *syncBuffer
	want string
	read int
}

func (g *gatedSource) ReadLine(prompt string) (string, error) {
	if g.read++; g.read == 2 {
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(g.out.String(), g.want) && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
	}
	return g.fakeSource.ReadLine(prompt)
}

// On the real clock a goroutine that panics while the learner sits at the
// prompt ends the program as in Go: the panic is shown when it happens,
// once, and the next input runs.
func TestPanicBetweenInputs(t *testing.T) {
	var out syncBuffer
	src := &gatedSource{out: &out, want: "panic: between"}
	src.lines = []string{
		`go func() { time.Sleep(100 * time.Millisecond); panic("between") }()`,
		`fmt.Println("next")`,
	}
	repl.Run(repl.Config{Lang: "en", Out: &out, Err: &out,
		Engine: engine.Options{Clock: "real", Timeout: 20 * time.Second}}, src)
	got := out.String()
	if n := strings.Count(got, "panic: between"); n != 1 {
		t.Errorf("the panic is shown %d times, want once:\n%s", n, got)
	}
	if !strings.Contains(got, "│ next") {
		t.Errorf("the next input did not run:\n%s", got)
	}
}

// A panic's position names the input its code came from, not the one
// running when the goroutine panicked: the panic below is at #1:1:42.
func TestPanicPositionNamesItsInput(t *testing.T) {
	_, _, errOut := runREPL(t, repl.Config{Lang: "en"},
		`go func() { time.Sleep(2 * time.Second); panic("late") }()`,
		`time.Sleep(3 * time.Second)`,
	)
	if !strings.Contains(errOut, "panic: late") || !strings.Contains(errOut, "\t#1:1:42\n") {
		t.Errorf("want the panic at #1:1:42:\n%s", errOut)
	}
}
