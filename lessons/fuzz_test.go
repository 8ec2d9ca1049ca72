package lessons_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concur-dev/concur/lessons"
)

// FuzzParse: Parse never panics, and what it rejects it rejects with a
// *lessons.Error naming the file and a line inside it.
func FuzzParse(f *testing.F) {
	f.Add(demoEN, "en/01-demo.md")
	f.Add(demoZH, "zh/01-demo.md")
	files, _ := filepath.Glob("*/*.md")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data), name)
	}
	f.Fuzz(func(t *testing.T, src, name string) {
		l, err := lessons.Parse(name, []byte(src))
		if err == nil {
			if len(l.Steps) == 0 || l.ID == "" {
				t.Fatalf("accepted a lesson without steps or id: %+v", l)
			}
			return
		}
		var le *lessons.Error
		if !errors.As(err, &le) {
			t.Fatalf("error %T %v, want a *lessons.Error", err, err)
		}
		if lines := strings.Count(src, "\n") + 1; le.File != name || le.Line < 0 || le.Line > lines {
			t.Fatalf("error %q names %s:%d; the file is %s, %d lines", err, le.File, le.Line, name, lines)
		}
	})
}

// FuzzParseChecks: the check grammar never panics, and what it accepts it
// can evaluate.
func FuzzParseChecks(f *testing.F) {
	for _, s := range []string{
		`lines in order: "task A start", "task A stop", "task B start"`,
		`line "task B start" at 10s`, `line "x*y" at <= 1.5s`, `no line "a\*b"`,
		`total 15s`, `total < 5s`, `goroutines >= 3`, `exit 0`, `deadlock`, `no deadlock`,
		`no leaked goroutines`, `"A *" and "B *" overlap`, `"A" and "B" do not overlap`,
		`linez in order: "x"`, `line "unclosed`, "# comment\n\ntotal 1m",
		`main blocked on sync.WaitGroup.Wait from 0s to 2s`, `worker blocked on chan send for >= 1s`, `g3 asleep`,
		`"runner 1: hands over" happens before "runner 2: running"`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checks, err := lessons.ParseChecks(src)
		if err != nil {
			var le *lessons.Error
			if !errors.As(err, &le) || le.Line < 1 {
				t.Fatalf("error %v: want a *lessons.Error with a line", err)
			}
			return
		}
		lessons.Check(checks, seedRun)
		lessons.Check(checks, deadlocked)
		lessons.Check(checks, leaky)
	})
}
