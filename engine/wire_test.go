package engine

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"testing"

	"github.com/concur-dev/concur/event"
)

func TestWireRoundTrip(t *testing.T) {
	events := []event.Event{
		{Kind: event.Output, T: 1_250_000_000, G: 2, Stream: "stdout", Text: "task A start 中文"},
		{Kind: event.Go, T: 5, G: 3, Name: "worker", Parent: 1},
		{Kind: event.Sleep, T: -5, G: 3, D: 2_000_000_000},
		{Kind: event.Panic, T: 9, G: 3, Text: "panic: boom", Stack: []string{"main.f prog.go:3:2", ""}},
		{Kind: event.Deadlock, Blocked: []event.Goroutine{{G: 1, Name: "main", State: "chan receive", Obj: 3, On: "jobs (made at 2:8)", Since: -7, Count: 2}}},
		{Kind: event.Block, T: 11, G: 4, Reason: "sync.Mutex.Lock", Obj: 2},
		{Kind: event.Wake, T: 12, G: 4, By: 3, Op: "unlock", Obj: 2},
		{Kind: event.Object, T: 12, G: 3, Obj: 5, Type: "chan", Name: "results", At: "4:11", Cap: 3},
		{Kind: event.Start, V: 2, Clock: "virtual", Seed: 1 << 60},
		{Kind: event.Restore, Text: "new program", Reason: "died", N: 4, D: 99},
		{Kind: event.Dropped, Input: 3, Text: "go boom()", Reason: "its goroutine panicked"},
		{Kind: event.Exit, T: 10, Code: 3},
	}
	var buf bytes.Buffer
	enc := newEncoder(&buf)
	if err := enc.frame(frameReady, nil); err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if err := enc.event(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.identity(1234, 5, 6); err != nil {
		t.Fatal(err)
	}
	res := result{Code: 2, Ran: true, Dead: true, Poisoned: true, Outcome: 3, Culprit: 4, StopAt: 1e9, AutoImports: []string{"fmt", "time"},
		Declared: []string{"f", "x"}, Imports: []string{"fmt", "fmt", "r", "math/rand"}}
	if err := enc.result(res); err != nil {
		t.Fatal(err)
	}
	enc.flush()

	dec := newDecoder(&buf)
	f, err := dec.next()
	if err != nil || f.typ != frameReady {
		t.Fatalf("first frame %q, %v", f.typ, err)
	}
	for i, want := range events {
		f, err := dec.next()
		if err != nil {
			t.Fatal(err)
		}
		if f.typ != frameEvent || !reflect.DeepEqual(f.ev, want) {
			t.Errorf("frame %d: got %q %+v, want %+v", i, f.typ, f.ev, want)
		}
	}
	f, err = dec.next()
	if err != nil || f.typ != frameIdentity || f.id != (identity{goid: 1234, g: 5, input: 6}) {
		t.Fatalf("identity: got %q %+v, %v", f.typ, f.id, err)
	}
	f, err = dec.next()
	if err != nil || f.result == nil || !reflect.DeepEqual(*f.result, res) {
		t.Fatalf("result: got %+v, %v", f.result, err)
	}
	if _, err := dec.next(); err != io.EOF {
		t.Fatalf("after the last frame: %v, want EOF", err)
	}
}

func TestWireTruncated(t *testing.T) {
	var buf bytes.Buffer
	enc := newEncoder(&buf)
	enc.event(event.Event{Kind: event.Output, Text: "hello"})
	enc.flush()
	whole := buf.Bytes()
	for n := 1; n < len(whole); n++ {
		_, err := newDecoder(bytes.NewReader(whole[:n])).next()
		if err == nil || err == io.EOF {
			t.Errorf("cut at %d of %d: err %v, want an unexpected-EOF error", n, len(whole), err)
		}
	}
}

func FuzzWireDecode(f *testing.F) {
	var buf bytes.Buffer
	enc := newEncoder(&buf)
	enc.event(event.Event{Kind: event.Output, T: 7, G: 2, Stream: "stdout", Text: "x"})
	enc.event(event.Event{Kind: event.Wake, T: 7, G: 2, By: 3, Op: "send", Obj: 1})
	enc.identity(9, 2, 1)
	enc.result(result{Code: 1, AutoImports: []string{"fmt"}})
	enc.flush()
	f.Add(buf.Bytes())
	f.Add([]byte{'E', 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Add([]byte{'R', 2, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		dec := newDecoder(bytes.NewReader(data))
		for i := 0; i < 100; i++ {
			f, err := dec.next()
			if err != nil {
				if err != io.EOF && !errors.Is(err, errCorrupt) && !errors.Is(err, io.ErrUnexpectedEOF) {
					t.Fatalf("unexpected error kind: %v", err)
				}
				return
			}
			// A frame that decodes re-encodes to the same frame.
			if f.typ == frameEvent {
				var again bytes.Buffer
				e := newEncoder(&again)
				e.event(f.ev)
				e.flush()
				g, err := newDecoder(&again).next()
				if err != nil || !reflect.DeepEqual(g.ev, f.ev) {
					t.Fatalf("re-encoding %+v: %+v, %v", f.ev, g.ev, err)
				}
			}
		}
	})
}

// The write path's output frames are the bytes event makes of the same
// event, so the terminal side decodes them as it always did.
func TestWireOutputAsEvent(t *testing.T) {
	for _, e := range []event.Event{
		{Kind: event.Output, T: 1_250_000_000, G: 2, Stream: "stdout", Text: "task A start 中文"},
		{Kind: event.Output, T: 0, G: 1, Stream: "stderr", Text: "a piece", More: true},
		{Kind: event.Output, T: -3, G: 100_000, Stream: "stdout"},
		{Kind: event.Output, T: 7, G: 3, Stream: "stdout", More: true},
	} {
		var a, b bytes.Buffer
		ea, eb := newEncoder(&a), newEncoder(&b)
		if err := ea.event(e); err != nil {
			t.Fatal(err)
		}
		if err := eb.output(e.T, e.G, e.Stream, []byte(e.Text), e.More); err != nil {
			t.Fatal(err)
		}
		ea.flush()
		eb.flush()
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%+v: output % x, event % x", e, b.Bytes(), a.Bytes())
		}
		f, err := newDecoder(&b).next()
		if err != nil || !reflect.DeepEqual(f.ev, e) {
			t.Errorf("%+v decoded as %+v, %v", e, f.ev, err)
		}
	}
}
