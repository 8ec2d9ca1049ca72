package repl

import (
	"bytes"
	"strings"
	"testing"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/internal/langcheck"
)

// The reports of runs concur ended are in the learner's language, but for
// Go's own words in them: every text the engine writes for a stop, a
// budget or its memory limit.
func TestStopReportsInChinese(t *testing.T) {
	texts := []struct {
		kind event.Kind
		text string
	}{
		{event.Timeout, "stopped: interrupted"},
		{event.Timeout, "stopped: the run took more than 10s of real time (--timeout)"},
		{event.Timeout, "stopped: the run reached 1h0m0s of virtual time (--max-virtual=1h0m0s)"},
		{event.Timeout, "stopped: the run took more than 3s of real time (--timeout)\nthe virtual clock stood still: a goroutine was waiting on something the clock cannot see\n(not a channel, timer or lock of the program's own), so time could not move on"},
		{event.Fatal, "stopped: a goroutine was still running and did not stop"},
		{event.Fatal, "fatal error: runtime: out of memory (the program used more than 2.0 GiB, concur's limit; --max-memory raises it)"},
	}
	c := langcheck.New()
	c.AllowLines("fatal error: runtime: out of memory") // Go's own words
	c.AllowWords("goroutine", "timeout", "max", "virtual", "GiB", "concur", "Ctrl", "C", "h0m0s", "s")
	for _, x := range texts {
		var out bytes.Buffer
		p := NewPrinter(&out, &out, false)
		p.Lang = "zh"
		p.Event(event.Event{Kind: x.kind, Text: x.text})
		p.Flush()
		got := out.String()
		if strings.Contains(got, "stopped") {
			t.Errorf("%q shown in Chinese as\n%s", x.text, got)
		}
		for _, f := range c.Check(got) {
			t.Errorf("%q: English in Chinese mode: %s\n%s", x.text, f, got)
		}
	}
}
