package session

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/concur-dev/concur/event"
)

var testHeader = Header{Concur: "test", Go: "go1.26.8", Clock: "virtual", Lang: "en", Cols: 80, Rows: 24,
	Start: time.Date(2026, 11, 25, 1, 0, 0, 0, time.UTC)}

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.jsonl")
	w, err := Create(path, testHeader)
	if err != nil {
		t.Fatal(err)
	}
	tick := testHeader.Start
	w.now = func() time.Time { tick = tick.Add(time.Millisecond); return tick }
	in := []struct {
		src    string
		events []event.Event
	}{
		{"x := 1", []event.Event{{Kind: event.Exit, T: 5}}},
		{"go func() {\n\tfmt.Println(\"<hi> \\\"there\\\"\")\n}()\ntime.Sleep(1)", []event.Event{
			{Kind: event.Go, G: 2, Name: "main.func1", Parent: 1},
			{Kind: event.Output, T: 1, G: 2, Stream: "stdout", Text: "<hi> \"there\" 世界"},
			{Kind: event.Sleep, G: 1, D: 1},
			{Kind: event.End, T: 1, G: 2},
			{Kind: event.Deadlock, T: 1, G: 0, Text: "fatal error: all goroutines are asleep - deadlock!",
				Blocked: []event.Goroutine{{G: 3, Name: "w", State: "chan send"}}},
			{Kind: event.Panic, T: 1, G: 1, Text: "panic: boom\n\ngoroutine 1", Stack: []string{"main.f input2:1:2"}},
			{Kind: event.Exit, T: 1, Code: 2},
		}},
	}
	for _, i := range in {
		w.Input(i.src, "")
		for _, e := range i.events {
			w.Event(e)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) > 0 {
		t.Errorf("warnings: %q", s.Warnings)
	}
	h := testHeader
	h.Kind, h.V = "session", Version
	if !reflect.DeepEqual(s.Header, h) {
		t.Errorf("header %+v, want %+v", s.Header, h)
	}
	if len(s.Inputs) != len(in) {
		t.Fatalf("%d inputs, want %d", len(s.Inputs), len(in))
	}
	var last time.Duration
	for i, got := range s.Inputs {
		if got.N != i+1 || got.Src != in[i].src {
			t.Errorf("input %d: n %d src %q", i+1, got.N, got.Src)
		}
		if !reflect.DeepEqual(got.EngineEvents(), in[i].events) {
			t.Errorf("input %d events:\n got %+v\nwant %+v", i+1, got.EngineEvents(), in[i].events)
		}
		if got.T <= last {
			t.Errorf("input %d at %v, not after %v", i+1, got.T, last)
		}
		for _, e := range got.Events {
			if e.At <= got.T {
				t.Errorf("input %d: event at %v, not after its input (%v)", i+1, e.At, got.T)
			}
			last = e.At
		}
	}

	// Every prefix of the file is readable: cut mid-line, the last line is
	// a warning.
	data, _ := os.ReadFile(path)
	first := bytes.IndexByte(data, '\n') + 1
	for cut := first; cut < len(data); cut++ {
		s, err := Read(bytes.NewReader(data[:cut]))
		if err != nil {
			t.Fatalf("cut at %d: %v", cut, err)
		}
		if data[cut-1] != '\n' && !strings.HasSuffix(string(data[:cut]), "}") && len(s.Warnings) != 1 {
			t.Fatalf("cut at %d: warnings %q", cut, s.Warnings)
		}
	}
}

const hdr = `{"kind":"session","v":1,"concur":"test","go":"go1.26.8","clock":"virtual","lang":"en","cols":80,"rows":24,"start":"2026-11-25T01:00:00Z"}`

func TestBadFiles(t *testing.T) {
	for _, tc := range []struct{ name, file, err, warning string }{
		{"empty", "", "line 1: not a concur session file (it is empty)", ""},
		{"go source", "package main\n", "line 1: not a concur session file (first line is not a session header)", ""},
		{"event stream", `{"kind":"start","t":0,"g":0,"v":1,"clock":"virtual"}` + "\n", "line 1: not a concur session file (first line is not a session header)", ""},
		{"binary", "\x89PNG\r\n\x1a\n", "line 1: not a concur session file (first line is not a session header)", ""},
		{"newer", `{"kind":"session","v":7}` + "\n", "line 1: session version 7 is newer than this concur understands (1)", ""},
		{"no version", `{"kind":"session"}` + "\n", "line 1: session header has no valid version", ""},
		{"header cut", hdr[:40], "line 1: the session header is cut short", ""},
		{"header corrupt", `{"kind":"session","v":1,"cols":"wide"}` + "\n", `line 1: corrupt session header: field "cols" has the wrong type (string)`, ""},
		{"corrupt", hdr + "\n" + `{"kind":"input","t":1,"n":1,"src":"x"` + "\n" + `{"kind":"input","t":2,"n":2,"src":"y"}` + "\n", "line 2: corrupt JSON: unexpected end of JSON input (at byte 37)", ""},
		{"non-utf8", hdr + "\n" + "{\"kind\":\"input\",\"t\":1,\"n\":1,\"src\":\"\xff\"}\n", "line 2: not valid UTF-8 (at byte 36 of the line)", ""},
		{"event first", hdr + "\n" + `{"kind":"event","n":1,"at":1,"e":{"kind":"exit","t":0,"g":0,"code":0}}` + "\n", "line 2: event of input 1, but the last input recorded is 0", ""},
		{"bad event", hdr + "\n" + `{"kind":"input","t":1,"n":1,"src":"x"}` + "\n" + `{"kind":"event","n":1,"at":1,"e":{"t":0}}` + "\n", "line 3: bad event: event: no kind", ""},
		{"input skipped", hdr + "\n" + `{"kind":"input","t":1,"n":2,"src":"x"}` + "\n", "line 2: input number 2, want 1", ""},
		{"two headers", hdr + "\n" + hdr + "\n", "line 2: a second session header", ""},
		{"truncated", hdr + "\n" + `{"kind":"input","t":1,"n":1,"src":"x"}` + "\n" + `{"kind":"event","n":1,"at":1,"e":{"kind":"out`, "",
			"line 3: the last line is cut short (the recording was interrupted); read up to line 2"},
		{"unknown kind", hdr + "\n" + `{"kind":"resize","cols":100}` + "\n", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Read(strings.NewReader(tc.file))
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("error %v\n         want %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if w := strings.Join(s.Warnings, "; "); w != tc.warning {
				t.Errorf("warning %q, want %q", w, tc.warning)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(hdr + "\n" + `{"kind":"input","t":1,"n":1,"src":"x"}` + "\n" + `{"kind":"event","n":1,"at":1,"e":{"kind":"output","t":0,"g":1,"stream":"stdout","text":"hi"}}` + "\n"))
	f.Add([]byte(hdr + "\n" + `{"kind":"input","t":1,"n":1,"src":"x"}` + "\n" + `{"kind":"event","n":1,"at":1,"e":{"kind":"deadlock","t":0,"g":0,"text":"x","blocked":[{"g":2,"name":"w","state":"chan send"}]}}`))
	f.Add([]byte(hdr[:50]))
	f.Add([]byte(`{"kind":"session","v":7}`))
	f.Add([]byte("\xff\xfe\n"))
	f.Add([]byte(hdr + "\n\n"))
	if data, err := os.ReadFile("testdata/recorded.jsonl"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Read(bytes.NewReader(data))
		if err != nil {
			if s != nil {
				t.Fatal("session and error")
			}
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		if s.Header.V != Version || s.Header.Kind != "session" {
			t.Fatalf("header %+v", s.Header)
		}
		for i, in := range s.Inputs {
			if in.N != i+1 {
				t.Fatalf("input %d numbered %d", i+1, in.N)
			}
		}
	})
}

// TestCreateAppendOverwrite: Create refuses a file that exists; Append goes
// on with the session in it, numbering inputs after its last and counting
// time from its start, after removing a last line cut short; Overwrite
// replaces it. An input on another clock than the header's says so.
func TestCreateAppendOverwrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.jsonl")
	w, err := Create(path, testHeader)
	if err != nil {
		t.Fatal(err)
	}
	w.Input("x := 1", "virtual")
	w.Event(event.Event{Kind: event.Exit})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Create(path, testHeader); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("Create onto an existing file: %v, want fs.ErrExist", err)
	}

	// Cut the last line short, as a crash would, then append.
	data, _ := os.ReadFile(path)
	os.WriteFile(path, data[:len(data)-4], 0o644)
	w, before, err := Append(path)
	if err != nil {
		t.Fatal(err)
	}
	if before != 1 {
		t.Errorf("Append: %d inputs before, want 1", before)
	}
	w.Input("fmt.Println(x)", "real")
	w.Event(event.Event{Kind: event.Output, G: 1, Stream: "stdout", Text: "1"})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) > 0 || len(s.Inputs) != 2 || s.Inputs[1].N != 2 || len(s.Inputs[0].Events) != 0 || len(s.Inputs[1].Events) != 1 {
		t.Fatalf("after Append: %+v", s)
	}
	if s.Inputs[0].Clock != "virtual" || s.Inputs[1].Clock != "real" {
		t.Errorf("clocks %q and %q, want virtual and real", s.Inputs[0].Clock, s.Inputs[1].Clock)
	}
	if s.Inputs[1].T < time.Since(testHeader.Start)-time.Minute {
		t.Errorf("the appended input is at %v: not counted from the header's start", s.Inputs[1].T)
	}
	if n := strings.Count(mustRead(t, path), `"clock"`); n != 2 {
		t.Errorf("%d clock fields, want 2 (the header's and the real input's)", n)
	}

	w, err = Overwrite(path, testHeader)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	if s, err := Open(path); err != nil || len(s.Inputs) != 0 {
		t.Errorf("after Overwrite: %+v, %v", s, err)
	}

	notSession := filepath.Join(t.TempDir(), "notes.go")
	os.WriteFile(notSession, []byte("package main\n"), 0o644)
	if _, _, err := Append(notSession); err == nil || !strings.Contains(err.Error(), "not a concur session file") {
		t.Errorf("Append to a Go file: %v", err)
	}
	if got := mustRead(t, notSession); got != "package main\n" {
		t.Errorf("Append changed a file it refused: %q", got)
	}
	bad := hdr + "\n" + `{"kind":"input","t":1,"n":1,"clock":"sundial","src":"x"}` + "\n"
	if _, err := Read(strings.NewReader(bad)); err == nil || err.Error() != `line 2: input clock "sundial": want virtual or real` {
		t.Errorf("bad input clock: %v", err)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
