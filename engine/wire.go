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

// request asks the worker to evaluate one input, or with Op "goroutines" to
// list the session's live goroutines.
type request struct {
	Op   string `json:"op,omitempty"`
	File string `json:"file"`
	Src  string `json:"src"`
	// Quiet replays an input that already succeeded, to restore a session:
	// no events, only the result.
	Quiet bool `json:"quiet,omitempty"`
	// Final is set by `concur run`: when main returns the program is over,
	// as in Go, whatever other goroutines are doing.
	Final bool `json:"final,omitempty"`
}

// Frame types.
const (
	frameEvent  = 'E' // an event.Event, plus the runtime goroutine id behind G
	frameResult = 'R' // the end of a request
	frameReady  = 'H' // the worker is up and waits for requests
)

// result closes a request.
type result struct {
	Code        int      // the run's exit status
	OK          bool     // the input succeeded and belongs to the session
	Dead        bool     // the worker ends after this result: the program is over
	AutoImports []string // standard packages imported on first use
}

// frame is one decoded message from the worker.
type frame struct {
	typ    byte
	ev     event.Event
	goid   int64
	result result
}

// encoder writes frames. It is not safe for concurrent use.
type encoder struct {
	w   *bufio.Writer
	buf []byte
}

func newEncoder(w io.Writer) *encoder {
	return &encoder{w: bufio.NewWriterSize(w, 64<<10)}
}

func (e *encoder) event(ev event.Event, goid int64) error {
	b := e.buf[:0]
	b = appendString(b, string(ev.Kind))
	b = binary.AppendVarint(b, ev.T)
	b = binary.AppendVarint(b, int64(ev.G))
	b = binary.AppendVarint(b, goid)
	b = appendString(b, ev.Stream)
	b = appendString(b, ev.Text)
	b = appendString(b, ev.Name)
	b = binary.AppendVarint(b, int64(ev.Parent))
	b = binary.AppendVarint(b, ev.D)
	b = binary.AppendVarint(b, int64(ev.Code))
	b = binary.AppendUvarint(b, uint64(len(ev.Stack)))
	for _, s := range ev.Stack {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(ev.Blocked)))
	for _, g := range ev.Blocked {
		b = binary.AppendVarint(b, int64(g.G))
		b = appendString(b, g.Name)
		b = appendString(b, g.State)
	}
	e.buf = b
	return e.frame(frameEvent, b)
}

func (e *encoder) result(r result) error {
	b := e.buf[:0]
	b = binary.AppendVarint(b, int64(r.Code))
	flags := byte(0)
	if r.OK {
		flags |= 1
	}
	if r.Dead {
		flags |= 2
	}
	b = append(b, flags)
	b = binary.AppendUvarint(b, uint64(len(r.AutoImports)))
	for _, s := range r.AutoImports {
		b = appendString(b, s)
	}
	e.buf = b
	return e.frame(frameResult, b)
}

func (e *encoder) frame(typ byte, payload []byte) error {
	var hdr [binary.MaxVarintLen64 + 1]byte
	hdr[0] = typ
	n := binary.PutUvarint(hdr[1:], uint64(len(payload)))
	if _, err := e.w.Write(hdr[:1+n]); err != nil {
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
	r   *bufio.Reader
	buf []byte
}

func newDecoder(r io.Reader) *decoder { return &decoder{r: bufio.NewReaderSize(r, 64<<10)} }

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
	p := payload{b: b}
	switch typ {
	case frameEvent:
		f.ev.Kind = event.Kind(p.str())
		f.ev.T = p.varint()
		f.ev.G = int(p.varint())
		f.goid = p.varint()
		f.ev.Stream = p.str()
		f.ev.Text = p.str()
		f.ev.Name = p.str()
		f.ev.Parent = int(p.varint())
		f.ev.D = p.varint()
		f.ev.Code = int(p.varint())
		if k := p.count(); k > 0 {
			f.ev.Stack = make([]string, k)
			for i := range f.ev.Stack {
				f.ev.Stack[i] = p.str()
			}
		}
		if k := p.count(); k > 0 {
			f.ev.Blocked = make([]event.Goroutine, k)
			for i := range f.ev.Blocked {
				f.ev.Blocked[i] = event.Goroutine{G: int(p.varint()), Name: p.str(), State: p.str()}
			}
		}
	case frameResult:
		f.result.Code = int(p.varint())
		flags := p.byte()
		f.result.OK = flags&1 != 0
		f.result.Dead = flags&2 != 0
		if k := p.count(); k > 0 {
			f.result.AutoImports = make([]string, k)
			for i := range f.result.AutoImports {
				f.result.AutoImports[i] = p.str()
			}
		}
	case frameReady:
	default:
		return f, fmt.Errorf("frame type %q: %w", typ, errCorrupt)
	}
	if p.err != nil || len(p.b) != 0 {
		return f, fmt.Errorf("frame %q: %w", typ, errCorrupt)
	}
	return f, nil
}

func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// payload reads the fields of one frame, remembering the first error.
type payload struct {
	b   []byte
	err error
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
