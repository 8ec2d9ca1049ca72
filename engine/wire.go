package engine

// The wire between the terminal side and the worker. Requests go to the worker
// as JSON lines (few and small); events come back as length-prefixed binary
// frames, because a print-heavy snippet sends a million of them and JSON
// decoding would cost more than the interpreter's own printing.

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/concur-dev/concur/event"
)

// request asks the worker to evaluate one input; with Op "goroutines" to
// list the program's live goroutines; with Op "stop" to end the run in
// progress (Why says why, in the words the run's report will use).
type request struct {
	Op   string `json:"op,omitempty"`
	File string `json:"file,omitempty"`
	Src  string `json:"src,omitempty"`
	Why  string `json:"why,omitempty"`
	// Quiet replays an input to restore a session: no events, only the result.
	Quiet bool `json:"quiet,omitempty"`
	// StopAt replays a run that was stopped: it stops again when its clock
	// reaches this (ns).
	StopAt int64 `json:"stop_at,omitempty"`
	// Final is set by `concur run`: when main returns the program is over,
	// as in Go, whatever other goroutines are doing.
	Final bool `json:"final,omitempty"`
	// Explore (Op "explore") runs the input under each of Seeds, with
	// Jitter, each in a new program that first replays History quietly.
	Explore bool      `json:"explore,omitempty"`
	Seeds   []uint64  `json:"seeds,omitempty"`
	Jitter  float64   `json:"jitter,omitempty"`
	History []request `json:"history,omitempty"`
}

// Frame types.
const (
	frameEvent    = 'E' // an event.Event
	frameIdentity = 'I' // a goroutine's runtime id, number and run
	frameResult   = 'R' // the end of a request
	frameReady    = 'H' // the worker is up and waits for requests
	frameHeld     = 'S' // a stop held every goroutine: the report follows
)

// result closes a request.
type result struct {
	Code        int      // the run's exit status
	Ran         bool     // the input compiled and ran (its effects are the session's)
	Outcome     int      // how the run ended (sched.Outcome)
	Dead        bool     // the worker ends after this result
	Poisoned    bool     // the interpreter kept part of an input it could not run: replace the worker
	Culprit     int      // for a worker that ends: the run whose goroutine would not stop
	StopAt      int64    // a stopped run's time
	AutoImports []string // standard packages imported on first use
	// What the input declared at top level and the packages it imported
	// (name, path, name, path, ...): the REPL completes them.
	Declared   []string
	Imports    []string
	Seed       uint64 // an explored schedule's seed
	Goroutines int    // the worker process's goroutines, after an explored schedule
}

// identity ties a goroutine's runtime id to its number and to the run that
// started it.
type identity struct {
	goid  int64
	g     int
	input int
}

// frame is one decoded message from the worker.
type frame struct {
	typ    byte
	ev     event.Event
	id     identity
	result *result // a result frame's (a pointer: a run sends a million frames, one result)
}

// Which optional fields an event frame carries.
const (
	fStream = 1 << iota
	fText
	fName
	fParent
	fD
	fCode
	fStack
	fBlocked
	fReason
	fObj
	fBy
	fOp
	fType
	fAt
	fCap
	fSeed
	fInput
	fN
	fV
	fClock
	fCause
	fMore
	fLeaked
	fCut
)

// encoder writes frames. It is not safe for concurrent use.
type encoder struct {
	w   *bufio.Writer
	buf []byte
	hdr [binary.MaxVarintLen64 + 1]byte // a frame's header: kept here, not made for each frame
}

func newEncoder(w io.Writer) *encoder {
	return &encoder{w: bufio.NewWriterSize(w, 64<<10)}
}

func (e *encoder) event(ev event.Event) error {
	var mask uint64
	set := func(bit uint64, on bool) {
		if on {
			mask |= bit
		}
	}
	set(fStream, ev.Stream != "")
	set(fText, ev.Text != "")
	set(fName, ev.Name != "")
	set(fParent, ev.Parent != 0)
	set(fD, ev.D != 0)
	set(fCode, ev.Code != 0)
	set(fStack, len(ev.Stack) > 0)
	set(fBlocked, len(ev.Blocked) > 0)
	set(fReason, ev.Reason != "")
	set(fObj, ev.Obj != 0)
	set(fBy, ev.By != 0)
	set(fOp, ev.Op != "")
	set(fType, ev.Type != "")
	set(fAt, ev.At != "")
	set(fCap, ev.Cap != 0)
	set(fSeed, ev.Seed != 0)
	set(fInput, ev.Input != 0)
	set(fN, ev.N != 0)
	set(fV, ev.V != 0)
	set(fClock, ev.Clock != "")
	set(fCause, ev.Cause != "")
	set(fMore, ev.More)
	set(fLeaked, len(ev.Leaked) > 0)
	set(fCut, len(ev.Cut) > 0)
	b := e.buf[:0]
	b = appendString(b, string(ev.Kind))
	b = binary.AppendVarint(b, ev.T)
	b = binary.AppendVarint(b, int64(ev.G))
	b = binary.AppendUvarint(b, mask)
	if mask&fStream != 0 {
		b = appendString(b, ev.Stream)
	}
	if mask&fText != 0 {
		b = appendString(b, ev.Text)
	}
	if mask&fName != 0 {
		b = appendString(b, ev.Name)
	}
	if mask&fParent != 0 {
		b = binary.AppendVarint(b, int64(ev.Parent))
	}
	if mask&fD != 0 {
		b = binary.AppendVarint(b, ev.D)
	}
	if mask&fCode != 0 {
		b = binary.AppendVarint(b, int64(ev.Code))
	}
	if mask&fStack != 0 {
		b = binary.AppendUvarint(b, uint64(len(ev.Stack)))
		for _, s := range ev.Stack {
			b = appendString(b, s)
		}
	}
	if mask&fBlocked != 0 {
		b = appendGoroutines(b, ev.Blocked)
	}
	if mask&fReason != 0 {
		b = appendString(b, ev.Reason)
	}
	if mask&fObj != 0 {
		b = binary.AppendVarint(b, int64(ev.Obj))
	}
	if mask&fBy != 0 {
		b = binary.AppendVarint(b, int64(ev.By))
	}
	if mask&fOp != 0 {
		b = appendString(b, ev.Op)
	}
	if mask&fType != 0 {
		b = appendString(b, ev.Type)
	}
	if mask&fAt != 0 {
		b = appendString(b, ev.At)
	}
	if mask&fCap != 0 {
		b = binary.AppendVarint(b, int64(ev.Cap))
	}
	if mask&fSeed != 0 {
		b = binary.AppendUvarint(b, ev.Seed)
	}
	if mask&fInput != 0 {
		b = binary.AppendVarint(b, int64(ev.Input))
	}
	if mask&fN != 0 {
		b = binary.AppendVarint(b, int64(ev.N))
	}
	if mask&fV != 0 {
		b = binary.AppendVarint(b, int64(ev.V))
	}
	if mask&fClock != 0 {
		b = appendString(b, ev.Clock)
	}
	if mask&fCause != 0 {
		b = appendString(b, ev.Cause)
	}
	if mask&fLeaked != 0 {
		b = appendGoroutines(b, ev.Leaked)
	}
	if mask&fCut != 0 {
		b = appendGoroutines(b, ev.Cut)
	}
	e.buf = b
	return e.frame(frameEvent, b)
}

// output encodes an output event (Kind Output; Stream, Text, More; no other
// field) as event does, without making the event: the write path of a
// print-heavy run, where text is the goroutine's own buffer.
func (e *encoder) output(t int64, g int, stream string, text []byte, more bool) error {
	mask := uint64(fStream)
	if len(text) > 0 {
		mask |= fText
	}
	if more {
		mask |= fMore
	}
	b := e.buf[:0]
	b = appendString(b, string(event.Output))
	b = binary.AppendVarint(b, t)
	b = binary.AppendVarint(b, int64(g))
	b = binary.AppendUvarint(b, mask)
	b = appendString(b, stream)
	if len(text) > 0 {
		b = binary.AppendUvarint(b, uint64(len(text)))
		b = append(b, text...)
	}
	e.buf = b
	return e.frame(frameEvent, b)
}

func (e *encoder) identity(goid int64, g, input int) error {
	b := e.buf[:0]
	b = binary.AppendVarint(b, goid)
	b = binary.AppendVarint(b, int64(g))
	b = binary.AppendVarint(b, int64(input))
	e.buf = b
	return e.frame(frameIdentity, b)
}

func (e *encoder) result(r result) error {
	b := e.buf[:0]
	b = binary.AppendVarint(b, int64(r.Code))
	flags := byte(0)
	if r.Ran {
		flags |= 1
	}
	if r.Dead {
		flags |= 2
	}
	if r.Poisoned {
		flags |= 4
	}
	b = append(b, flags)
	b = binary.AppendVarint(b, int64(r.Outcome))
	b = binary.AppendVarint(b, int64(r.Culprit))
	b = binary.AppendVarint(b, r.StopAt)
	b = binary.AppendUvarint(b, r.Seed)
	b = binary.AppendVarint(b, int64(r.Goroutines))
	for _, list := range [][]string{r.AutoImports, r.Declared, r.Imports} {
		b = binary.AppendUvarint(b, uint64(len(list)))
		for _, s := range list {
			b = appendString(b, s)
		}
	}
	e.buf = b
	return e.frame(frameResult, b)
}

func (e *encoder) frame(typ byte, payload []byte) error {
	e.hdr[0] = typ
	n := binary.PutUvarint(e.hdr[1:], uint64(len(payload)))
	if _, err := e.w.Write(e.hdr[:1+n]); err != nil {
		return err
	}
	_, err := e.w.Write(payload)
	return err
}

func (e *encoder) flush() error { return e.w.Flush() }

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// maxFrame bounds a frame so a corrupt stream cannot make us allocate wildly.
const maxFrame = 64 << 20

var errCorrupt = errors.New("corrupt frame")

// decoder reads frames.
type decoder struct {
	r      *bufio.Reader
	buf    []byte
	intern map[string]string // the few words events repeat: kinds, reasons, names
}

func newDecoder(r io.Reader) *decoder {
	return &decoder{r: bufio.NewReaderSize(r, 64<<10), intern: map[string]string{}}
}

// next reads one frame. It returns io.EOF at a clean end of stream.
func (d *decoder) next() (frame, error) {
	var f frame
	typ, err := d.r.ReadByte()
	if err != nil {
		return f, err
	}
	n, err := binary.ReadUvarint(d.r)
	if err != nil {
		return f, fmt.Errorf("frame length: %w", noEOF(err))
	}
	if n > maxFrame {
		return f, fmt.Errorf("frame of %d bytes: %w", n, errCorrupt)
	}
	if cap(d.buf) < int(n) {
		d.buf = make([]byte, n)
	}
	b := d.buf[:n]
	if _, err := io.ReadFull(d.r, b); err != nil {
		return f, fmt.Errorf("frame body: %w", noEOF(err))
	}
	f.typ = typ
	p := payload{b: b, intern: d.intern}
	switch typ {
	case frameEvent:
		f.ev = p.event()
	case frameIdentity:
		f.id = identity{goid: p.varint(), g: int(p.varint()), input: int(p.varint())}
	case frameResult:
		f.result = &result{}
		f.result.Code = int(p.varint())
		flags := p.byte()
		f.result.Ran = flags&1 != 0
		f.result.Dead = flags&2 != 0
		f.result.Poisoned = flags&4 != 0
		f.result.Outcome = int(p.varint())
		f.result.Culprit = int(p.varint())
		f.result.StopAt = p.varint()
		f.result.Seed = p.uvarint()
		f.result.Goroutines = int(p.varint())
		for _, list := range []*[]string{&f.result.AutoImports, &f.result.Declared, &f.result.Imports} {
			if k := p.count(); k > 0 {
				*list = make([]string, k)
				for i := range *list {
					(*list)[i] = p.str()
				}
			}
		}
	case frameReady, frameHeld:
	default:
		return f, fmt.Errorf("frame type %q: %w", typ, errCorrupt)
	}
	if p.err != nil || len(p.b) != 0 {
		return f, fmt.Errorf("frame %q: %w", typ, errCorrupt)
	}
	return f, nil
}

func (p *payload) event() event.Event {
	var ev event.Event
	ev.Kind = event.Kind(p.word())
	ev.T = p.varint()
	ev.G = int(p.varint())
	mask := p.uvarint()
	if mask&fStream != 0 {
		ev.Stream = p.word()
	}
	if mask&fText != 0 {
		ev.Text = p.str()
	}
	if mask&fName != 0 {
		ev.Name = p.word()
	}
	if mask&fParent != 0 {
		ev.Parent = int(p.varint())
	}
	if mask&fD != 0 {
		ev.D = p.varint()
	}
	if mask&fCode != 0 {
		ev.Code = int(p.varint())
	}
	if mask&fStack != 0 {
		if k := p.count(); k > 0 {
			ev.Stack = make([]string, k)
			for i := range ev.Stack {
				ev.Stack[i] = p.str()
			}
		}
	}
	if mask&fBlocked != 0 {
		ev.Blocked = p.goroutines()
	}
	if mask&fReason != 0 {
		ev.Reason = p.word()
	}
	if mask&fObj != 0 {
		ev.Obj = int(p.varint())
	}
	if mask&fBy != 0 {
		ev.By = int(p.varint())
	}
	if mask&fOp != 0 {
		ev.Op = p.word()
	}
	if mask&fType != 0 {
		ev.Type = p.word()
	}
	if mask&fAt != 0 {
		ev.At = p.str()
	}
	if mask&fCap != 0 {
		ev.Cap = int(p.varint())
	}
	if mask&fSeed != 0 {
		ev.Seed = p.uvarint()
	}
	if mask&fInput != 0 {
		ev.Input = int(p.varint())
	}
	if mask&fN != 0 {
		ev.N = int(p.varint())
	}
	if mask&fV != 0 {
		ev.V = int(p.varint())
	}
	if mask&fClock != 0 {
		ev.Clock = p.str()
	}
	if mask&fCause != 0 {
		ev.Cause = p.str()
	}
	ev.More = mask&fMore != 0
	if mask&fLeaked != 0 {
		ev.Leaked = p.goroutines()
	}
	if mask&fCut != 0 {
		ev.Cut = p.goroutines()
	}
	if mask>>24 != 0 {
		p.fail() // a field this side does not know
	}
	return ev
}

func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// payload reads the fields of one frame, remembering the first error.
type payload struct {
	b      []byte
	err    error
	intern map[string]string
}

// word reads a string that events repeat, sharing one copy of each.
func (p *payload) word() string {
	k := p.count()
	if p.err != nil || k > len(p.b) {
		p.fail()
		return ""
	}
	b := p.b[:k]
	p.b = p.b[k:]
	if p.intern == nil || k > 64 {
		return string(b)
	}
	if s, ok := p.intern[string(b)]; ok {
		return s
	}
	if len(p.intern) > 4096 {
		return string(b) // names without end: keep the map small
	}
	s := string(b)
	p.intern[s] = s
	return s
}

func (p *payload) varint() int64 {
	v, n := binary.Varint(p.b)
	if n <= 0 {
		p.fail()
		return 0
	}
	p.b = p.b[n:]
	return v
}

func (p *payload) uvarint() uint64 {
	v, n := binary.Uvarint(p.b)
	if n <= 0 {
		p.fail()
		return 0
	}
	p.b = p.b[n:]
	return v
}

// appendGoroutines appends a list of goroutines to a frame.
func appendGoroutines(b []byte, gs []event.Goroutine) []byte {
	b = binary.AppendUvarint(b, uint64(len(gs)))
	for _, g := range gs {
		b = binary.AppendVarint(b, int64(g.G))
		b = appendString(b, g.Name)
		b = appendString(b, g.State)
		b = binary.AppendVarint(b, int64(g.Obj))
		b = appendString(b, g.On)
		b = binary.AppendVarint(b, g.Since)
		b = binary.AppendVarint(b, int64(g.Count))
	}
	return b
}

// goroutines reads a list appendGoroutines wrote.
func (p *payload) goroutines() []event.Goroutine {
	k := p.count()
	if k == 0 {
		return nil
	}
	gs := make([]event.Goroutine, k)
	for i := range gs {
		gs[i] = event.Goroutine{G: int(p.varint()), Name: p.str(), State: p.str(),
			Obj: int(p.varint()), On: p.str(), Since: p.varint(), Count: int(p.varint())}
	}
	return gs
}

func (p *payload) count() int {
	v, n := binary.Uvarint(p.b)
	if n <= 0 || v > uint64(len(p.b)) { // every element takes at least a byte
		p.fail()
		return 0
	}
	p.b = p.b[n:]
	return int(v)
}

func (p *payload) str() string {
	k := p.count()
	if p.err != nil || k > len(p.b) {
		p.fail()
		return ""
	}
	s := string(p.b[:k])
	p.b = p.b[k:]
	return s
}

func (p *payload) byte() byte {
	if len(p.b) == 0 {
		p.fail()
		return 0
	}
	c := p.b[0]
	p.b = p.b[1:]
	return c
}

func (p *payload) fail() {
	if p.err == nil {
		p.err = errCorrupt
	}
	p.b = nil
}
