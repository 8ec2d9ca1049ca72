package stdlib

import (
	"encoding"
	"flag"
	"fmt"
	"reflect"
	"time"
)

// A FlagSet is flag.FlagSet as a snippet sees it: Go's, except that Parse
// of a set whose error handling is flag.ExitOnError ends the snippet
// through Hooks.Exit, 0 after -help and 2 on a bad flag, as Go exits the
// process, where Go's Parse would exit the worker. Go's FlagSet is embedded,
// so its fields (Usage) and other methods are the program's, and a zero
// FlagSet is ready to use, as in Go.
type FlagSet struct {
	flag.FlagSet
}

// Parse is Go's FlagSet.Parse; with flag.ExitOnError it parses with
// flag.ContinueOnError (the same error and usage are printed) and then
// exits as Go's does.
func (f *FlagSet) Parse(arguments []string) error {
	if f.ErrorHandling() != flag.ExitOnError {
		return f.FlagSet.Parse(arguments)
	}
	name := f.Name()
	f.Init(name, flag.ContinueOnError)
	err := f.FlagSet.Parse(arguments)
	f.Init(name, flag.ExitOnError)
	if err == nil {
		return nil
	}
	h := currentHooks()
	if err == flag.ErrHelp {
		h.Exit(0)
	}
	h.Exit(2)
	return err
}

// instrumentFlag gives the snippet a command line of its own: Go's flag
// functions work on the process's flag.CommandLine and os.Args, which
// belong to the worker. Here they work on a FlagSet (made with
// flag.ExitOnError, as Go's) that writes to h.Stderr() and parses the
// snippet's os.Args ("prog" and nothing else, unless the snippet sets
// os.Args first), through the CommandLine variable, so a snippet may
// replace it as in Go. flag.Parse exits as Go's does, 2 on a bad flag and 0
// after -help, through h.Exit; so does the Parse of a FlagSet made with
// flag.ExitOnError (see FlagSet).
func instrumentFlag(syms map[string]reflect.Value, h Hooks, args *[]string) {
	if syms == nil {
		return
	}
	name := "prog"
	if len(*args) > 0 {
		name = (*args)[0]
	}
	cl := &FlagSet{}
	cl.Init(name, flag.ExitOnError)
	cl.SetOutput(h.Stderr())
	usage := func() {
		fmt.Fprintf(cl.Output(), "Usage of %s:\n", cl.Name())
		cl.PrintDefaults()
	}
	cl.Usage = func() { usage() }
	syms["FlagSet"] = reflect.ValueOf((*FlagSet)(nil))
	syms["CommandLine"] = reflect.ValueOf(&cl).Elem()
	syms["Usage"] = reflect.ValueOf(&usage).Elem()
	syms["NewFlagSet"] = reflect.ValueOf(func(name string, errorHandling flag.ErrorHandling) *FlagSet {
		fs := &FlagSet{}
		fs.Init(name, errorHandling)
		fs.SetOutput(h.Stderr())
		return fs
	})
	syms["Parse"] = reflect.ValueOf(func() {
		a := *args
		if len(a) > 0 {
			a = a[1:]
		}
		cl.Parse(a)
	})
	funcs := map[string]any{
		"Arg":      func(i int) string { return cl.Arg(i) },
		"Args":     func() []string { return cl.Args() },
		"Bool":     func(name string, value bool, usage string) *bool { return cl.Bool(name, value, usage) },
		"BoolFunc": func(name, usage string, fn func(string) error) { cl.BoolFunc(name, usage, fn) },
		"BoolVar":  func(p *bool, name string, value bool, usage string) { cl.BoolVar(p, name, value, usage) },
		"Duration": func(name string, value time.Duration, usage string) *time.Duration {
			return cl.Duration(name, value, usage)
		},
		"DurationVar": func(p *time.Duration, name string, value time.Duration, usage string) {
			cl.DurationVar(p, name, value, usage)
		},
		"Float64":       func(name string, value float64, usage string) *float64 { return cl.Float64(name, value, usage) },
		"Float64Var":    func(p *float64, name string, value float64, usage string) { cl.Float64Var(p, name, value, usage) },
		"Func":          func(name, usage string, fn func(string) error) { cl.Func(name, usage, fn) },
		"Int":           func(name string, value int, usage string) *int { return cl.Int(name, value, usage) },
		"Int64":         func(name string, value int64, usage string) *int64 { return cl.Int64(name, value, usage) },
		"Int64Var":      func(p *int64, name string, value int64, usage string) { cl.Int64Var(p, name, value, usage) },
		"IntVar":        func(p *int, name string, value int, usage string) { cl.IntVar(p, name, value, usage) },
		"Lookup":        func(name string) *flag.Flag { return cl.Lookup(name) },
		"NArg":          func() int { return cl.NArg() },
		"NFlag":         func() int { return cl.NFlag() },
		"Parsed":        func() bool { return cl.Parsed() },
		"PrintDefaults": func() { cl.PrintDefaults() },
		"Set":           func(name, value string) error { return cl.Set(name, value) },
		"String":        func(name string, value string, usage string) *string { return cl.String(name, value, usage) },
		"StringVar":     func(p *string, name string, value string, usage string) { cl.StringVar(p, name, value, usage) },
		"TextVar": func(p encoding.TextUnmarshaler, name string, value encoding.TextMarshaler, usage string) {
			cl.TextVar(p, name, value, usage)
		},
		"Uint":      func(name string, value uint, usage string) *uint { return cl.Uint(name, value, usage) },
		"Uint64":    func(name string, value uint64, usage string) *uint64 { return cl.Uint64(name, value, usage) },
		"Uint64Var": func(p *uint64, name string, value uint64, usage string) { cl.Uint64Var(p, name, value, usage) },
		"UintVar":   func(p *uint, name string, value uint, usage string) { cl.UintVar(p, name, value, usage) },
		"Var":       func(value flag.Value, name string, usage string) { cl.Var(value, name, usage) },
		"Visit":     func(fn func(*flag.Flag)) { cl.Visit(fn) },
		"VisitAll":  func(fn func(*flag.Flag)) { cl.VisitAll(fn) },
	}
	for name, f := range funcs {
		syms[name] = reflect.ValueOf(f)
	}
}
