// Package bench measures concur against its baselines in the same run: plain
// yaegi (the interpreter concur is built on) on the same snippet, or the
// target the design sets. Each benchmark interleaves concur and its baseline,
// takes medians over many samples and reports them with their ratio:
//
//	go test -run '^$' -bench . ./bench
//
// Nothing here fails on a timing; the figures are for reading.
package bench

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/event"
)

func TestMain(m *testing.M) {
	if engine.IsWorker() {
		os.Exit(engine.ServeWorker())
	}
	os.Exit(m.Run())
}

// binaries builds concur and plain yaegi (v0.16.1, from go.mod) once.
func binaries(b *testing.B) (concur, yaegi string) {
	b.Helper()
	dir := b.TempDir()
	concur = filepath.Join(dir, "concur")
	yaegi = filepath.Join(dir, "yaegi")
	for _, args := range [][]string{
		{"build", "-o", concur, "../cmd/concur"},
		{"build", "-o", yaegi, "github.com/traefik/yaegi/cmd/yaegi"},
	} {
		out, err := exec.Command("go", args...).CombinedOutput()
		if err != nil {
			b.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return concur, yaegi
}

func writeFile(b *testing.B, name, src string) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// report prints and records concur's median, the baseline's and their ratio.
func report(b *testing.B, what string, concur, base []time.Duration, target string) {
	mc, mb := median(concur), median(base)
	ratio := float64(mc) / float64(mb)
	b.ReportMetric(float64(mc.Microseconds())/1000, "concur-ms")
	b.ReportMetric(float64(mb.Microseconds())/1000, "baseline-ms")
	b.ReportMetric(ratio, "ratio")
	fmt.Printf("%s: concur median %v, baseline median %v, ratio %.2f (target %s; %d samples each)\n",
		what, mc.Round(10*time.Microsecond), mb.Round(10*time.Microsecond), ratio, target, len(concur))
}

// timeToFirstOutput starts a command and times it until its first byte of
// standard output.
func timeToFirstOutput(b *testing.B, name string, args ...string) time.Duration {
	cmd := exec.Command(name, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	begin := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	var one [1]byte
	if _, err := io.ReadFull(out, one[:]); err != nil {
		b.Fatalf("%s: no output: %v", name, err)
	}
	d := time.Since(begin)
	io.Copy(io.Discard, out)
	cmd.Wait()
	return d
}

// BenchmarkHelloFirstOutput: `concur run` of hello world to its first output,
// against `yaegi run` of the same file. Target: ratio <= 1.2 (issue 13).
func BenchmarkHelloFirstOutput(b *testing.B) {
	concur, yaegi := binaries(b)
	hello := writeFile(b, "hello.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n")
	var c, y []time.Duration
	for range 5 { // warm the page cache
		timeToFirstOutput(b, concur, "run", hello)
		timeToFirstOutput(b, yaegi, "run", hello)
	}
	for b.Loop() {
		c = append(c, timeToFirstOutput(b, concur, "run", hello))
		y = append(y, timeToFirstOutput(b, yaegi, "run", hello))
	}
	report(b, "hello world to first output", c, y, "ratio <= 1.2")
}

// printProgram: g goroutines print n lines each ("goroutine G line I").
func printProgram(g, n int) string {
	return fmt.Sprintf(`package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for g := 0; g < %d; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < %d; i++ {
				fmt.Println("goroutine", g, "line", i)
			}
		}(g)
	}
	wg.Wait()
}
`, g, n)
}

// run is one command run to the end: its wall time, and the processor time
// of it and the children it waited for (concur's worker), from the kernel.
type run struct{ wall, cpu time.Duration }

func runToEnd(b *testing.B, stdout io.Writer, name string, args ...string) run {
	cmd := exec.Command(name, args...)
	if stdout == nil {
		devnull, _ := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
		defer devnull.Close()
		cmd.Stdout = devnull
	} else {
		cmd.Stdout = stdout
	}
	begin := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s: %v", name, err)
	}
	r := run{wall: time.Since(begin)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return r
}

// checkLines reads a print program's output: every line of every
// goroutine, whole and in its goroutine's order (each line ends with
// Go's text, after concur's stamp).
func checkLines(g, n int) (io.Writer, func() error) {
	r, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		next := make([]int, g)
		lines := 0
		sc := bufio.NewScanner(r)
		var err error
		for sc.Scan() {
			text := sc.Text()
			k := strings.LastIndex(text, "goroutine ")
			var gi, li int
			if k < 0 {
				err = fmt.Errorf("line %d: %q", lines+1, text)
				break
			}
			if _, e := fmt.Sscanf(text[k:], "goroutine %d line %d", &gi, &li); e != nil || gi < 0 || gi >= g || li != next[gi] ||
				text[k:] != fmt.Sprintf("goroutine %d line %d", gi, li) {
				err = fmt.Errorf("line %d: %q (goroutine %d's next line is %d)", lines+1, text, gi, next[max(0, min(gi, g-1))])
				break
			}
			next[gi]++
			lines++
		}
		io.Copy(io.Discard, r)
		if err == nil && lines != g*n {
			err = fmt.Errorf("%d lines, want %d", lines, g*n)
		}
		done <- err
	}()
	return w, func() error { w.Close(); return <-done }
}

// BenchmarkPrintHeavy: `concur run` against `yaegi run` on print-heavy
// programs, to /dev/null, alternated, medians (issue 13's fair measures):
//   - one goroutine prints 1 M lines: wall time, target ratio <= 1.1;
//   - 100 goroutines print 10 k lines each: processor time summed over
//     concur's processes (the virtual clock runs one goroutine at a time by
//     design, yaegi uses both cores), target <= 1.2; wall time, target
//     <= 1.3 (issue "See blocking");
//   - the same on --clock=real: wall time, target <= 1.2.
//
// Before the timed runs, one run of each concur variant is read back: no
// line lost, torn or out of its goroutine's order.
func BenchmarkPrintHeavy(b *testing.B) {
	concur, yaegi := binaries(b)
	one := writeFile(b, "one.go", printProgram(1, 1000000))
	many := writeFile(b, "many.go", printProgram(100, 10000))
	for _, v := range []struct {
		g, n int
		args []string
	}{
		{1, 1000000, []string{"run", "--timeout=5m", one}},
		{100, 10000, []string{"run", "--timeout=5m", many}},
		{100, 10000, []string{"run", "--timeout=5m", "--clock=real", many}},
	} {
		w, check := checkLines(v.g, v.n)
		runToEnd(b, w, concur, v.args...)
		if err := check(); err != nil {
			b.Fatalf("concur %s: %v", strings.Join(v.args, " "), err)
		}
	}
	var oneC, oneY, wallC, wallY, cpuC, cpuY, realC, realY []time.Duration
	for b.Loop() {
		c := runToEnd(b, nil, concur, "run", "--timeout=5m", one)
		y := runToEnd(b, nil, yaegi, "run", one)
		oneC, oneY = append(oneC, c.wall), append(oneY, y.wall)
		c = runToEnd(b, nil, concur, "run", "--timeout=5m", many)
		y = runToEnd(b, nil, yaegi, "run", many)
		wallC, wallY = append(wallC, c.wall), append(wallY, y.wall)
		cpuC, cpuY = append(cpuC, c.cpu), append(cpuY, y.cpu)
		c = runToEnd(b, nil, concur, "run", "--timeout=5m", "--clock=real", many)
		realC, realY = append(realC, c.wall), append(realY, y.wall) // yaegi has one clock
	}
	report(b, "1 goroutine x 1M lines, wall", oneC, oneY, "ratio <= 1.1")
	report(b, "100 goroutines x 10k lines, processor time (all processes)", cpuC, cpuY, "ratio <= 1.2")
	report(b, "100 goroutines x 10k lines, wall", wallC, wallY, "ratio <= 1.3 (see blocking), though one goroutine runs at a time by design")
	report(b, "100 goroutines x 10k lines --clock=real, wall", realC, realY, "ratio <= 1.2")
}

// BenchmarkRoundTrip: one small input through the worker and back, against
// evaluating it in an interpreter in this process. Target: <= 1 ms.
func BenchmarkRoundTrip(b *testing.B) {
	s, err := engine.NewSession(engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	i := interp.New(interp.Options{Stdout: io.Discard})
	i.Use(stdlib.Symbols)
	if _, err := s.Run(context.Background(), "x.go", "x := 0", false, func(event.Event) {}); err != nil {
		b.Fatal(err)
	}
	i.Eval("x := 0")
	var c, y []time.Duration
	for b.Loop() {
		begin := time.Now()
		res, err := s.Run(context.Background(), "x.go", "x++", false, func(event.Event) {})
		if err != nil || res.Code != 0 {
			b.Fatalf("run: %v %+v", err, res)
		}
		c = append(c, time.Since(begin))
		begin = time.Now()
		i.Eval("x++")
		y = append(y, time.Since(begin))
	}
	report(b, "input round trip", c, y, "concur <= 1ms")
}

// BenchmarkVirtualSleeps: 15 s of virtual time (15 goroutines sleeping 1 s
// side by side, then main sleeping 14 x 1 s) on the virtual clock. Baseline: the same program with the
// sleeps taken out. Target: <= 20 ms wall.
func BenchmarkVirtualSleeps(b *testing.B) {
	s, err := engine.NewSession(engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const prog = `
var wg sync.WaitGroup
for i := 0; i < 15; i++ {
	wg.Add(1)
	go func() { defer wg.Done(); time.Sleep(SLEEP); fmt.Println("slept", i) }()
}
wg.Wait()
for i := 0; i < 14; i++ { time.Sleep(SLEEP) }
`
	withSleeps := strings.ReplaceAll(prog, "SLEEP", "time.Second")
	without := strings.ReplaceAll(prog, "SLEEP", "0")
	var c, y []time.Duration
	for b.Loop() {
		for _, k := range []struct {
			src string
			out *[]time.Duration
		}{{withSleeps, &c}, {without, &y}} {
			var total int64
			begin := time.Now()
			_, err := s.Run(context.Background(), "s.go", k.src, false, func(e event.Event) {
				if e.Kind == event.Exit {
					total = e.T
				}
			})
			*k.out = append(*k.out, time.Since(begin))
			if err != nil {
				b.Fatal(err)
			}
			if k.src == withSleeps && total != int64(15*time.Second) {
				b.Fatalf("virtual time %v, want 15s", time.Duration(total))
			}
		}
	}
	report(b, "15 s of virtual sleeps", c, y, "<= 20 ms wall")
}

// BenchmarkRestore: a fatal error of the Go runtime (a stack overflow) ends
// the worker; the next input restores the session's 100 inputs in a new one.
// Baseline: starting a fresh session and running one input. Target: <= 300 ms.
func BenchmarkRestore(b *testing.B) {
	s, err := engine.NewSession(engine.Options{Timeout: time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := range 100 {
		src := fmt.Sprintf("v%d := %d", i, i)
		if i%4 == 1 {
			src = fmt.Sprintf("func f%d(x int) int { return x + %d }", i, i)
		}
		if _, err := s.Run(ctx, "in.go", src, false, func(event.Event) {}); err != nil {
			b.Fatal(err)
		}
	}
	var c, y []time.Duration
	for b.Loop() {
		// End the worker, then time the input that brings it back.
		res, _ := s.Run(ctx, "in.go", `var deep func(int) int; deep = func(n int) int { return deep(n+1) + 1 }; deep(0)`, false, func(event.Event) {})
		if res.Outcome != engine.Died {
			b.Fatalf("the stack overflow did not end the worker: %+v", res)
		}
		begin := time.Now()
		restored := false
		res, err := s.Run(ctx, "in.go", "fmt.Println(f97(v98))", false, func(e event.Event) {
			restored = restored || e.Kind == event.Restore
		})
		c = append(c, time.Since(begin))
		if err != nil || res.Code != 0 || !restored {
			b.Fatalf("restore: %v %+v restored=%v", err, res, restored)
		}
		begin = time.Now()
		fresh, err := engine.NewSession(engine.Options{})
		if err != nil {
			b.Fatal(err)
		}
		fresh.Run(ctx, "in.go", "fmt.Println(1)", false, func(event.Event) {})
		y = append(y, time.Since(begin))
		fresh.Close()
	}
	report(b, "restore 100 inputs after a fatal error (baseline: fresh session + 1 input)", c, y, "<= 300 ms")
}

// pipes returns the pipes to cmd's standard input and from its standard
// output.
func pipes(b *testing.B, cmd *exec.Cmd) (io.WriteCloser, io.ReadCloser) {
	in, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	return in, out
}

// timeToPrompt starts an interactive program on a pseudo-terminal (script(1))
// and times it until its prompt "> " appears, answering the cursor-position
// query line editors send.
func timeToPrompt(b *testing.B, bin string) time.Duration {
	cmd := exec.Command("script", "-q", "-c", bin, "/dev/null")
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+b.TempDir(), "TERM=xterm", "NO_COLOR=1")
	in, out := pipes(b, cmd)
	begin := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	var seen []byte
	buf := make([]byte, 4096)
	var d time.Duration
	for d == 0 {
		n, err := out.Read(buf)
		if err != nil {
			b.Fatalf("%s: no prompt in %q: %v", bin, seen, err)
		}
		seen = append(seen, buf[:n]...)
		if strings.Contains(string(buf[:n]), "\x1b[6n") {
			io.WriteString(in, "\x1b[1;1R")
		}
		if strings.HasSuffix(strings.TrimRight(string(seen), " "), ">") || strings.Contains(string(seen), "> ") {
			d = time.Since(begin)
		}
	}
	in.Close()
	cmd.Process.Kill()
	cmd.Wait()
	return d
}

// BenchmarkFirstPrompt: start to the first prompt on a terminal, concur's
// REPL against yaegi's. Target: ratio <= 1.5.
func BenchmarkFirstPrompt(b *testing.B) {
	if _, err := exec.LookPath("script"); err != nil {
		b.Skip("script(1) is not installed")
	}
	concur, yaegi := binaries(b)
	var c, y []time.Duration
	for range 3 {
		timeToPrompt(b, concur)
		timeToPrompt(b, yaegi)
	}
	for b.Loop() {
		c = append(c, timeToPrompt(b, concur))
		y = append(y, timeToPrompt(b, yaegi))
	}
	report(b, "start to the first prompt", c, y, "ratio <= 1.5")
}
