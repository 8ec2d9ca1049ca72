package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"syscall"

	"os/signal"
)

// profile makes the worker write a CPU profile and, when it ends, a heap
// profile and its goroutines' stack sizes to dir (CONCUR_PROFILE=dir): what
// the scale benchmarks are read with (go tool pprof).
func profile(dir string) {
	name := func(kind string) string {
		return filepath.Join(dir, fmt.Sprintf("worker-%d.%s", os.Getpid(), kind))
	}
	cpu, err := os.Create(name("cpu.pprof"))
	if err != nil {
		return
	}
	pprof.StartCPUProfile(cpu)
	runtime.MemProfileRate = 64 << 10 // finer than the default, for per-goroutine sizes
	// SIGUSR1: every goroutine's stack, now.
	usr1 := make(chan os.Signal, 1)
	signal.Notify(usr1, syscall.SIGUSR1)
	go func() {
		for range usr1 {
			if f, err := os.Create(name("goroutines.txt")); err == nil {
				pprof.Lookup("goroutine").WriteTo(f, 2)
				f.Close()
			}
			runtime.GC()
			if f, err := os.Create(name("heap-now.pprof")); err == nil {
				pprof.Lookup("heap").WriteTo(f, 0)
				f.Close()
			}
		}
	}()
	exit := exitProcess
	exitProcess = func(code int) {
		pprof.StopCPUProfile()
		cpu.Close()
		runtime.GC() // the heap profile shows the last collection's
		if f, err := os.Create(name("heap.pprof")); err == nil {
			pprof.Lookup("heap").WriteTo(f, 0)
			f.Close()
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		os.WriteFile(name("mem.txt"), fmt.Appendf(nil, "goroutines %d\nstack in use %d\nheap in use %d\nsys %d\nGC CPU fraction %.3f\nGCs %d\n",
			runtime.NumGoroutine(), m.StackInuse, m.HeapInuse, m.Sys, m.GCCPUFraction, m.NumGC), 0o644)
		exit(code)
	}
}
