package bench

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/event"
)

// The scale benchmarks (issue "Scale"): concur against plain yaegi on the
// same programs, whole processes, alternated, medians. Memory is the peak
// resident set of the process tree (concur's worker included), from the
// kernel's accounting of the finished command.

// measured is one command's wall time and peak memory.
type measured struct {
	wall time.Duration
	peak int64 // bytes
}

// measure runs a command to the end with its output to /dev/null.
func measure(b *testing.B, name string, args ...string) measured {
	cmd := exec.Command(name, args...)
	devnull, _ := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	defer devnull.Close()
	cmd.Stdout, cmd.Stderr = devnull, devnull
	begin := time.Now()
	err := cmd.Run()
	wall := time.Since(begin)
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			b.Fatalf("%s: %v", name, err)
		}
	}
	var peak int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peak = ru.Maxrss << 10 // KiB on Linux
	}
	return measured{wall: wall, peak: peak}
}

func medianOf(ms []measured) measured {
	w := make([]time.Duration, len(ms))
	p := make([]time.Duration, len(ms))
	for i, m := range ms {
		w[i], p[i] = m.wall, time.Duration(m.peak)
	}
	return measured{wall: median(w), peak: int64(median(p))}
}

func mib(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/1e6) }

// manyProgram starts n goroutines; each sleeps a second and then does body.
func manyProgram(n int, body string) string {
	return fmt.Sprintf(`package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

var _ = fmt.Sprint
var total atomic.Int64

func main() {
	var wg sync.WaitGroup
	for i := 0; i < %d; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			time.Sleep(time.Second)
			%s
		}(i)
	}
	wg.Wait()
	fmt.Println("done", total.Load())
}
`, n, body)
}

// BenchmarkManyGoroutines: 1 k to 1 M goroutines that sleep and print (or
// sleep and add to an atomic), `concur run` against `yaegi run`. Targets:
// at 100 k and 1 M no slower than yaegi; memory beyond yaegi's <= 4 KB a
// goroutine. Prints one table.
func BenchmarkManyGoroutines(b *testing.B) {
	concur, yaegi := binaries(b)
	type row struct {
		what  string
		n     int
		c, y  measured
		ratio float64
		perG  float64 // extra bytes a goroutine
	}
	var rows []row
	sizes := []int{1_000, 10_000, 100_000, 1_000_000}
	if s := os.Getenv("MANY_SIZES"); s != "" {
		sizes = nil
		for _, f := range strings.Split(s, ",") {
			var n int
			fmt.Sscan(f, &n)
			sizes = append(sizes, n)
		}
	}
	for b.Loop() {
		rows = rows[:0]
		for _, body := range []struct{ what, code string }{
			{"sleep, print", `fmt.Println("goroutine", i, "woke")`},
			{"sleep, atomic add", `total.Add(1)`},
		} {
			for _, n := range sizes {
				prog := writeFile(b, "many.go", manyProgram(n, body.code))
				samples := 3
				if n >= 1_000_000 {
					samples = 1
				}
				var cs, ys []measured
				for range samples {
					cs = append(cs, measure(b, concur, "run", "--timeout=30m", "--max-memory=16000000000", prog))
					ys = append(ys, measure(b, yaegi, "run", prog))
				}
				c, y := medianOf(cs), medianOf(ys)
				rows = append(rows, row{what: body.what, n: n, c: c, y: y,
					ratio: float64(c.wall) / float64(y.wall), perG: float64(c.peak-y.peak) / float64(n)})
			}
		}
	}
	fmt.Println("| workload | goroutines | concur | yaegi | ratio | memory beyond yaegi's, a goroutine |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, r := range rows {
		fmt.Printf("| %s | %d | %v, %s | %v, %s | %.2f | %.1f KB |\n", r.what, r.n,
			r.c.wall.Round(10*time.Millisecond), mib(r.c.peak), r.y.wall.Round(10*time.Millisecond), mib(r.y.peak), r.ratio, r.perG/1000)
	}
}

// runSession runs a whole program in a fresh session and returns its wall
// time and how many events it sent (a consumer that keeps none, as
// `concur run` keeps only what it shows).
func runSession(b *testing.B, opts engine.Options, src string, ctx context.Context) (time.Duration, int) {
	s, err := engine.NewSession(opts)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	n := 0
	begin := time.Now()
	if _, err := s.Run(ctx, "prog.go", src, true, func(e event.Event) { n++ }); err != nil {
		b.Fatal(err)
	}
	return time.Since(begin), n
}

// tracked compares a program with block tracking on (the default) and off
// (Options.Quiet), alternated, and reports the ratio. Target: <= 1.5.
func tracked(b *testing.B, what, src string) {
	var on, off []time.Duration
	opts := engine.Options{Timeout: 30 * time.Minute, MaxVirtual: 1000 * time.Hour}
	for b.Loop() {
		d, _ := runSession(b, opts, src, context.Background())
		on = append(on, d)
		quiet := opts
		quiet.Quiet = true
		d, _ = runSession(b, quiet, src, context.Background())
		off = append(off, d)
	}
	report(b, what+" (baseline: block tracking off)", on, off, "ratio <= 1.5")
}

// BenchmarkPingPong: 1 M messages between two goroutines over unbuffered
// channels.
func BenchmarkPingPong(b *testing.B) {
	tracked(b, "ping-pong of 1 M messages", `package main

import "fmt"

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	n := 0
	for i := 0; i < 500000; i++ {
		ping <- n
		n = <-pong
	}
	close(ping)
	fmt.Println(n)
}
`)
}

// BenchmarkPipeline: 100 k items through three stages.
func BenchmarkPipeline(b *testing.B) {
	tracked(b, "3-stage pipeline of 100 k items", `package main

import "fmt"

func stage(in <-chan int, f func(int) int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			out <- f(v)
		}
		close(out)
	}()
	return out
}

func main() {
	src := make(chan int)
	go func() {
		for i := 0; i < 100000; i++ {
			src <- i
		}
		close(src)
	}()
	sum := 0
	for v := range stage(stage(stage(src, func(x int) int { return x + 1 }), func(x int) int { return x * 2 }), func(x int) int { return x - 1 }) {
		sum += v
	}
	fmt.Println(sum)
}
`)
}

// BenchmarkSleeps: an hour of virtual time in 1 ms sleeps (3.6 M sleeps),
// and 10 k goroutines that sleep 100 times each; wall time. Baseline: the
// same programs with the sleeps taken out. Targets: the hour <= 2 s.
func BenchmarkSleeps(b *testing.B) {
	for _, p := range []struct{ what, src string }{
		{"1 h of 1 ms sleeps", `package main
import ("fmt"; "time")
func main() {
	for i := 0; i < 3600000; i++ { SLEEP(time.Millisecond) }
	fmt.Println("done")
}`},
		{"10 k goroutines x 100 sleeps", `package main
import ("fmt"; "sync"; "time")
func main() {
	var wg sync.WaitGroup
	for g := 0; g < 10000; g++ {
		wg.Add(1)
		go func() { defer wg.Done(); for i := 0; i < 100; i++ { SLEEP(time.Millisecond) } }()
	}
	wg.Wait()
	fmt.Println("done")
}`},
	} {
		var c, y []time.Duration
		opts := engine.Options{Timeout: 30 * time.Minute, MaxVirtual: 1000 * time.Hour}
		with := strings.ReplaceAll(p.src, "SLEEP", "time.Sleep")
		without := strings.ReplaceAll(p.src, "SLEEP(time.Millisecond)", "_ = time.Millisecond")
		for range max(3, b.N) {
			d, _ := runSession(b, opts, with, context.Background())
			c = append(c, d)
			d, _ = runSession(b, opts, without, context.Background())
			y = append(y, d)
		}
		report(b, p.what+" (baseline: no sleeps)", c, y, "the hour <= 2 s")
	}
}

// BenchmarkStopMany: Ctrl-C (a cancelled context) with n goroutines alive,
// from the cancel to the run's result; and the deadlock report with n
// goroutines blocked, from the moment all of them wait to the report and
// to the run's end. Target: <= 1 s at 1 M.
func BenchmarkStopMany(b *testing.B) {
	sizes := []int{10_000, 100_000, 1_000_000}
	for _, n := range sizes {
		var stops, deadlocks, ends []time.Duration
		for range 3 {
			opts := engine.Options{Timeout: 30 * time.Minute, MemoryLimit: 16e9}
			s, err := engine.NewSession(opts)
			if err != nil {
				b.Fatal(err)
			}
			src := fmt.Sprintf(`for i := 0; i < %d; i++ { go func() { for { time.Sleep(time.Second) } }() }; fmt.Println("started"); select {}`, n)
			ctx, cancel := context.WithCancel(context.Background())
			var at time.Time
			done := make(chan bool)
			go func() {
				s.Run(ctx, "stop.go", src, false, func(e event.Event) {
					if e.Kind == event.Output {
						at = time.Now()
						cancel()
					}
				})
				done <- true
			}()
			<-done
			stops = append(stops, time.Since(at))
			s.Close()
			report, end := deadlockReport(b, opts, n)
			deadlocks, ends = append(deadlocks, report), append(ends, end)
		}
		fmt.Printf("%d goroutines: stop median %v; deadlock report median %v, the run's end %v\n", n,
			median(stops).Round(time.Millisecond), median(deadlocks).Round(100*time.Microsecond), median(ends).Round(time.Millisecond))
	}
}

// deadlockReport runs a program whose n goroutines and then main block on
// a channel nobody sends on. It returns the time from main's last line,
// printed when all n wait, to the deadlock report (what the learner reads),
// and to the run's result (after the worker process has ended: the kernel
// frees its memory first).
func deadlockReport(b *testing.B, opts engine.Options, n int) (report, result time.Duration) {
	s, err := engine.NewSession(opts)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	src := fmt.Sprintf(`package main
import ("fmt"; "time")
func main() {
	ch := make(chan int)
	for i := 0; i < %d; i++ { go func() { <-ch }() }
	time.Sleep(time.Millisecond) // all of them wait
	fmt.Println("all wait")
	<-ch
}`, n)
	var at time.Time
	res, err := s.Run(context.Background(), "deadlock.go", src, true, func(e event.Event) {
		switch e.Kind {
		case event.Output:
			at = time.Now()
		case event.Deadlock:
			report = time.Since(at)
		}
	})
	if err != nil || at.IsZero() || report == 0 {
		b.Fatalf("deadlock run: %v %+v", err, res)
	}
	return report, time.Since(at)
}

// BenchmarkLongLines: one goroutine prints 100 k lines of 1 KB; concur
// against yaegi, to /dev/null.
func BenchmarkLongLines(b *testing.B) {
	concur, yaegi := binaries(b)
	prog := writeFile(b, "long.go", `package main
import ("fmt"; "strings")
func main() {
	line := strings.Repeat("x", 1000)
	for i := 0; i < 100000; i++ { fmt.Println(line) }
}`)
	var c, y []time.Duration
	for b.Loop() {
		c = append(c, measure(b, concur, "run", "--timeout=5m", prog).wall)
		y = append(y, measure(b, yaegi, "run", prog).wall)
	}
	report(b, "100 k lines of 1 KB", c, y, "ratio <= 1.1")
}
