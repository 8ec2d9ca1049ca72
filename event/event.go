// Package event defines what a run of learner code produces: a stream of
// events, each stamped with the time since the run started and the goroutine
// it concerns.
//
// The stream is the contract between the engine that runs code, the REPL that
// shows it, the lessons that check it and the session files that keep it. In
// JSON it is one object per line (see docs/events.md); the first event of a
// stream is a "start" event carrying Version, the last one of a run is "exit".
// This package imports nothing of concur's.
package event

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"
)

// Version is the version of the event stream. It changes when a field is
// removed or changes meaning; adding a kind or a field keeps it.
const Version = 2

// Kind says what an event reports.
type Kind string

// The kinds of event. Every event has Kind, T and G; the comment of each kind
// names the other fields it uses.
const (
	Start    Kind = "start"    // a stream begins: V (version), Clock, Seed
	Output   Kind = "output"   // a goroutine wrote one line: Stream, Text (without its newline); More: a piece another goroutine's output came after
	Go       Kind = "go"       // goroutine G started: Name (the function it began in), Parent
	End      Kind = "end"      // goroutine G finished
	Sleep    Kind = "sleep"    // goroutine G called time.Sleep: D (ns), N times in a row (N > 1); it waits, asleep, until its wake
	Block    Kind = "block"    // goroutine G waits: Reason (Go's words), Obj (the channel or lock, 0: none)
	Wake     Kind = "wake"     // goroutine G stops waiting: By (who ended the wait, 0: the clock), Op (what By did), Obj
	Object   Kind = "object"   // a channel or lock first named in the stream: Obj (its id), Type, Name, At, Cap
	Value    Kind = "value"    // an expression input's value: Text
	Compile  Kind = "compile"  // the input did not compile: Text (file:line:col: message lines)
	Panic    Kind = "panic"    // goroutine G panicked: Text (Go's message), Stack (the snippet's frames)
	Fatal    Kind = "fatal"    // the program died: Text (Go's "fatal error: ..." or the worker's end)
	Deadlock Kind = "deadlock" // every goroutine was blocked: Text, Blocked
	Timeout  Kind = "timeout"  // a budget ran out or the run was stopped: Text, Blocked (what still ran)
	Restore  Kind = "restore"  // a new program replayed the session's inputs: Text, Reason (why), N (how many), D (how long)
	Dropped  Kind = "dropped"  // an earlier input was left out of the session: Input (its number), Text (its first line), Reason
	Exit     Kind = "exit"     // the run ended: Code (exit status), Leaked, Cut; T is the run's total elapsed time
)

// Event is one fact about a run.
type Event struct {
	Kind   Kind   `json:"kind"`
	T      int64  `json:"t"` // nanoseconds since the run started, on the run's clock
	G      int    `json:"g"` // goroutine: 1 is the input's main goroutine, others in order of creation
	Stream string `json:"stream,omitempty"`
	Text   string `json:"text,omitempty"`
	Name   string `json:"name,omitempty"`
	Parent int    `json:"parent,omitempty"`
	D      int64  `json:"d,omitempty"`
	Code   int    `json:"code"`
	V      int    `json:"v,omitempty"`
	Clock  string `json:"clock,omitempty"`
	// Stack is the snippet's own call frames of a panic, innermost first,
	// each "function file:line:col".
	Stack []string `json:"stack,omitempty"`
	// Blocked lists goroutines still alive at a deadlock or timeout.
	Blocked []Goroutine `json:"blocked,omitempty"`

	// Seed is a start event's schedule seed.
	Seed uint64 `json:"seed,omitempty"`
	// Reason is what a block event's goroutine waits on, in Go's words:
	// "chan send", "chan receive", "select", "sync.Mutex.Lock", ...
	Reason string `json:"reason,omitempty"`
	// Obj is the channel or lock an event is about (an object event's id).
	Obj int `json:"obj,omitempty"`
	// By is the goroutine whose action ended a wait (0: the clock).
	By int `json:"by,omitempty"`
	// Op is what By did: "send", "receive", "close", "unlock", "runlock",
	// "done", "add", "signal", "broadcast", "once", "cancel", or for the
	// clock "clock" (a sleep's end) and "timer".
	Op string `json:"op,omitempty"`
	// Type, At and Cap describe an object: "chan", "timer", "sync.Mutex",
	// "sync.RWMutex", "sync.WaitGroup", "sync.Cond", "sync.Once",
	// "context"; where it was made ("3:9"); a channel's capacity.
	Type string `json:"type,omitempty"`
	At   string `json:"at,omitempty"`
	Cap  int    `json:"cap,omitempty"`
	// Input is an input's number in the session, from 1 (dropped).
	Input int `json:"input,omitempty"`
	// N is how many inputs a restore replayed.
	N int `json:"n,omitempty"`
	// Cause is what ended a restored session's worker, in Go's words
	// ("fatal error: stack overflow"), or for a clock switch the new clock.
	Cause string `json:"cause,omitempty"`
	// More marks an output event that is a piece of a line, not a whole
	// one: its goroutine wrote it without a newline, and then another
	// goroutine wrote to the same stream (as Go's output shows it), or the
	// program waited for input (a prompt). Text goes on in the next output
	// event of that stream, without a newline between; T is the piece's
	// last write, which may be earlier than the events before it.
	More bool `json:"more,omitempty"`
	// Leaked lists, on the exit event of a whole program that returned
	// from main, the goroutines left then that could never have finished
	// had the program gone on: blocked on what nothing would release, or
	// never done (see docs/events.md).
	Leaked []Goroutine `json:"leaked,omitempty"`
	// Cut lists, on the same exit event, the goroutines that were still
	// working when main returned (asleep, or with output or waits ahead
	// of them) and would have finished later: Go ended them unfinished.
	// Each is as it was at main's return.
	Cut []Goroutine `json:"cut,omitempty"`
}

// Goroutine describes a live goroutine: its number, the function it began in
// and what it waits on, in the runtime's words ("chan receive", "sleep").
type Goroutine struct {
	G     int    `json:"g"`
	Name  string `json:"name"`
	State string `json:"state"`
	// Obj is the channel or lock it waits on, On its name for reports
	// ("jobs (made at 3:9)"), Since when it has waited (ns on the run's
	// clock, negative for a wait that began in an earlier run).
	Obj   int    `json:"obj,omitempty"`
	On    string `json:"on,omitempty"`
	Since int64  `json:"since,omitempty"`
	// Count, when above 1, makes the entry stand for that many goroutines
	// started in the same function and waiting alike (G is the first's).
	Count int `json:"count,omitempty"`
}

// Elapsed is T as a duration.
func (e Event) Elapsed() time.Duration { return time.Duration(e.T) }

// AppendJSON appends e as one JSON object, fields in a fixed order and only
// those its kind uses, without a trailing newline.
func (e Event) AppendJSON(b []byte) []byte {
	b = append(b, `{"kind":`...)
	b = appendString(b, string(e.Kind))
	b = append(b, `,"t":`...)
	b = strconv.AppendInt(b, e.T, 10)
	b = append(b, `,"g":`...)
	b = strconv.AppendInt(b, int64(e.G), 10)
	num := func(name string, n int) {
		if n != 0 {
			b = append(b, ',', '"')
			b = append(b, name...)
			b = append(b, '"', ':')
			b = strconv.AppendInt(b, int64(n), 10)
		}
	}
	field := func(name, value string) {
		b = append(b, ',', '"')
		b = append(b, name...)
		b = append(b, '"', ':')
		b = appendString(b, value)
		if name == "text" && !utf8.ValidString(value) {
			// JSON strings hold only Unicode: the exact bytes go beside.
			b = append(b, `,"raw":"`...)
			b = base64.StdEncoding.AppendEncode(b, []byte(value))
			b = append(b, '"')
		}
	}
	switch e.Kind {
	case Start:
		b = append(b, `,"v":`...)
		b = strconv.AppendInt(b, int64(e.V), 10)
		field("clock", e.Clock)
		b = append(b, `,"seed":`...)
		b = strconv.AppendUint(b, e.Seed, 10)
	case Output:
		field("stream", e.Stream)
		field("text", e.Text)
		if e.More {
			b = append(b, `,"more":true`...)
		}
	case Go:
		field("name", e.Name)
		b = append(b, `,"parent":`...)
		b = strconv.AppendInt(b, int64(e.Parent), 10)
	case Sleep:
		b = append(b, `,"d":`...)
		b = strconv.AppendInt(b, e.D, 10)
		num("n", e.N)
	case Block:
		field("reason", e.Reason)
		num("obj", e.Obj)
	case Wake:
		num("by", e.By)
		field("op", e.Op)
		num("obj", e.Obj)
	case Object:
		b = append(b, `,"obj":`...)
		b = strconv.AppendInt(b, int64(e.Obj), 10)
		field("type", e.Type)
		if e.Name != "" {
			field("name", e.Name)
		}
		if e.At != "" {
			field("at", e.At)
		}
		if e.Type == "chan" || e.Type == "timer" {
			b = append(b, `,"cap":`...)
			b = strconv.AppendInt(b, int64(e.Cap), 10)
		}
	case Restore:
		field("text", e.Text)
		if e.Reason != "" {
			field("reason", e.Reason)
		}
		if e.Cause != "" {
			field("cause", e.Cause)
		}
		b = append(b, `,"n":`...)
		b = strconv.AppendInt(b, int64(e.N), 10)
		if e.D != 0 {
			b = append(b, `,"d":`...)
			b = strconv.AppendInt(b, e.D, 10)
		}
	case Dropped:
		num("input", e.Input)
		field("text", e.Text)
		field("reason", e.Reason)
	case Exit:
		b = append(b, `,"code":`...)
		b = strconv.AppendInt(b, int64(e.Code), 10)
		if len(e.Leaked) > 0 {
			b = appendGoroutines(append(b, `,"leaked":`...), e.Leaked)
		}
		if len(e.Cut) > 0 {
			b = appendGoroutines(append(b, `,"cut":`...), e.Cut)
		}
	default:
		if e.Text != "" {
			field("text", e.Text)
		}
		if len(e.Stack) > 0 {
			b = append(b, `,"stack":[`...)
			for i, f := range e.Stack {
				if i > 0 {
					b = append(b, ',')
				}
				b = appendString(b, f)
			}
			b = append(b, ']')
		}
		if len(e.Blocked) > 0 {
			b = appendGoroutines(append(b, `,"blocked":`...), e.Blocked)
		}
	}
	return append(b, '}')
}

// appendGoroutines appends gs as a JSON array.
func appendGoroutines(b []byte, gs []Goroutine) []byte {
	b = append(b, '[')
	for i, g := range gs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"g":`...)
		b = strconv.AppendInt(b, int64(g.G), 10)
		b = append(b, `,"name":`...)
		b = appendString(b, g.Name)
		b = append(b, `,"state":`...)
		b = appendString(b, g.State)
		if g.Obj != 0 {
			b = append(b, `,"obj":`...)
			b = strconv.AppendInt(b, int64(g.Obj), 10)
		}
		if g.On != "" {
			b = append(b, `,"on":`...)
			b = appendString(b, g.On)
		}
		if g.Since != 0 {
			b = append(b, `,"since":`...)
			b = strconv.AppendInt(b, g.Since, 10)
		}
		if g.Count > 1 {
			b = append(b, `,"count":`...)
			b = strconv.AppendInt(b, int64(g.Count), 10)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// Parse reads one JSON event line. A "raw" field (the exact bytes of a text
// that is not UTF-8, base64) gives Text back its bytes.
func Parse(line []byte) (Event, error) {
	var w struct {
		Event
		Raw []byte `json:"raw"`
	}
	if err := json.Unmarshal(line, &w); err != nil {
		return w.Event, fmt.Errorf("event: %w", err)
	}
	e := w.Event
	if e.Kind == "" {
		return e, fmt.Errorf("event: no kind")
	}
	if w.Raw != nil {
		e.Text = string(w.Raw)
	}
	return e, nil
}

// appendString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD, as
// encoding/json does, so every line we write parses (AppendJSON adds the
// exact bytes of such a text as "raw").
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x7f:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// Joined returns events with the pieces of each torn line (output events
// marked More) joined to what follows them on their stream, so that every
// output event is a line of the program's output as Go shows it: "A " from
// one goroutine and "B 1" from another are the line "A B 1". A joined line
// has the goroutine and time of the event that ended it. Other events are
// kept as they are; events is not changed.
func Joined(events []Event) []Event {
	torn := false
	for i := range events {
		if events[i].More {
			torn = true
			break
		}
	}
	if !torn {
		return events
	}
	out := make([]Event, 0, len(events))
	pending := map[string]*Event{} // by stream: the pieces so far
	for _, e := range events {
		if e.Kind != Output {
			out = append(out, e)
			continue
		}
		if p := pending[e.Stream]; p != nil {
			e.Text = p.Text + e.Text
			delete(pending, e.Stream)
		}
		if e.More {
			pending[e.Stream] = &e
			continue
		}
		out = append(out, e)
	}
	for _, s := range []string{"stdout", "stderr"} {
		if p := pending[s]; p != nil { // a stream that ended in a piece
			p.More = false
			out = append(out, *p)
		}
	}
	return out
}
