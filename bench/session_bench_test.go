package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/repl"
)

// BenchmarkInterruptToPrompt (issue 8): in the REPL, with n goroutines
// alive, Ctrl-C (SIGINT, as the terminal sends it while code runs) until the
// REPL asks for the next input: the run stopped, the report of what each
// goroutine was doing drawn, the prompt back. Target: median <= 1 s at 1 M.
// Prints the median per size; nothing fails on a timing.
func BenchmarkInterruptToPrompt(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		var took, report []time.Duration
		for range 3 {
			t, r := interruptToPrompt(b, n)
			took, report = append(took, t), append(report, r)
		}
		fmt.Printf("Ctrl-C to the prompt with %d goroutines alive: median %v (samples %v; target <= 1s at 1 M); to the report of the stop on screen: median %v\n",
			n, median(took).Round(time.Millisecond), roundAll(took), median(report).Round(time.Millisecond))
	}
}

func roundAll(ds []time.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.Round(time.Millisecond)
	}
	return out
}

// interruptToPrompt runs one REPL whose input starts n goroutines that
// sleep forever, says so and waits; once that line is out, it sends SIGINT
// and times until the REPL reads its next line.
func interruptToPrompt(b *testing.B, n int) (toPrompt, toReport time.Duration) {
	b.Helper()
	src := &promptClock{lines: []string{
		fmt.Sprintf(`for i := 0; i < %d; i++ { go func() { for { time.Sleep(time.Second) } }() }; fmt.Println("started"); select {}`, n),
	}}
	var reported time.Time
	out := &watchWriter{want: [][]byte{[]byte("│ started"), []byte("stopped: interrupted")}, seen: func(i int) {
		if i == 1 {
			reported = time.Now()
			return
		}
		src.mu.Lock()
		src.sent = time.Now()
		src.mu.Unlock()
		syscall.Kill(os.Getpid(), syscall.SIGINT)
	}}
	repl.Run(repl.Config{
		Lang: "en", Out: out, Err: out,
		Engine: engine.Options{Clock: "virtual", MaxVirtual: 1000 * time.Hour, Timeout: 30 * time.Minute, MemoryLimit: 16e9},
	}, src)
	src.mu.Lock()
	defer src.mu.Unlock()
	if src.sent.IsZero() || src.prompt.IsZero() {
		b.Fatalf("the run did not start or was not stopped:\n%s", out.tail())
	}
	if !strings.Contains(out.tail(), "stopped: interrupted") {
		b.Fatalf("no report of the stop:\n%s", out.tail())
	}
	return src.prompt.Sub(src.sent), reported.Sub(src.sent)
}

// promptClock is a line source that notes when the REPL first asks for a
// line after the test sent SIGINT.
type promptClock struct {
	mu           sync.Mutex
	lines        []string
	sent, prompt time.Time
}

func (p *promptClock) ReadLine(string) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.sent.IsZero() && p.prompt.IsZero() {
		p.prompt = time.Now()
	}
	if len(p.lines) == 0 {
		return "", io.EOF
	}
	line := p.lines[0]
	p.lines = p.lines[1:]
	return line, nil
}

func (p *promptClock) AddHistory(string)     {}
func (p *promptClock) History() []string     { return nil }
func (p *promptClock) Interactive() bool     { return true }
func (p *promptClock) Skip() <-chan struct{} { return nil }
func (p *promptClock) Close() error          { return nil }

// watchWriter keeps the end of what is written and calls seen(i) once
// when want[i] has been written, each in turn.
type watchWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	want [][]byte
	seen func(i int)
	next int
}

func (w *watchWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.buf.Write(p)
	if w.buf.Len() > 64<<10 {
		tail := append([]byte(nil), w.buf.Bytes()[w.buf.Len()-32<<10:]...)
		w.buf.Reset()
		w.buf.Write(tail)
	}
	fire := -1
	if w.next < len(w.want) && bytes.Contains(w.buf.Bytes(), w.want[w.next]) {
		fire = w.next
		w.next++
	}
	w.mu.Unlock()
	if fire >= 0 {
		w.seen(fire)
	}
	return len(p), nil
}

func (w *watchWriter) tail() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// BenchmarkResetMemory (issue "Scale"): the terminal side's resident memory
// in a fresh REPL, after an input that prints 300 k lines (the REPL keeps
// the run's events for :timeline), and after :reset. Target: after :reset
// within 100 MB of fresh. Reads /proc, so Linux only; prints the figures.
func BenchmarkResetMemory(b *testing.B) {
	concur, _ := binaries(b)
	for b.Loop() {
		cmd := exec.Command(concur)
		cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+b.TempDir(), "XDG_STATE_HOME="+b.TempDir(), "XDG_CONFIG_HOME="+b.TempDir())
		in, out := pipes(b, cmd)
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		lines.Buffer(nil, 1<<20)
		until := func(marker string) {
			for lines.Scan() {
				if strings.Contains(lines.Text(), marker) {
					return
				}
			}
			b.Fatalf("the REPL ended before %q", marker)
		}
		rss := func() int64 {
			status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
			if err != nil {
				b.Fatal(err)
			}
			for _, l := range strings.Split(string(status), "\n") {
				if kb, ok := strings.CutPrefix(l, "VmRSS:"); ok {
					n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(kb), "kB")), 10, 64)
					return n << 10
				}
			}
			b.Fatal("no VmRSS")
			return 0
		}
		fmt.Fprintln(in, `fmt.Println("ready")`)
		until("│ ready")
		fresh := rss()
		fmt.Fprintln(in, `for i := 0; i < 300000; i++ { fmt.Println("line", i, strings.Repeat("y", 100)) }`)
		fmt.Fprintln(in, `fmt.Println("printed")`)
		until("│ printed")
		big := rss()
		fmt.Fprintln(in, ":reset")
		fmt.Fprintln(in, `fmt.Println("reset")`)
		until("│ reset")
		reset := rss()
		in.Close()
		io.Copy(io.Discard, out)
		cmd.Wait()
		fmt.Printf("terminal side's memory: fresh %s, after 300 k lines %s, after :reset %s (target: within 100 MB of fresh)\n",
			mib(fresh), mib(big), mib(reset))
	}
}
