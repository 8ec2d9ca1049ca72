package session

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/concur-dev/concur/event"
)

// Writer writes a session file. Every line is written and flushed as soon as
// it is made. Its methods may be called from more than one goroutine, one at
// a time or not: they take a lock.
type Writer struct {
	mu    sync.Mutex
	f     io.Writer
	c     io.Closer // nil for NewWriter
	buf   *bufio.Writer
	start time.Time
	clock string // the header's clock
	now   func() time.Time
	n     int
	line  []byte
	src   bytes.Buffer
	err   error
}

// Create creates the file at path and writes h to it as the header; it
// refuses a file that exists (the error wraps fs.ErrExist). Empty fields of
// h are filled in: Kind, V, Go (this binary's Go version), Start (now).
func Create(path string, h Header) (*Writer, error) {
	return create(path, h, os.O_EXCL)
}

// Overwrite is Create for a file that may exist: it is replaced.
func Overwrite(path string, h Header) (*Writer, error) {
	return create(path, h, os.O_TRUNC)
}

func create(path string, h Header, flag int) (*Writer, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|flag, 0o644)
	if err != nil {
		return nil, err
	}
	w, err := NewWriter(f, h)
	if err != nil {
		f.Close()
		return nil, err
	}
	w.c = f
	return w, nil
}

// Append goes on with the session recorded in the file at path: inputs are
// numbered after its last one, and times are counted from its header's
// start, so that the file reads as one session. It refuses a file that is
// not a session file this version reads. A last line cut short (the
// recording was interrupted) is removed first, so that the file stays
// readable. It returns the writer and the number of inputs already there.
func Append(path string) (*Writer, int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	s, err := Read(bytes.NewReader(data))
	if err != nil {
		return nil, 0, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return nil, 0, err
	}
	// Everything after the last line break is a line cut short.
	whole := int64(bytes.LastIndexByte(data, '\n') + 1)
	if err := f.Truncate(whole); err != nil {
		f.Close()
		return nil, 0, err
	}
	if _, err := f.Seek(whole, io.SeekStart); err != nil {
		f.Close()
		return nil, 0, err
	}
	w := &Writer{f: f, c: f, buf: bufio.NewWriterSize(f, 4<<10), start: s.Header.Start, clock: s.Header.Clock, now: time.Now, n: len(s.Inputs)}
	return w, w.n, nil
}

// NewWriter writes a session to out, starting with h (filled in as by Create).
func NewWriter(out io.Writer, h Header) (*Writer, error) {
	h.Kind, h.V = "session", Version
	if h.Go == "" {
		h.Go = runtime.Version()
	}
	if h.Start.IsZero() {
		h.Start = time.Now()
	}
	w := &Writer{f: out, buf: bufio.NewWriterSize(out, 4<<10), start: h.Start, clock: h.Clock, now: time.Now}
	line, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	w.write(line)
	return w, w.err
}

func (w *Writer) since() int64 { return int64(w.now().Sub(w.start)) }

// write writes one line and flushes it.
func (w *Writer) write(line []byte) {
	if w.err != nil {
		return
	}
	w.buf.Write(line)
	w.buf.WriteByte('\n')
	w.err = w.buf.Flush()
}

// Input records that an input was entered, to run on clock ("virtual" or
// "real"; "" is the header's); the events recorded after it belong to it.
func (w *Writer) Input(src, clock string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n++
	b := append(w.line[:0], `{"kind":"input","t":`...)
	b = strconv.AppendInt(b, w.since(), 10)
	b = append(b, `,"n":`...)
	b = strconv.AppendInt(b, int64(w.n), 10)
	if clock != "" && clock != w.clock {
		// Only when it differs, so that files stay as they were.
		b = append(b, `,"clock":`...)
		b = strconv.AppendQuote(b, clock)
	}
	b = append(b, `,"src":`...)
	// A string always encodes; invalid UTF-8 becomes U+FFFD. Go's "<-"
	// stays readable.
	w.src.Reset()
	enc := json.NewEncoder(&w.src)
	enc.SetEscapeHTML(false)
	enc.Encode(src)
	b = append(b, bytes.TrimSuffix(w.src.Bytes(), []byte("\n"))...)
	w.line = append(b, '}')
	w.write(w.line)
}

// Event records one of the current input's events. Events before the first
// input are recorded as input 0's, which readers refuse: call Input first.
func (w *Writer) Event(e event.Event) {
	w.mu.Lock()
	defer w.mu.Unlock()
	b := append(w.line[:0], `{"kind":"event","n":`...)
	b = strconv.AppendInt(b, int64(w.n), 10)
	b = append(b, `,"at":`...)
	b = strconv.AppendInt(b, w.since(), 10)
	b = append(b, `,"e":`...)
	b = e.AppendJSON(b)
	w.line = append(b, '}')
	w.write(w.line)
}

// Err is the first error writing met, if any.
func (w *Writer) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Close closes the file and returns the first error writing met.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.c != nil {
		if err := w.c.Close(); err != nil && w.err == nil {
			w.err = err
		}
		w.c = nil
	}
	return w.err
}
