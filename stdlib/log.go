package stdlib

import (
	"errors"
	"fmt"
	"io"
	"log"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// A Logger is log.Logger as a snippet sees it: Go's logger, except that Fatal, Fatalf and Fatalln end the snippet through Hooks.Exit(1) (Go exits
// the process with status 1) rather than the worker, and that the place
// log.Lshortfile and log.Llongfile print is the program's, which the
// rewrite hands over (ConcurAt). Timestamps come from the bubble's clock.
// log.New and log.Default return one.
type Logger struct {
	l    *log.Logger
	exit func(int)
	// at is the place of the log call this Logger was made for by
	// ConcurAt: "" when the call's place is not known.
	file, long string
	line       int
}

// ConcurAt returns l for one call of its printing methods at line of the
// program's file (short and long are the names Lshortfile and Llongfile
// print). The rewrite puts it before every call of them, whose place Go's
// logger would otherwise take from the interpreter's own frames; it is no
// part of Go's API, and go/types refuses it in a program.
func (l *Logger) ConcurAt(short, long string, line int) *Logger {
	return &Logger{l: l.l, exit: l.exit, file: short, long: long, line: line}
}

// Go's log.Logger methods (see the log package).

func (l *Logger) Print(v ...any)                 { l.output(1, sprint(false, v)) }
func (l *Logger) Printf(format string, v ...any) { l.output(1, sprintf(format, v...)) }
func (l *Logger) Println(v ...any)               { l.output(1, sprint(true, v)) }
func (l *Logger) Panic(v ...any)                 { s := sprint(false, v); l.output(1, s); panic(s) }
func (l *Logger) Panicf(format string, v ...any) {
	s := sprintf(format, v...)
	l.output(1, s)
	panic(s)
}
func (l *Logger) Panicln(v ...any)                     { s := sprint(true, v); l.output(1, s); panic(s) }
func (l *Logger) Fatal(v ...any)                       { l.output(1, sprint(false, v)); l.exit(1) }
func (l *Logger) Fatalf(format string, v ...any)       { l.output(1, sprintf(format, v...)); l.exit(1) }
func (l *Logger) Fatalln(v ...any)                     { l.output(1, sprint(true, v)); l.exit(1) }
func (l *Logger) Output(calldepth int, s string) error { return l.output(calldepth, s) }

// output is log.Logger.Output for a call calldepth frames above the
// program's call of l's method (1: that call itself). Without
// Lshortfile and Llongfile it is Go's. With them, Go's logger would ask the
// runtime for its caller and find the interpreter's frames (value.go:586):
// concur writes the line itself, with the place ConcurAt gave, and where
// it has none (a method value called later, Output with a calldepth
// other than 1, which names a caller of the program's function) the
// program stops with a message saying so.
func (l *Logger) output(calldepth int, s string) error {
	flags := l.l.Flags()
	if flags&(log.Lshortfile|log.Llongfile) == 0 {
		return l.l.Output(calldepth+2, s)
	}
	if l.file == "" || calldepth != 1 {
		panic(errors.New("log.Lshortfile and log.Llongfile: concur knows the line of a log call written as a call of log's function or of a Logger's method, " +
			"not of a method value called later or of Output with a calldepth other than 1; call it directly, or leave the flag out (log.SetFlags(log.LstdFlags))"))
	}
	if l.l.Writer() == io.Discard {
		return nil
	}
	file := l.file
	if flags&log.Llongfile != 0 {
		file = l.long
	}
	b := header(nil, time.Now(), flags, l.l.Prefix(), file, l.line)
	b = append(b, s...)
	if len(s) == 0 || s[len(s)-1] != '\n' {
		b = append(b, '\n')
	}
	_, err := l.l.Writer().Write(b)
	return err
}

// header appends to b what Go's logger writes before a message: the
// prefix (unless log.Lmsgprefix), the date and time the flags ask for,
// file:line: , then the prefix with log.Lmsgprefix.
func header(b []byte, t time.Time, flags int, prefix, file string, line int) []byte {
	if flags&log.Lmsgprefix == 0 {
		b = append(b, prefix...)
	}
	if flags&(log.Ldate|log.Ltime|log.Lmicroseconds) != 0 {
		if flags&log.LUTC != 0 {
			t = t.UTC()
		}
		if flags&log.Ldate != 0 {
			b = t.AppendFormat(b, "2006/01/02 ")
		}
		if flags&(log.Ltime|log.Lmicroseconds) != 0 {
			if flags&log.Lmicroseconds != 0 {
				b = t.AppendFormat(b, "15:04:05.000000 ")
			} else {
				b = t.AppendFormat(b, "15:04:05 ")
			}
		}
	}
	b = append(b, file...)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(line), 10)
	b = append(b, ": "...)
	if flags&log.Lmsgprefix != 0 {
		b = append(b, prefix...)
	}
	return b
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
		"Output":    func(calldepth int, s string) error { return std.output(calldepth, s) },
		"ConcurAt":  std.ConcurAt,
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
