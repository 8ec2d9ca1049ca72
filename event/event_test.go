package event

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestAppendJSONRoundTrip(t *testing.T) {
	events := []Event{
		{Kind: Start, V: Version, Clock: "virtual"},
		{Kind: Output, T: 1_250_000_000, G: 2, Stream: "stdout", Text: `task "A" <start> 中文 \ tab	end`},
		{Kind: Go, T: 5, G: 3, Name: "main.func1", Parent: 1},
		{Kind: Sleep, T: 5, G: 3, D: 2_000_000_000},
		{Kind: End, T: 9, G: 3},
		{Kind: Panic, T: 9, G: 3, Text: "panic: boom\n\ngoroutine 3 [running]:", Stack: []string{"main.f prog.go:3:2"}},
		{Kind: Deadlock, T: 10, Text: "fatal error: all goroutines are asleep - deadlock!", Blocked: []Goroutine{{G: 1, Name: "main", State: "chan receive"}}},
		{Kind: Exit, T: 10, Code: 0},
		{Kind: Exit, T: 10, Code: 3},
	}
	for _, e := range events {
		line := e.AppendJSON(nil)
		if !json.Valid(line) {
			t.Fatalf("%s: invalid JSON %s", e.Kind, line)
		}
		got, err := Parse(line)
		if err != nil {
			t.Fatalf("%s: %v", e.Kind, err)
		}
		if !reflect.DeepEqual(got, e) {
			t.Errorf("round trip of %s:\n got %+v\nwant %+v", line, got, e)
		}
	}
}

func TestAppendJSONAlwaysHasExitCode(t *testing.T) {
	got := string(Event{Kind: Exit, T: 3}.AppendJSON(nil))
	if want := `{"kind":"exit","t":3,"g":0,"code":0}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// A text that is not UTF-8 reads as U+FFFD to any JSON decoder, and its
// exact bytes are in "raw", which Parse gives back.
func TestAppendJSONInvalidUTF8(t *testing.T) {
	line := Event{Kind: Output, Stream: "stdout", Text: "a\xffb\u2028"}.AppendJSON(nil)
	if want := `{"kind":"output","t":0,"g":0,"stream":"stdout","text":"a\ufffdb\u2028","raw":"Yf9i4oCo"}`; string(line) != want {
		t.Errorf("got  %s\nwant %s", line, want)
	}
	var plain struct{ Text string }
	if err := json.Unmarshal(line, &plain); err != nil || plain.Text != "a\ufffdb\u2028" {
		t.Errorf("a plain decoder reads %q, %v", plain.Text, err)
	}
	e, err := Parse(line)
	if err != nil {
		t.Fatal(err)
	}
	if e.Text != "a\xffb\u2028" {
		t.Errorf("text %q, want the bytes back", e.Text)
	}
	if line := (Event{Kind: Output, Text: "ok 中文"}).AppendJSON(nil); strings.Contains(string(line), "raw") {
		t.Errorf("raw for valid UTF-8: %s", line)
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{``, `{}`, `{"kind":""}`, `[1]`, `{"kind":"output","t":"x"}`} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("Parse(%q) succeeded", in)
		}
	}
}

func FuzzAppendJSON(f *testing.F) {
	f.Add("output", "hello", int64(5), 2)
	f.Add("panic", "a\x00\"\\\n\u2029\xff", int64(-1), -3)
	f.Fuzz(func(t *testing.T, kind, text string, ts int64, g int) {
		e := Event{Kind: Kind(kind), T: ts, G: g, Text: text, Stream: text, Name: text}
		line := e.AppendJSON(nil)
		if !json.Valid(line) {
			t.Fatalf("invalid JSON: %s", line)
		}
		if back, err := Parse(line); err == nil && e.Kind != Start && e.Kind != Go && e.Kind != Sleep && e.Kind != Exit && text != "" && back.Text != text {
			t.Fatalf("text %q came back as %q", text, back.Text)
		}
	})
}
