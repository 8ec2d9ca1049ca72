package session

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/event"
)

func TestMain(m *testing.M) {
	// The engine starts workers by running this test binary again.
	if engine.IsWorker() {
		os.Exit(engine.ServeWorker())
	}
	os.Exit(m.Run())
}

// recordedInputs is a short lesson-like session, each input one the REPL
// reads as a whole: goroutines that sleep, a
// goroutine that panics, a value, a deadlock.
var recordedInputs = []string{
	"func worker(id int, c chan<- string) {\n\ttime.Sleep(time.Duration(id) * 100 * time.Millisecond)\n\tc <- fmt.Sprint(\"worker \", id, \" done\")\n}",
	"func fanIn() {\n\tc := make(chan string)\n\tfor i := range 3 {\n\t\tgo worker(i+1, c)\n\t}\n\tfor range 3 {\n\t\tfmt.Println(<-c)\n\t}\n}",
	"fanIn()",
	"func boom() {\n\tgo func() {\n\t\tpanic(\"boom\")\n\t}()\n\ttime.Sleep(time.Second)\n}",
	"boom()",
	"1 + 2",
	"ch := make(chan int)",
	"ch <- 1",
}

// TestRecord records a real session with a Writer, as the REPL does, and
// reads it back. With RECORD_FIXTURE=1 it keeps the file as
// testdata/recorded.jsonl (the fixture the cmd/concur scripts use) and
// leaves a second between inputs, as a person would.
func TestRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("starts workers")
	}
	keep := os.Getenv("RECORD_FIXTURE") != ""
	path := filepath.Join(t.TempDir(), "recorded.jsonl")
	if keep {
		os.MkdirAll("testdata", 0o755)
		path = filepath.Join("testdata", "recorded.jsonl")
	}
	sess, err := engine.NewSession(engine.Options{Clock: "virtual", MaxVirtual: time.Hour, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	create := Create
	if keep {
		create = Overwrite // the fixture is there already
	}
	w, err := create(path, Header{Concur: "devel", Clock: "virtual", Lang: "en", Cols: 80, Rows: 24})
	if err != nil {
		t.Fatal(err)
	}
	var all [][]event.Event
	for i, src := range recordedInputs {
		if keep {
			time.Sleep(time.Second)
		}
		w.Input(src, "")
		var events []event.Event
		_, err := sess.Run(context.Background(), fmt.Sprintf("input%d", i+1), src, false, func(e event.Event) {
			events = append(events, e)
			w.Event(e)
		})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, events)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Inputs) != len(recordedInputs) {
		t.Fatalf("%d inputs, want %d", len(s.Inputs), len(recordedInputs))
	}
	kinds := map[event.Kind]bool{}
	for i, in := range s.Inputs {
		if in.Src != recordedInputs[i] {
			t.Errorf("input %d: %q", i+1, in.Src)
		}
		if !reflect.DeepEqual(in.EngineEvents(), all[i]) {
			t.Errorf("input %d: events differ:\n got %+v\nwant %+v", i+1, in.EngineEvents(), all[i])
		}
		for _, e := range in.Events {
			kinds[e.Kind] = true
		}
	}
	for _, k := range []event.Kind{event.Go, event.Sleep, event.Output, event.Panic, event.Value, event.Deadlock, event.Block, event.Wake} {
		if !kinds[k] {
			t.Errorf("no %s event recorded", k)
		}
	}
}
