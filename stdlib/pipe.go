package stdlib

import (
	"io"
	"reflect"
	"sync"
)

// io.Pipe on concur's synchronisation. Go's pipe hands each write to the
// reader over channels inside package io, compiled code whose waits the
// scheduler cannot see: on the virtual clock a reader waiting for a writer
// looked like a goroutine running, and the clock stood still. This pipe
// waits on concur's Conds instead, with Go's semantics (io/pipe.go): a write
// waits until readers have taken all of it (a write of nothing waits for
// one read), a read takes what it can of the write in hand, writes are one
// at a time, and closing either end ends both with the errors Go gives.
// Where Go's goroutines wait in a select, these are said to (a deadlock
// report names the same state).

// instrumentIO puts concur's pipe in place of Go's.
func instrumentIO(syms map[string]reflect.Value) {
	if syms == nil {
		return
	}
	syms["Pipe"] = reflect.ValueOf(Pipe)
	syms["PipeReader"] = reflect.ValueOf((*PipeReader)(nil))
	syms["PipeWriter"] = reflect.ValueOf((*PipeWriter)(nil))
}

type pipe struct {
	wrMu sync.Locker // concur's Mutex: one write at a time
	mu   sync.Mutex  // Go's: held only between scheduling points
	rd   *Cond       // readers wait here for a write
	wr   *Cond       // the writer waits here for its write to be taken

	offered bool   // data is a write (perhaps empty) no read has taken
	data    []byte // what is offered
	taken   int    // -1 until a read takes the offer; then how much it took

	done       bool
	rerr, werr error // the first error each side closed with
}

// A PipeReader is the read half of a pipe (io.PipeReader).
type PipeReader struct{ p *pipe }

// A PipeWriter is the write half of a pipe (io.PipeWriter).
type PipeWriter struct{ p *pipe }

// Pipe creates a synchronous in-memory pipe, as io.Pipe does.
func Pipe() (*PipeReader, *PipeWriter) {
	p := &pipe{wrMu: new(Mutex)}
	p.rd, p.wr = NewCond(&p.mu), NewCond(&p.mu)
	p.rd.v.Wait, p.rd.v.Type = "select", "io.Pipe"
	p.wr.v.Wait, p.wr.v.Type = "select", "io.Pipe"
	return &PipeReader{p}, &PipeWriter{p}
}

func (p *pipe) read(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for !p.done && !p.offered {
		p.rd.Wait()
	}
	if p.done {
		return 0, p.readCloseError()
	}
	n := copy(b, p.data)
	p.offered, p.data, p.taken = false, nil, n
	p.wr.Signal()
	return n, nil
}

func (p *pipe) readCloseError() error {
	if p.rerr == nil && p.werr != nil {
		return p.werr
	}
	return io.ErrClosedPipe
}

func (p *pipe) write(b []byte) (n int, err error) {
	p.mu.Lock()
	if p.done {
		defer p.mu.Unlock()
		return 0, p.writeCloseError()
	}
	p.mu.Unlock()
	p.wrMu.Lock()
	defer p.wrMu.Unlock()
	p.mu.Lock()
	defer p.mu.Unlock()
	for once := true; once || len(b) > 0; once = false {
		if p.done {
			return n, p.writeCloseError()
		}
		p.offered, p.data, p.taken = true, b, -1
		p.rd.Signal()
		for !p.done && p.taken < 0 {
			p.wr.Wait()
		}
		if p.taken < 0 { // closed before any read took it
			p.offered, p.data = false, nil
			return n, p.writeCloseError()
		}
		b = b[p.taken:]
		n += p.taken
	}
	return n, nil
}

func (p *pipe) writeCloseError() error {
	if p.werr == nil && p.rerr != nil {
		return p.rerr
	}
	return io.ErrClosedPipe
}

func (p *pipe) close(read bool, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if read {
		if err == nil {
			err = io.ErrClosedPipe
		}
		if p.rerr == nil {
			p.rerr = err
		}
	} else {
		if err == nil {
			err = io.EOF
		}
		if p.werr == nil {
			p.werr = err
		}
	}
	if !p.done {
		p.done = true
		p.rd.Broadcast()
		p.wr.Broadcast()
	}
}

// Read reads from the pipe, waiting for a writer or a close. After the
// write end is closed it returns the error it was closed with (io.EOF for
// none).
func (r *PipeReader) Read(data []byte) (n int, err error) { return r.p.read(data) }

// Close closes the reader; writes then fail with io.ErrClosedPipe.
func (r *PipeReader) Close() error { return r.CloseWithError(nil) }

// CloseWithError closes the reader; writes then fail with err
// (io.ErrClosedPipe for nil). It never overwrites an earlier error.
func (r *PipeReader) CloseWithError(err error) error {
	r.p.close(true, err)
	return nil
}

// Write writes data to the pipe, waiting until readers have taken all of
// it or the pipe is closed.
func (w *PipeWriter) Write(data []byte) (n int, err error) { return w.p.write(data) }

// Close closes the writer; reads then return io.EOF.
func (w *PipeWriter) Close() error { return w.CloseWithError(nil) }

// CloseWithError closes the writer; reads then return err (io.EOF for
// nil). It never overwrites an earlier error.
func (w *PipeWriter) CloseWithError(err error) error {
	w.p.close(false, err)
	return nil
}
