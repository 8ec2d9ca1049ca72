package stdlib

import (
	"fmt"
	"io"
	"reflect"
	"strings"
)

// instrumentFmt sends fmt.Print, Printf and Println to h.Stdout(), makes
// fmt.Scan, Scanf and Scanln read the snippet's standard input, the one
// os.Stdin reads (see instrumentOS), and gives the functions that take a
// format concur's sprintf, which prints interpreted types by their names
// (fmtprint.go).
//
// yaegi's Use would do the same in its fixStdlib (writing to
// interp.Options.Stdout), but only for exports under the key "fmt/fmt",
// and it then compiles yaegi's own generic cmp, maps and slices, which
// concur replaces (generic.go). So Symbols puts fmt under "fmt//fmt",
// which Use cleans to the same import path without running fixStdlib, and
// does fixStdlib's work itself: here, in instrumentOS (os.Args, Stdin,
// Stdout, Stderr, the environment), instrumentLog and instrumentFlag.
func instrumentFmt(syms map[string]reflect.Value, h Hooks, stdin io.Reader, mt map[reflect.Value][]reflect.Type) {
	if syms == nil {
		return
	}
	stdout := h.Stdout()
	funcs := map[string]any{
		"Print":    func(a ...any) (int, error) { return fprint(stdout, false, a) },
		"Printf":   func(format string, a ...any) (int, error) { return io.WriteString(stdout, sprintf(format, a...)) },
		"Println":  func(a ...any) (int, error) { return fprint(stdout, true, a) },
		"Sprint":   func(a ...any) string { return sprint(false, a) },
		"Sprintf":  sprintf,
		"Sprintln": func(a ...any) string { return sprint(true, a) },
		"Errorf":   errorf,
		"Fprint":   func(w io.Writer, a ...any) (int, error) { return fprint(w, false, a) },
		"Fprintf": func(w io.Writer, format string, a ...any) (int, error) {
			return io.WriteString(w, sprintf(format, a...))
		},
		"Fprintln": func(w io.Writer, a ...any) (int, error) { return fprint(w, true, a) },
		"Append":   func(b []byte, a ...any) []byte { return append(b, sprint(false, a)...) },
		"Appendf":  func(b []byte, format string, a ...any) []byte { return append(b, sprintf(format, a...)...) },
		"Appendln": func(b []byte, a ...any) []byte { return append(b, sprint(true, a)...) },
		"Scan":     func(a ...any) (int, error) { return fmt.Fscan(stdin, a...) },
		"Scanf":    func(format string, a ...any) (int, error) { return fmt.Fscanf(stdin, format, a...) },
		"Scanln":   func(a ...any) (int, error) { return fmt.Fscanln(stdin, a...) },
	}
	printing := printingTypes()
	scanning := []reflect.Type{reflect.TypeFor[fmt.Scanner]()}
	for name, f := range funcs {
		v := reflect.ValueOf(f)
		syms[name] = v
		if strings.Contains(name, "Scan") {
			mt[v] = scanning
		} else {
			mt[v] = printing
		}
	}
}

// printingTypes are the interfaces whose methods fmt's printing functions
// call: the interpreter gives such a function its values with these
// methods (its map types).
func printingTypes() []reflect.Type {
	return []reflect.Type{reflect.TypeFor[fmt.Formatter](), reflect.TypeFor[fmt.Stringer](), reflect.TypeFor[fmt.GoStringer]()}
}

// printStatements are fmt.Print, Println and Printf for a call whose
// results nobody reads, in package "concur/builtin": the rewrite calls
// these for such a statement (rewrite.printStatement). They print as fmt's
// do; without results, the interpreter's call of one costs about a third
// less (bench: BenchmarkPrintHeavy).
func printStatements(stdout io.Writer) map[string]reflect.Value {
	return map[string]reflect.Value{
		"FmtPrint":   reflect.ValueOf(func(a ...any) { fprint(stdout, false, a) }),
		"FmtPrintln": reflect.ValueOf(func(a ...any) { fprint(stdout, true, a) }),
		"FmtPrintf":  reflect.ValueOf(func(format string, a ...any) { io.WriteString(stdout, sprintf(format, a...)) }),
	}
}
