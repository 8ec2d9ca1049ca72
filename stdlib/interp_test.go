package stdlib

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"

	_ "github.com/concur-dev/concur/stdlib/unrestricted"
)

// run evaluates a program (not rewritten: no goroutine of its own may use
// a channel) with the interpreter's Stdout and Stderr set to the hooks'
// writers, as the main goroutine of a run on the virtual clock.
func run(t *testing.T, src string, unrestricted bool) (*fakeHooks, error) {
	t.Helper()
	h := newFake(true)
	var err error
	h.run(t, func() {
		i := interp.New(interp.Options{Stdout: h.Stdout(), Stderr: h.Stderr(), Unrestricted: unrestricted})
		if err := useAll(i, h, unrestricted); err != nil {
			t.Fatal(err)
		}
		_, err = i.Eval(src)
	})
	return h, err
}

func TestSnippets(t *testing.T) {
	tests := []struct {
		name         string
		unrestricted bool
		src          string
		stdout       string // exact
		stderr       string // a regular expression
		exits        []int
		gos          []string
	}{{
		name:   "output is captured",
		src:    `fmt.Println("a"); fmt.Fprintln(os.Stdout, "b"); os.Stdout.WriteString("c\n"); fmt.Fprintf(os.Stderr, "d\n")`,
		stdout: "a\nb\nc\n",
		stderr: `^d\n$`,
	}, {
		name:   "os.Stdout is a restricted os.File",
		src:    `var f *os.File = os.Stdout; fmt.Println(f.Name(), os.Stderr.Name())`,
		stdout: "/dev/stdout /dev/stderr\n",
	}, {
		name:   "os.Exit ends the snippet",
		src:    `fmt.Println("before"); os.Exit(3); fmt.Println("after")`,
		stdout: "before\n",
		exits:  []int{3},
	}, {
		name:   "time.Sleep is virtual",
		src:    `start := time.Now(); time.Sleep(1500 * time.Millisecond); fmt.Println(time.Since(start), time.Now().Year())`,
		stdout: "1.5s 2009\n",
	}, {
		name: "sync.Mutex embedded in an interpreted struct",
		src: `type C struct { sync.Mutex; n int }
			c := &C{}
			var wg sync.WaitGroup
			for i := 0; i < 10; i++ {
				wg.Go(func() { c.Lock(); c.n++; c.Unlock() })
			}
			wg.Wait()
			fmt.Println(c.n)`,
		stdout: "10\n",
		gos:    slices.Repeat([]string{"sync.WaitGroup.Go"}, 10),
	}, {
		name: "RWMutex, Once and OnceFunc",
		src: `type Cache struct { sync.RWMutex; m map[string]int }
			c := Cache{m: map[string]int{}}
			var once sync.Once
			for i := 0; i < 3; i++ { once.Do(func() { c.Lock(); c.m["x"]++; c.Unlock() }) }
			f := sync.OnceFunc(func() { c.m["y"]++ }); f(); f()
			c.RLock(); fmt.Println(c.m); c.RUnlock()`,
		stdout: "map[x:1 y:1]\n",
	}, {
		name: "log writes to stderr with the clock's time, and Fatal exits 1",
		src: `log.Println("hello")
			l := log.New(os.Stderr, "p: ", 0)
			l.Printf("%d", 42)
			log.Fatal("boom")
			fmt.Println("after")`,
		stderr: `^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d hello\np: 42\n\d{4}/\d\d/\d\d \d\d:\d\d:\d\d boom\n$`,
		exits:  []int{1},
	}, {
		name:   "a Logger's Fatal exits 1",
		src:    `log.New(os.Stdout, "", 0).Fatalln("bye")`,
		stdout: "bye\n",
		exits:  []int{1},
	}, {
		name: "log.Lshortfile without the place of the call is refused, saying why",
		src: `defer func() { fmt.Println(recover()) }()
			log.SetFlags(log.Lshortfile)
			log.Println("where")`,
		stdout: "log.Lshortfile and log.Llongfile: concur knows the line of a log call written as a call of log's function or of a Logger's method, " +
			"not of a method value called later or of Output with a calldepth other than 1; call it directly, or leave the flag out (log.SetFlags(log.LstdFlags))\n",
	}, {
		name: "log.Lshortfile prints the place ConcurAt gives, after the prefix and before it with Lmsgprefix",
		src: `l := log.New(os.Stdout, "p: ", log.Lshortfile)
			l.ConcurAt("prog.go", "/src/prog.go", 7).Println("here")
			l.SetFlags(log.Llongfile | log.Lmsgprefix)
			l.ConcurAt("prog.go", "/src/prog.go", 8).Output(1, "there\n")
			log.SetOutput(os.Stdout)
			log.SetFlags(log.Lshortfile)
			log.ConcurAt("prog.go", "/src/prog.go", 9).Printf("%d", 3)`,
		stdout: "p: prog.go:7: here\n/src/prog.go:8: p: there\nprog.go:9: 3\n",
	}, {
		name: "log.Panic panics",
		src: `defer func() { fmt.Println("recovered:", recover()) }()
			log.SetFlags(0)
			log.Panicf("x=%d", 1)`,
		stdout: "recovered: x=1\n",
		stderr: `^x=1\n$`,
	}, {
		name:   "runtime.NumGoroutine counts the snippet's goroutines",
		src:    `fmt.Println(runtime.NumGoroutine())`,
		stdout: "1\n",
	}, {
		name: "interpreted Stringers are seen by fmt and log",
		src: `type T int
			func (T) String() string { return "T!" }
			func main() { fmt.Println(T(1)); fmt.Printf("%v %s\n", T(2), T(3)); log.SetFlags(0); log.Print(T(4)) }`,
		stdout: "T!\nT! T!\n",
		stderr: `^T!\n$`,
	}, {
		name:   "misuse reads as Go's fatal error",
		src:    `defer func() { fmt.Println(recover()) }(); var mu sync.Mutex; mu.Unlock()`,
		stdout: "fatal error: sync: unlock of unlocked mutex\n",
	}, {
		name:   "math/rand/v2, slices and json",
		src:    `b, _ := json.Marshal(map[string]int{"a": 1}); fmt.Println(rand.IntN(10) < 10, slices.Contains([]int{1, 2}, 2), string(b))`,
		stdout: "true true {\"a\":1}\n",
	}, {
		name:         "unrestricted: all of os and runtime, still instrumented",
		unrestricted: true,
		src: `_, err := os.Stat("/nonexistent/concur"); fmt.Println(os.IsNotExist(err), http.StatusText(404), unsafe.Sizeof(int64(0)), runtime.NumGoroutine())
			os.Exit(4)`,
		stdout: "true Not Found 8 1\n",
		exits:  []int{4},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := run(t, program(tt.src), tt.unrestricted)
			if err != nil {
				t.Fatalf("eval: %v", err)
			}
			stdout, stderr, exits := h.record()
			var gos []string
			for _, e := range h.events {
				if e.Kind == "go" {
					gos = append(gos, e.Name)
				}
			}
			if stdout != tt.stdout {
				t.Errorf("stdout = %q, want %q", stdout, tt.stdout)
			}
			if tt.stderr == "" && stderr != "" || !regexp.MustCompile(tt.stderr).MatchString(stderr) {
				t.Errorf("stderr = %q, want a match for %q", stderr, tt.stderr)
			}
			if !slices.Equal(exits, tt.exits) || !slices.Equal(gos, tt.gos) {
				t.Errorf("hooks saw exits %v, goroutines %q; want %v, %q", exits, gos, tt.exits, tt.gos)
			}
		})
	}
}

// program wraps a snippet in package main, importing the packages it
// names; a snippet that declares func main is taken as top-level
// declarations.
func program(src string) string {
	var imports strings.Builder
	for _, p := range []string{"context", "encoding/json", "fmt", "log", "math/rand/v2", "net/http", "os", "runtime", "slices", "sync", "time", "unsafe"} {
		name := path.Base(p)
		if name == "v2" {
			name = "rand"
		}
		if strings.Contains(src, name+".") {
			fmt.Fprintf(&imports, "import %q\n", p)
		}
	}
	if !strings.Contains(src, "func main()") {
		src = "func main() {\n" + src + "\n}"
	}
	return "package main\n" + imports.String() + src
}

func TestRestrictedImportsFail(t *testing.T) {
	tests := []struct{ src, want string }{
		{`import "net/http"` + "\nfunc main() { http.Get(\"http://example.com\") }", `import "net/http" error`},
		{`import "os"` + "\nfunc main() { os.Remove(\"x\") }", `package os "os" has no symbol Remove`},
		{`import "runtime"` + "\nfunc main() { runtime.Stack(nil, true) }", `package runtime "runtime" has no symbol Stack`},
	}
	for _, tt := range tests {
		_, err := run(t, "package main\n"+tt.src, false)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("eval %q: error %v, want one containing %q", tt.src, err, tt.want)
		}
	}
}

// TestEmbeddedLockIsNotALocker pins a yaegi v0.16.1 limitation the engine
// must know about: promoted pointer methods of an embedded binary struct
// (sync.Mutex here; Go's own type behaves the same in yaegi) can be called,
// but do not count towards satisfying an interface. If this test fails,
// yaegi has fixed it.
func TestEmbeddedLockIsNotALocker(t *testing.T) {
	src := program(`type C struct { sync.Mutex }
		func main() { var l sync.Locker = &C{}; l.Lock() }`)
	_, err := run(t, src, false)
	if err == nil || !strings.Contains(err.Error(), "cannot use type *main.C as type sync.Locker") {
		t.Errorf("eval: %v; want yaegi's known 'cannot use type *main.C as type sync.Locker'", err)
	}
}

// useAll is Use with all of concur's generic packages compiled, as a
// worker has each once an input imports it.
func useAll(i *interp.Interpreter, h Hooks, unrestricted bool) error {
	if err := Use(i, h, unrestricted); err != nil {
		return err
	}
	for _, path := range GenericPackages {
		if err := LoadGeneric(i, path); err != nil {
			return err
		}
	}
	return nil
}
