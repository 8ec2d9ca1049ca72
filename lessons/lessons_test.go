package lessons_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/lessons"
	"github.com/concur-dev/concur/repl"
)

var update = flag.Bool("update", false, "rewrite the output blocks of en/*.md from runs of their examples")

// raceEnabled is set under the race detector (race_test.go).
var raceEnabled bool

func TestMain(m *testing.M) {
	// Sessions start workers by running this test binary again.
	if engine.IsWorker() {
		os.Exit(engine.ServeWorker())
	}
	os.Exit(m.Run())
}

func load(t *testing.T) []lessons.Lesson {
	t.Helper()
	ls, err := lessons.Load()
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// run runs src the way `concur run FILE` does, in a session of its own, and
// returns its events and what `concur run` prints for them (without colour).
func run(t *testing.T, file, src string) ([]event.Event, string) {
	t.Helper()
	s, err := engine.NewSession(engine.Options{Timeout: time.Minute, MaxVirtual: time.Hour, Leaks: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var (
		events []event.Event
		out    bytes.Buffer
	)
	p := repl.NewPrinter(&out, &out, false)
	_, err = s.Run(context.Background(), file, src, true, func(e event.Event) {
		events = append(events, e)
		p.Event(e)
	})
	p.Flush()
	if err != nil {
		t.Fatalf("run %s: %v", file, err)
	}
	return events, out.String()
}

// explorer runs src as run does under other schedules, for lessons.Judge.
func explorer(file, src string) lessons.Explorer {
	return func(seeds []uint64, jitter float64, each func(uint64, []event.Event)) error {
		s, err := engine.NewSession(engine.Options{Timeout: time.Minute, MaxVirtual: time.Hour, Leaks: true})
		if err != nil {
			return err
		}
		defer s.Close()
		return s.Explore(context.Background(), file, src, true, seeds, jitter, func(sc engine.Schedule) {
			each(sc.Seed, sc.Events)
		})
	}
}

// exploreText is what :explore n prints for an example, in English without
// colour, as the REPL shows it in lesson mode.
func exploreText(t *testing.T, file, src string, n int) string {
	t.Helper()
	s, err := engine.NewSession(engine.Options{Timeout: time.Minute, MaxVirtual: time.Hour, Leaks: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var o repl.Outcomes
	if err := s.Explore(context.Background(), file, src, true, repl.Seeds(0, n), 0, o.Add); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	o.Write(&b, "en", false)
	return b.String()
}

// printed is what `concur run` prints for events, without colour.
func printed(events []event.Event) string {
	var out bytes.Buffer
	p := repl.NewPrinter(&out, &out, false)
	for _, e := range events {
		p.Event(e)
	}
	p.Flush()
	return out.String()
}

func TestLoad(t *testing.T) {
	ls := load(t)
	if len(ls) < 4 {
		t.Fatalf("%d lessons, want at least the four seed lessons", len(ls))
	}
	for i, l := range ls {
		if l.Order != i+1 {
			t.Errorf("%s: order %d, want %d: lessons are numbered from 1 without gaps", l.Source[lessons.English], l.Order, i+1)
		}
		for _, lang := range lessons.Langs {
			if l.Title[lang] == "" || l.Source[lang] == "" {
				t.Errorf("lesson %s has no %s title or file", l.ID, lang)
			}
			for j, s := range l.Steps {
				if s.Title[lang] == "" || s.Text[lang] == "" {
					t.Errorf("%s: step %d has no %s title or text", l.Source[lang], j+1, lang)
				}
				if x := s.Exercise; x != nil && len(x.Hints[lang]) == 0 {
					t.Errorf("%s: exercise %q has no hints", l.Source[lang], x.Name)
				}
			}
		}
	}
	if got := ls[0].Steps[0].Examples[0].File(); got != "tasks.go" {
		t.Errorf("first example runs as %q, want tasks.go", got)
	}
}

// TestExamples runs every example and compares what concur prints with the
// output block the lesson shows. -update rewrites the blocks from the runs.
func TestExamples(t *testing.T) {
	ls := load(t)
	var mu sync.Mutex
	outputs := map[string]map[string]string{}  // English file → example → output
	explored := map[string]map[string]string{} // English file → example → what :explore N prints
	t.Run("run", func(t *testing.T) {
		for _, l := range ls {
			file := l.Source[lessons.English]
			for _, s := range l.Steps {
				for _, ex := range s.Examples {
					t.Run(l.ID+"/"+ex.Name, func(t *testing.T) {
						t.Parallel()
						_, out := run(t, ex.File(), ex.Code)
						mu.Lock()
						if outputs[file] == nil {
							outputs[file] = map[string]string{}
						}
						outputs[file][ex.Name] = out
						mu.Unlock()
						if ex.Explore > 0 {
							got := exploreText(t, ex.File(), ex.Code, ex.Explore)
							mu.Lock()
							if explored[file] == nil {
								explored[file] = map[string]string{}
							}
							explored[file][ex.Name] = got
							mu.Unlock()
							if got != ex.Explored && !*update {
								t.Errorf("%s: :explore %d of example %q prints\n%s\nbut the lesson shows\n%s\n(go test ./lessons -update rewrites it)", file, ex.Explore, ex.Name, got, ex.Explored)
							}
						}
						switch {
						case lessons.SameOutput(out, ex.Output) || *update:
						case raceEnabled:
							t.Logf("%s: example %q prints, under the race detector,\n%s", file, ex.Name, out)
						default:
							t.Errorf("%s: example %q prints\n%s\nbut the lesson shows\n%s\n(go test ./lessons -update rewrites it)", file, ex.Name, out, ex.Output)
						}
					})
				}
			}
		}
	})
	if !*update || t.Failed() {
		return
	}
	if raceEnabled {
		t.Fatal("-update: not under the race detector, whose runs are not the ones concur shows")
	}
	for file := range explored {
		if outputs[file] == nil {
			outputs[file] = map[string]string{}
		}
	}
	for file, outs := range outputs {
		path := strings.TrimPrefix(file, "lessons/")
		old, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if updated := lessons.SetOutputs(old, outs, explored[file]); !bytes.Equal(updated, old) {
			if err := os.WriteFile(path, updated, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("updated %s", path)
		}
	}
}

// TestExercises runs every exercise's starter, which must compile, run and
// fail its checks, and its solution, which must pass them.
func TestExercises(t *testing.T) {
	for _, l := range load(t) {
		file := l.Source[lessons.English]
		for _, s := range l.Steps {
			x := s.Exercise
			if x == nil {
				continue
			}
			t.Run(l.ID+"/"+x.Name+"/starter", func(t *testing.T) {
				t.Parallel()
				events, out := run(t, x.File(), x.Starter)
				failures := lessons.Check(x.Checks, events)
				if len(failures) == 0 {
					t.Errorf("%s: the starter of %q passes its checks; it prints\n%s", file, x.Name, out)
				}
				for _, f := range failures {
					if f.Expectation.Line == 0 {
						t.Errorf("%s: the starter of %q must run and fail a check; instead: %s", file, x.Name, f)
					}
					t.Logf("starter fails as it should: %s", f)
				}
			})
			t.Run(l.ID+"/"+x.Name+"/solution", func(t *testing.T) {
				t.Parallel()
				events, out := run(t, x.File(), x.Solution)
				for _, f := range lessons.Check(x.Checks, events) {
					t.Errorf("%s:%d: the solution of %q fails: %s; it prints\n%s", file, f.Expectation.Line, x.Name, f, out)
				}
			})
		}
	}
}

// TestExamplesDeterministic runs every example ten more times, as the
// default schedule (seed 0), and wants the same event stream, byte for
// byte, as its run in a session of its own: on the virtual clock the
// schedule is concur's, not the machine's, so a busy machine changes
// nothing (the stream's lines, stamps, order of ties, select choices).
func TestExamplesDeterministic(t *testing.T) {
	n := 10
	if v := os.Getenv("CONCUR_DETERMINISM_RUNS"); v != "" {
		// More runs, for a report (50 on a loaded machine, say).
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			t.Fatalf("CONCUR_DETERMINISM_RUNS=%q: want a number of runs", v)
		}
	}
	for _, l := range load(t) {
		for _, s := range l.Steps {
			for _, ex := range s.Examples {
				t.Run(l.ID+"/"+ex.Name, func(t *testing.T) {
					t.Parallel()
					events, _ := run(t, ex.File(), ex.Code)
					want := jsonLines(events)
					sess, err := engine.NewSession(engine.Options{Timeout: time.Minute, MaxVirtual: time.Hour, Leaks: true})
					if err != nil {
						t.Fatal(err)
					}
					defer sess.Close()
					runs := 0
					err = sess.Explore(context.Background(), ex.File(), ex.Code, true, make([]uint64, n), 0, func(sc engine.Schedule) {
						runs++
						if got := jsonLines(sc.Events); got != want {
							t.Errorf("%s: a run of example %q gave another event stream:\n%s\nthe first gave:\n%s", l.Source[lessons.English], ex.Name, got, want)
						}
					})
					if err != nil {
						t.Fatal(err)
					}
					if runs != n {
						t.Errorf("%d runs, want %d", runs, n)
					}
				})
			}
		}
	}
}

// jsonLines is a run's event stream as `concur run --json` writes it, from
// its first event after start.
func jsonLines(events []event.Event) string {
	var b []byte
	for _, e := range events {
		if e.Kind == event.Start {
			continue
		}
		b = append(e.AppendJSON(b), '\n')
	}
	return string(b)
}
