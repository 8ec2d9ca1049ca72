package stdlib

import (
	"io"
	"os"
	"reflect"
	"strings"
	"sync"
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
// and environment (a private copy, see environ), errors and the types they
// need. No file system or process operations.
var osRestricted = []string{
	"Args", "Clearenv", "Environ", "Expand", "ExpandEnv", "Getenv", "LookupEnv", "Setenv", "Unsetenv",
	"Getegid", "Geteuid", "Getgid", "Getpagesize", "Getpid", "Getppid", "Getuid", "Hostname",
	"ErrClosed", "ErrDeadlineExceeded", "ErrExist", "ErrInvalid", "ErrNoDeadline", "ErrNotExist",
	"ErrPermission", "ErrProcessDone", "IsExist", "IsNotExist", "IsPermission", "IsTimeout",
	"LinkError", "NewSyscallError", "PathError", "SyscallError",
	"DevNull", "PathListSeparator", "PathSeparator",
	"FileInfo", "FileMode", "Interrupt", "Kill", "Signal",
}

// instrumentOS gives os the engine's streams and exit, and returns the
// snippet's standard input (fmt.Scan reads it too) and os.Args (flag
// parses it), which is ["prog"],
// as the Go Playground has it. In unrestricted mode the environment is the
// worker's own, which it inherits from the terminal side: Go's functions,
// and Setenv reaches the processes os/exec starts. In restricted mode it is
// a private copy of the same variables, taken when the session starts:
// Getenv, LookupEnv and Environ see what Go would, and Setenv, Unsetenv and
// Clearenv change only the copy, which nothing outside the program can
// read (it cannot start a process), so the program cannot tell.
func instrumentOS(syms map[string]reflect.Value, h Hooks, unrestricted bool) (io.Reader, *[]string) {
	stdin := &File{name: "/dev/stdin"}
	if s, ok := h.(StdinHooks); ok {
		stdin.r = s.Stdin()
	}
	args := []string{"prog"}
	if syms == nil {
		return stdin, &args
	}
	stdout := &File{name: "/dev/stdout", w: h.Stdout()}
	stderr := &File{name: "/dev/stderr", w: h.Stderr()}
	if unrestricted {
		syms["FindProcess"] = reflect.ValueOf(os.FindProcess)
	} else {
		keep(syms, osRestricted...)
		syms["File"] = reflect.ValueOf((*File)(nil))
		newEnviron(os.Environ()).install(syms)
	}
	syms["Exit"] = reflect.ValueOf(h.Exit)
	// Variables, so a snippet may reassign them (os.Stdout = ...).
	syms["Args"] = reflect.ValueOf(&args).Elem()
	syms["Stdin"] = reflect.ValueOf(&stdin).Elem()
	syms["Stdout"] = reflect.ValueOf(&stdout).Elem()
	syms["Stderr"] = reflect.ValueOf(&stderr).Elem()
	// A reader that follows os.Stdin if the snippet replaces it.
	return readerFunc(func(b []byte) (int, error) { return stdin.Read(b) }), &args
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(b []byte) (int, error) { return f(b) }

// environ is restricted mode's environment: "key=value" entries in the
// order Go keeps them (a new key goes last, Setenv of a known one replaces
// it in place).
type environ struct {
	mu  sync.Mutex
	kvs []string
}

func newEnviron(kvs []string) *environ { return &environ{kvs: append([]string(nil), kvs...)} }

// find returns the index of key's first entry, or -1.
func (e *environ) find(key string) int {
	for i, kv := range e.kvs {
		if k, _, _ := strings.Cut(kv, "="); k == key {
			return i
		}
	}
	return -1
}

func (e *environ) lookup(key string) (string, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if i := e.find(key); i >= 0 {
		_, v, _ := strings.Cut(e.kvs[i], "=")
		return v, true
	}
	return "", false
}

func (e *environ) getenv(key string) string {
	v, _ := e.lookup(key)
	return v
}

func (e *environ) setenv(key, value string) error {
	if key == "" || strings.ContainsAny(key, "=\x00") || strings.ContainsRune(value, 0) {
		return os.NewSyscallError("setenv", syscall.EINVAL)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if i := e.find(key); i >= 0 {
		e.kvs[i] = key + "=" + value
	} else {
		e.kvs = append(e.kvs, key+"="+value)
	}
	return nil
}

func (e *environ) unsetenv(key string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i := e.find(key); i >= 0; i = e.find(key) {
		e.kvs = append(e.kvs[:i], e.kvs[i+1:]...)
	}
	return nil
}

func (e *environ) install(syms map[string]reflect.Value) {
	syms["Getenv"] = reflect.ValueOf(e.getenv)
	syms["LookupEnv"] = reflect.ValueOf(e.lookup)
	syms["Setenv"] = reflect.ValueOf(e.setenv)
	syms["Unsetenv"] = reflect.ValueOf(e.unsetenv)
	syms["ExpandEnv"] = reflect.ValueOf(func(s string) string { return os.Expand(s, e.getenv) })
	syms["Clearenv"] = reflect.ValueOf(func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		e.kvs = nil
	})
	syms["Environ"] = reflect.ValueOf(func() []string {
		e.mu.Lock()
		defer e.mu.Unlock()
		return append([]string(nil), e.kvs...)
	})
}
