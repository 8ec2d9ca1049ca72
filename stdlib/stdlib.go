// Package stdlib is the standard library as concur's snippets see it: the
// symbol tables that yaegi's (*interp.Interpreter).Use loads, with concur's
// own versions of what the engine must observe or contain.
//
// The tables for the standard packages are generated (go1_NN_*.go, see
// generate.go) by yaegi's extract package, as functions that build a table
// on demand: a worker process builds only the tables its session may use.
// Hand-written code then replaces a few symbols:
//
//   - fmt.Print* write to Hooks.Stdout; os.Stdout and os.Stderr are *File
//     values writing to Hooks.Stdout and Hooks.Stderr, so
//     fmt.Fprintln(os.Stdout, ...) is captured too; os.Stdin and fmt.Scan*
//     read StdinHooks.Stdin. fmt and encoding/json print the program's
//     struct types as Go does (fmtprint.go, json.go).
//   - the builtins print and println write to Hooks.Stderr, formatted as
//     Go's runtime does, and a panic statement notes what its value's static
//     type says for the report, which then prints the value as Go does
//     (package "concur/builtin", which the rewrite calls: builtin.go,
//     panic.go); recover returns Go's run-time errors where the interpreter
//     panicked in its own words.
//   - os.Exit and log.Fatal* end the snippet through Hooks.Exit, not the
//     worker; flag parses the snippet's own os.Args.
//   - cmp, errors, iter, maps and slices are concur's own sources (generic.go).
//   - time (time.go), context (context.go) and sync (sync.go) are concur's
//     own on the virtual clock: sleeps, timers, deadlines, locks, wait
//     groups, conds and onces are the scheduler's (package sched; the
//     rewrite turns the generic OnceValue and OnceValues into calls of
//     OnceFunc), which
//     decides who runs, sees every wait and keeps the clock; on the real
//     clock they are Go's, with sleeps and goroutine starts recorded.
//     time.AfterFunc, context.AfterFunc and sync.WaitGroup.Go start their
//     goroutines through Hooks.Start.
//   - runtime.NumGoroutine counts the snippet's goroutines only;
//     runtime.Gosched is a scheduling point.
//   - math/rand's top-level functions draw from a source seeded per session.
//
// By default a snippet may import the packages that only compute (restricted
// mode, with what touches files, processes or the network cut out: see
// sandbox.go); unrestricted mode adds the rest of the standard library,
// whose tables are in package
// stdlib/unrestricted: only a program that imports it can run unrestricted.
// Start-up of a binary that only links the packages (hyperfine -N, median,
// go1.26.8 on linux/amd64): empty 0.7 ms; yaegi's interp 1.25 ms; interp and
// stdlib 1.23 ms (no cost: the tables are built by Symbols, not by init);
// with stdlib/unrestricted too 3.0 ms; interp and yaegi's own stdlib 3.9 ms.
// (Growing the default set to every package that only computes made such a
// binary 9.1 MB instead of 8.1 MB, with no start-up difference that stood
// out of the noise, 300 runs each on a loaded machine: 2.0 ms both.)
// Symbols(h, false) itself takes about 0.2 ms; Use about 2.5 ms in all,
// nearly all of it compiling concur's generic cmp, iter, maps and slices
// (generic.go).
package stdlib

import (
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/concur-dev/concur/sched"
	"github.com/concur-dev/concur/stdlib/internal/sandbox"
	"github.com/traefik/yaegi/interp"
)

// Hooks connects the instrumented packages to the engine that runs the snippet.
type Hooks interface {
	// Stdout and Stderr are the engine's goroutine-attributing capture
	// writers; os.Stdout and os.Stderr write to them.
	Stdout() io.Writer
	Stderr() io.Writer
	// Sched is the program's scheduler: sleeps, timers, locks, goroutine
	// starts and counts go through it (package sched).
	Sched() *sched.Scheduler
	// Start runs f on a new goroutine of the program, the one g stands for
	// (from Sched().Spawn, or a timer's Kernel.Spawn).
	Start(g *sched.G, f func())
	// Exit ends the program with this status (os.Exit, log.Fatal); it
	// never returns.
	Exit(code int)
	// Epoch is what time.Now says when the virtual clock reads zero.
	Epoch() time.Time
	// RandSeed seeds math/rand's and math/rand/v2's top-level functions, so
	// a session replayed gets the same numbers.
	RandSeed() uint64
}

// Go starts f on a new goroutine of the program named name.
func Go(h Hooks, name string, f func()) { h.Start(h.Sched().Spawn(name), f) }

// StdinHooks is implemented by Hooks that give snippets a standard input;
// without it os.Stdin reads as empty. (fmt.Scan* read interp.Options.Stdin.)
type StdinHooks interface {
	Hooks
	Stdin() io.Reader
}

// table is one standard package in the generated index (go1_NN_tables.go).
type table struct {
	path, name string                          // import path and package name
	symbols    func() map[string]reflect.Value // builds the table; nil outside restricted mode's packages
}

// session holds the Hooks of the latest Symbols call for the methods of
// types (WaitGroup.Go): unlike the functions in a table, a method cannot
// close over a session. A worker process runs one session (DESIGN decision
// 1), so one slot is enough; interpreters with different Hooks in one
// process would share the latest.
var session atomic.Pointer[Hooks]

func currentHooks() Hooks {
	if p := session.Load(); p != nil {
		return *p
	}
	return nil
}

// Activate makes h the session whose scheduler the types of sync and time
// use (Symbols does it for the interpreter it builds tables for): a worker
// that made other programs, to explore schedules, goes back to its own.
func Activate(h Hooks) { session.Store(&h) }

// Symbols returns the packages snippets may import, ready for
// (*interp.Interpreter).Use; unrestricted adds the rest of the standard
// library. Each call builds new tables bound to h.
//
// Load them with Use, which also compiles concur's generic packages. fmt
// is under the key "fmt//fmt", not "fmt/fmt": see instrumentFmt.
func Symbols(h Hooks, unrestricted bool) interp.Exports {
	session.Store(&h)
	x := interp.Exports{}
	for _, t := range standard {
		if t.symbols != nil {
			x[t.path+"/"+t.name] = t.symbols()
		}
	}
	mt := mapTypes(x)
	if !unrestricted {
		cut(x)
	}
	if unrestricted {
		if sandbox.Extra == nil {
			panic("stdlib: unrestricted mode needs a program that imports github.com/concur-dev/concur/stdlib/unrestricted")
		}
		tables, extraTypes := sandbox.Extra()
		maps.Copy(x, tables)
		maps.Copy(mt, extraTypes)
	}
	stdin, args := instrumentOS(x["os/os"], h, unrestricted)
	instrumentFmt(x["fmt/fmt"], h, stdin, mt)
	instrumentFlag(x["flag/flag"], h, args)
	instrumentLog(x["log/log"], h, mt)
	instrumentJSON(x["encoding/json/json"], mt)
	instrumentTime(x["time/time"], h)
	instrumentContext(x["context/context"], h)
	instrumentSync(x["sync/sync"])
	instrumentIO(x["io/io"])
	instrumentRuntime(x["runtime/runtime"], h, unrestricted)
	instrumentRand(x["math/rand/rand"], x["math/rand/v2/rand"], h)
	x["concur/generic/generic"] = generic()
	x["concur/builtin/builtin"] = builtins(h)
	// Typed hands its operand on to fmt, so it must show fmt's methods;
	// the print statements are fmt's.
	mt[x["concur/builtin/builtin"]["Typed"]] = printingTypes()
	mt[x["concur/builtin/builtin"]["TypedStruct"]] = printingTypes()
	for name, v := range printStatements(h.Stdout()) {
		x["concur/builtin/builtin"][name] = v
		mt[v] = printingTypes()
	}
	x["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(mt)}
	tables := maps.Clone(x) // under Go's keys, for Tables
	rewrittenSync(tables)
	loaded.Store(&tables)
	x["fmt//fmt"] = x["fmt/fmt"]
	delete(x, "fmt/fmt")
	return x
}

// Use loads Symbols(h, unrestricted) into i; concur's generic packages
// are compiled into it when a program imports one (LoadGeneric).
// Everything a snippet prints goes to h's writers, whatever i's
// interp.Options say.
func Use(i *interp.Interpreter, h Hooks, unrestricted bool) error {
	return i.Use(Symbols(h, unrestricted))
}

// keep deletes from syms every symbol not in names, keeping the interface
// wrappers ("_Name") of the names kept.
func keep(syms map[string]reflect.Value, names ...string) {
	for k := range syms {
		if !slices.Contains(names, strings.TrimPrefix(k, "_")) {
			delete(syms, k)
		}
	}
}
