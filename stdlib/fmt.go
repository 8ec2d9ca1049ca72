package stdlib

import (
	"fmt"
	"io"
	"reflect"
)

// instrumentFmt sends fmt.Print, Printf and Println to h.Stdout() and makes
// fmt.Scan, Scanf and Scanln read the snippet's standard input, the one
// os.Stdin reads (see instrumentOS).
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
		"Print":   func(a ...any) (int, error) { return fmt.Fprint(stdout, a...) },
		"Printf":  func(format string, a ...any) (int, error) { return fmt.Fprintf(stdout, format, a...) },
		"Println": func(a ...any) (int, error) { return fmt.Fprintln(stdout, a...) },
		"Scan":    func(a ...any) (int, error) { return fmt.Fscan(stdin, a...) },
		"Scanf":   func(format string, a ...any) (int, error) { return fmt.Fscanf(stdin, format, a...) },
		"Scanln":  func(a ...any) (int, error) { return fmt.Fscanln(stdin, a...) },
	}
	printing := []reflect.Type{reflect.TypeFor[fmt.Formatter](), reflect.TypeFor[fmt.Stringer]()}
	scanning := []reflect.Type{reflect.TypeFor[fmt.Scanner]()}
	for name, f := range funcs {
		v := reflect.ValueOf(f)
		syms[name] = v
		if name[0] == 'P' {
			mt[v] = printing
		} else {
			mt[v] = scanning
		}
	}
}
