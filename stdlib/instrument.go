package stdlib

import (
	"maps"
	"math/rand"
	randv2 "math/rand/v2"
	"reflect"
	"runtime"
	"sync"

	"github.com/traefik/yaegi/interp"
)

// instrumentSync puts concur's durable locks (sync.go) in place of Go's.
func instrumentSync(syms map[string]reflect.Value) {
	if syms == nil {
		return
	}
	syms["Mutex"] = reflect.ValueOf((*Mutex)(nil))
	syms["RWMutex"] = reflect.ValueOf((*RWMutex)(nil))
	syms["Once"] = reflect.ValueOf((*Once)(nil))
	syms["WaitGroup"] = reflect.ValueOf((*WaitGroup)(nil))
	syms["OnceFunc"] = reflect.ValueOf(OnceFunc)
	syms["Cond"] = reflect.ValueOf((*Cond)(nil))
	syms["NewCond"] = reflect.ValueOf(NewCond)
}

// rewrittenSync adds to the tables the type checker compares with Go's API
// (Tables, not the interpreter's) sync's generic OnceValue and OnceValues,
// without a value: the rewrite turns each call of them into a literal
// calling OnceFunc (rewrite/oncevalue.go), so the interpreter never looks
// them up, and the checker must let them be used.
func rewrittenSync(tables interp.Exports) {
	syms := tables["sync/sync"]
	if syms == nil {
		return
	}
	syms = maps.Clone(syms)
	syms["OnceValue"], syms["OnceValues"] = reflect.Value{}, reflect.Value{}
	tables["sync/sync"] = syms
}

// runtimeRestricted is what restricted mode keeps of runtime: scheduling,
// memory statistics, and the names a snippet needs to inspect a recovered
// panic (runtime.Error). Not the worker's stacks, callers or finalizers.
var runtimeRestricted = []string{
	"Compiler", "GC", "GOARCH", "GOMAXPROCS", "GOOS", "Gosched", "Goexit", "KeepAlive",
	"MemStats", "NumCPU", "NumGoroutine", "ReadMemStats", "Version",
	"Error", "TypeAssertionError",
}

// instrumentRuntime counts the snippet's goroutines only, not the worker's.
func instrumentRuntime(syms map[string]reflect.Value, h Hooks, unrestricted bool) {
	if syms == nil {
		return
	}
	if !unrestricted {
		keep(syms, runtimeRestricted...)
	}
	syms["NumGoroutine"] = reflect.ValueOf(func() int { return h.Sched().NumGoroutine() })
	syms["Gosched"] = reflect.ValueOf(func() { h.Sched().Gosched() })
	// On the virtual clock the program runs one goroutine at a time,
	// whatever it asks for: one processor.
	syms["GOMAXPROCS"] = reflect.ValueOf(func(n int) int {
		if h.Sched().Virtual() {
			return 1
		}
		return runtime.GOMAXPROCS(n)
	})
}

// instrumentRand makes the top-level functions of math/rand and
// math/rand/v2 draw from a source seeded by the session, so a program gives
// the same numbers when its session is replayed (and each session its own).
func instrumentRand(v1, v2 map[string]reflect.Value, h Hooks) {
	seed := h.RandSeed()
	if v1 != nil {
		r := rand.New(rand.NewSource(int64(seed)))
		var mu sync.Mutex
		locked := func(f func()) { mu.Lock(); f(); mu.Unlock() }
		funcs := map[string]any{
			"ExpFloat64":  func() (x float64) { locked(func() { x = r.ExpFloat64() }); return },
			"Float32":     func() (x float32) { locked(func() { x = r.Float32() }); return },
			"Float64":     func() (x float64) { locked(func() { x = r.Float64() }); return },
			"Int":         func() (x int) { locked(func() { x = r.Int() }); return },
			"Int31":       func() (x int32) { locked(func() { x = r.Int31() }); return },
			"Int31n":      func(n int32) (x int32) { locked(func() { x = r.Int31n(n) }); return },
			"Int63":       func() (x int64) { locked(func() { x = r.Int63() }); return },
			"Int63n":      func(n int64) (x int64) { locked(func() { x = r.Int63n(n) }); return },
			"Intn":        func(n int) (x int) { locked(func() { x = r.Intn(n) }); return },
			"NormFloat64": func() (x float64) { locked(func() { x = r.NormFloat64() }); return },
			"Perm":        func(n int) (x []int) { locked(func() { x = r.Perm(n) }); return },
			"Read":        func(p []byte) (n int, err error) { locked(func() { n, err = r.Read(p) }); return },
			"Seed":        func(s int64) { locked(func() { r.Seed(s) }) },
			"Shuffle":     func(n int, swap func(i, j int)) { locked(func() { r.Shuffle(n, swap) }) },
			"Uint32":      func() (x uint32) { locked(func() { x = r.Uint32() }); return },
			"Uint64":      func() (x uint64) { locked(func() { x = r.Uint64() }); return },
		}
		for name, f := range funcs {
			v1[name] = reflect.ValueOf(f)
		}
	}
	if v2 != nil {
		r := randv2.New(randv2.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		var mu sync.Mutex
		locked := func(f func()) { mu.Lock(); f(); mu.Unlock() }
		funcs := map[string]any{
			"ExpFloat64":  func() (x float64) { locked(func() { x = r.ExpFloat64() }); return },
			"Float32":     func() (x float32) { locked(func() { x = r.Float32() }); return },
			"Float64":     func() (x float64) { locked(func() { x = r.Float64() }); return },
			"Int":         func() (x int) { locked(func() { x = r.Int() }); return },
			"Int32":       func() (x int32) { locked(func() { x = r.Int32() }); return },
			"Int32N":      func(n int32) (x int32) { locked(func() { x = r.Int32N(n) }); return },
			"Int64":       func() (x int64) { locked(func() { x = r.Int64() }); return },
			"Int64N":      func(n int64) (x int64) { locked(func() { x = r.Int64N(n) }); return },
			"IntN":        func(n int) (x int) { locked(func() { x = r.IntN(n) }); return },
			"NormFloat64": func() (x float64) { locked(func() { x = r.NormFloat64() }); return },
			"Perm":        func(n int) (x []int) { locked(func() { x = r.Perm(n) }); return },
			"Shuffle":     func(n int, swap func(i, j int)) { locked(func() { r.Shuffle(n, swap) }) },
			"Uint32":      func() (x uint32) { locked(func() { x = r.Uint32() }); return },
			"Uint32N":     func(n uint32) (x uint32) { locked(func() { x = r.Uint32N(n) }); return },
			"Uint64":      func() (x uint64) { locked(func() { x = r.Uint64() }); return },
			"Uint64N":     func(n uint64) (x uint64) { locked(func() { x = r.Uint64N(n) }); return },
			"UintN":       func(n uint) (x uint) { locked(func() { x = r.UintN(n) }); return },
		}
		for name, f := range funcs {
			v2[name] = reflect.ValueOf(f)
		}
	}
}
