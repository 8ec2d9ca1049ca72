package stdlib

import (
	"io"
	"os"
	"reflect"
	"sync/atomic"
	"syscall"
)

// A File is what os.Stdin, os.Stdout and os.Stderr are to a snippet: a
// stream to the engine's writers (or from its reader), so that
// fmt.Fprintln(os.Stdout, ...) and os.Stdout.WriteString are captured like
// fmt.Println. In restricted mode it is also os.File, the only kind of file a
// snippet can get; in unrestricted mode os.File is Go's *os.File, and the
// two are different types.
type File struct {
	name   string
	w      io.Writer
	r      io.Reader
	closed atomic.Bool
}

// Name returns the name of the file, as Go does ("/dev/stdout").
func (f *File) Name() string { return f.name }

// Write writes b to the engine's stream.
func (f *File) Write(b []byte) (int, error) {
	w, err := f.writer()
	if err != nil {
		return 0, err
	}
	return w.Write(b)
}

// WriteString writes s to the engine's stream.
func (f *File) WriteString(s string) (int, error) {
	w, err := f.writer()
	if err != nil {
		return 0, err
	}
	return io.WriteString(w, s)
}

func (f *File) writer() (io.Writer, error) {
	if err := f.check("write"); err != nil {
		return nil, err
	}
	if f.w == nil { // os.Stdin, as in Go
		return nil, &os.PathError{Op: "write", Path: f.name, Err: syscall.EBADF}
	}
	return f.w, nil
}

// Read reads from the engine's input (empty when it has none).
func (f *File) Read(b []byte) (int, error) {
	if err := f.check("read"); err != nil {
		return 0, err
	}
	if f.r == nil {
		return 0, io.EOF
	}
	return f.r.Read(b)
}

// Sync does nothing: the engine's writers do not buffer.
func (f *File) Sync() error { return f.check("sync") }

// Close makes later reads and writes fail, as closing os.Stdout does in Go.
func (f *File) Close() error {
	if f.closed.Swap(true) {
		return &os.PathError{Op: "close", Path: f.name, Err: os.ErrClosed}
	}
	return nil
}

func (f *File) check(op string) error {
	if f.closed.Load() {
		return &os.PathError{Op: op, Path: f.name, Err: os.ErrClosed}
	}
	return nil
}

// osRestricted is what restricted mode keeps of os: the process's identity
// and (private, see Use) environment, errors and the types they need. No
// file system or process operations.
var osRestricted = []string{
	"Args", "Clearenv", "Environ", "Expand", "ExpandEnv", "Getenv", "LookupEnv", "Setenv", "Unsetenv",
	"Getegid", "Geteuid", "Getgid", "Getpagesize", "Getpid", "Getppid", "Getuid", "Hostname",
	"ErrClosed", "ErrDeadlineExceeded", "ErrExist", "ErrInvalid", "ErrNoDeadline", "ErrNotExist",
	"ErrPermission", "ErrProcessDone", "IsExist", "IsNotExist", "IsPermission", "IsTimeout",
	"LinkError", "NewSyscallError", "PathError", "SyscallError",
	"DevNull", "PathListSeparator", "PathSeparator",
	"FileInfo", "FileMode", "Interrupt", "Kill", "Signal",
}

func instrumentOS(syms map[string]reflect.Value, h Hooks, unrestricted bool) {
	if syms == nil {
		return
	}
	stdin := &File{name: "/dev/stdin"}
	if s, ok := h.(StdinHooks); ok {
		stdin.r = s.Stdin()
	}
	stdout := &File{name: "/dev/stdout", w: h.Stdout()}
	stderr := &File{name: "/dev/stderr", w: h.Stderr()}
	if unrestricted {
		syms["FindProcess"] = reflect.ValueOf(os.FindProcess)
	} else {
		keep(syms, osRestricted...)
		syms["File"] = reflect.ValueOf((*File)(nil))
	}
	syms["Exit"] = reflect.ValueOf(h.Exit)
	// Variables, so a snippet may reassign them (os.Stdout = ...).
	syms["Stdin"] = reflect.ValueOf(&stdin).Elem()
	syms["Stdout"] = reflect.ValueOf(&stdout).Elem()
	syms["Stderr"] = reflect.ValueOf(&stderr).Elem()
}
