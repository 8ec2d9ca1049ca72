package stdlib

import (
	"context"
	"reflect"
	"time"
)

// instrumentTime reports sleeps and starts AfterFunc callbacks through the
// engine. Everything else in time is Go's own: inside the bubble it runs on
// the virtual clock.
func instrumentTime(syms map[string]reflect.Value, h Hooks) {
	if syms == nil {
		return
	}
	syms["Sleep"] = reflect.ValueOf(func(d time.Duration) {
		h.Sleep(d)
		time.Sleep(d)
	})
	// The timer is Go's, so Stop and Reset work; only the callback's
	// goroutine is the engine's.
	syms["AfterFunc"] = reflect.ValueOf(func(d time.Duration, f func()) *time.Timer {
		return time.AfterFunc(d, func() { h.Go("time.AfterFunc", f) })
	})
}

// instrumentContext starts context.AfterFunc callbacks through the engine;
// stop still stops them, since it stops the function that would start one.
func instrumentContext(syms map[string]reflect.Value, h Hooks) {
	if syms == nil {
		return
	}
	syms["AfterFunc"] = reflect.ValueOf(func(ctx context.Context, f func()) (stop func() bool) {
		return context.AfterFunc(ctx, func() { h.Go("context.AfterFunc", f) })
	})
}

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
	syms["NumGoroutine"] = reflect.ValueOf(h.NumGoroutine)
}
