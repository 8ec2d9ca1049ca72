package stdlib

import (
	"errors"
	"fmt"
	"io"
	"log"
	"reflect"
	"strings"
)

// A Logger is log.Logger as a snippet sees it: Go's logger, except that
// Fatal, Fatalf and Fatalln end the snippet through Hooks.Exit(1) (Go exits
// the process with status 1) rather than the worker. Timestamps come from
// the bubble's clock. log.New and log.Default return one.
type Logger struct {
	l    *log.Logger
	exit func(int)
}

// Go's log.Logger methods (see the log package).

func (l *Logger) Print(v ...any)                 { l.output(2, sprint(false, v)) }
func (l *Logger) Printf(format string, v ...any) { l.output(2, sprintf(format, v...)) }
func (l *Logger) Println(v ...any)               { l.output(2, sprint(true, v)) }
func (l *Logger) Panic(v ...any)                 { s := sprint(false, v); l.output(2, s); panic(s) }
func (l *Logger) Panicf(format string, v ...any) {
	s := sprintf(format, v...)
	l.output(2, s)
	panic(s)
}
func (l *Logger) Panicln(v ...any)                     { s := sprint(true, v); l.output(2, s); panic(s) }
func (l *Logger) Fatal(v ...any)                       { l.output(2, sprint(false, v)); l.exit(1) }
func (l *Logger) Fatalf(format string, v ...any)       { l.output(2, sprintf(format, v...)); l.exit(1) }
func (l *Logger) Fatalln(v ...any)                     { l.output(2, sprint(true, v)); l.exit(1) }
func (l *Logger) Output(calldepth int, s string) error { return l.output(calldepth+1, s) }

// output is log.Logger.Output, refusing what concur cannot do: with
// Lshortfile or Llongfile, Go's logger asks the runtime for its caller,
// and finds the interpreter's own frames (it would print value.go:586).
// The interpreter does not tell compiled code which line of the program
// called it, so the program stops here with a message saying so.
func (l *Logger) output(calldepth int, s string) error {
	if l.l.Flags()&(log.Lshortfile|log.Llongfile) != 0 {
		panic(errors.New("log.Lshortfile and log.Llongfile: concur cannot tell the log package which line of the program called it; " +
			"leave the flag out (log.SetFlags(log.LstdFlags)), or put the place in the message"))
	}
	return l.l.Output(calldepth+1, s)
}

func (l *Logger) Flags() int              { return l.l.Flags() }
func (l *Logger) SetFlags(flag int)       { l.l.SetFlags(flag) }
func (l *Logger) Prefix() string          { return l.l.Prefix() }
func (l *Logger) SetPrefix(prefix string) { l.l.SetPrefix(prefix) }
func (l *Logger) Writer() io.Writer       { return l.l.Writer() }
func (l *Logger) SetOutput(w io.Writer)   { l.l.SetOutput(w) }

// instrumentLog replaces log's functions with ones on Go's default logger,
// set to write to h.Stderr() with log.LstdFlags and no prefix, as a
// program starts with it. It is Go's own so that log/slog's default
// handler, which writes through it, is captured too and sees SetFlags and
// SetPrefix. A worker runs one session, so one process-wide logger is
// enough. The interpreter itself logs through it too, just before it
// panics on an input it cannot compile; those lines are dropped (the
// panic is reported as a compile error).
func instrumentLog(syms map[string]reflect.Value, h Hooks, mt map[reflect.Value][]reflect.Type) {
	if syms == nil {
		return
	}
	log.SetOutput(withoutInterpreterPanics{h.Stderr()})
	log.SetFlags(log.LstdFlags)
	log.SetPrefix("")
	std := &Logger{l: log.Default(), exit: h.Exit}
	funcs := map[string]any{
		"Default": func() *Logger { return std },
		"New": func(out io.Writer, prefix string, flag int) *Logger {
			return &Logger{l: log.New(out, prefix, flag), exit: h.Exit}
		},
		"Print":     std.Print,
		"Printf":    std.Printf,
		"Println":   std.Println,
		"Panic":     std.Panic,
		"Panicf":    std.Panicf,
		"Panicln":   std.Panicln,
		"Fatal":     std.Fatal,
		"Fatalf":    std.Fatalf,
		"Fatalln":   std.Fatalln,
		"Output":    func(calldepth int, s string) error { return std.output(calldepth+1, s) },
		"Flags":     std.Flags,
		"SetFlags":  std.SetFlags,
		"Prefix":    std.Prefix,
		"SetPrefix": std.SetPrefix,
		"Writer":    std.Writer,
		"SetOutput": std.SetOutput,
	}
	printing := []reflect.Type{reflect.TypeFor[fmt.Formatter](), reflect.TypeFor[fmt.Stringer](), reflect.TypeFor[fmt.GoStringer]()}
	for name, f := range funcs {
		v := reflect.ValueOf(f)
		syms[name] = v
		switch name {
		case "Print", "Printf", "Println", "Panic", "Panicf", "Panicln", "Fatal", "Fatalf", "Fatalln":
			mt[v] = printing
		}
	}
	syms["Logger"] = reflect.ValueOf((*Logger)(nil))
}

// interpreterPanics are the messages yaegi v0.16.1 gives log.Panic when it
// cannot compile an input (interp/scope.go, interp/cfg.go).
var interpreterPanics = []string{"nil type\n", "nil reflect type\n", "compositeGenerator not implemented for type kind: "}

// withoutInterpreterPanics writes to w what the default logger writes,
// except the interpreter's own messages.
type withoutInterpreterPanics struct{ w io.Writer }

func (f withoutInterpreterPanics) Write(p []byte) (int, error) {
	s := string(p)
	for _, m := range interpreterPanics {
		if strings.HasSuffix(s, m) || strings.Contains(s, m) && strings.HasSuffix(m, ": ") {
			return len(p), nil
		}
	}
	return f.w.Write(p)
}
