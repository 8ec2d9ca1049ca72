package stdlib

import (
	"os"
	"strings"
	"testing"
)

func TestSandboxCutsWhatTouchesFiles(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{`import "path/filepath"` + "\nfunc main() { filepath.Glob(\"*\") }", `package filepath "path/filepath" has no symbol Glob`},
		{`import "path/filepath"` + "\nfunc main() { filepath.Abs(\"x\") }", `package filepath "path/filepath" has no symbol Abs`},
		{`import "text/template"` + "\nfunc main() { template.ParseFiles(\"x\") }", `package template "text/template" has no symbol ParseFiles`},
	} {
		_, err := run(t, "package main\n"+tt.src, false)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("eval %q: error %v, want one containing %q", tt.src, err, tt.want)
		}
	}
	for _, name := range []string{"os", "runtime", "filepath", "template"} {
		if !CutDown(name) {
			t.Errorf("CutDown(%q) = false", name)
		}
	}
	if CutDown("fmt") {
		t.Error(`CutDown("fmt") = true`)
	}
	// What only computes is there.
	h, err := run(t, `package main
import ("crypto/sha256"; "encoding/hex"; "fmt"; "net/url"; "path/filepath")
func main() {
	sum := sha256.Sum256([]byte("x"))
	u, _ := url.Parse("https://example.com/a?b=c")
	fmt.Println(hex.EncodeToString(sum[:4]), u.Query().Get("b"), filepath.Join("a", "b"))
}`, false)
	if out, _, _ := h.record(); err != nil || out != "2d711642 c a/b\n" {
		t.Errorf("pure packages: %q, %v", out, err)
	}
}

func TestCheckSource(t *testing.T) {
	src := "t := template.Must(template.New(\"x\").Parse(\"\"))\nt.ParseFiles(\"a\") // t.ParseGlob in a comment\n//go:embed notes.txt\nvar notes string\n"
	err := CheckSource(src, false)
	want := "2:3: a template's ParseFiles reads files, which concur's sandbox does not allow; run with --unrestricted to allow it"
	if err == nil || err.Error() != want {
		t.Errorf("CheckSource = %v\nwant %s", err, want)
	}
	if err := CheckSource(src, true); err != nil {
		t.Errorf("unrestricted: CheckSource = %v; want nothing refused (//go:embed is the rewrite's)", err)
	}
	if err := CheckSource("h := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{AddSource: true})", true); err == nil || !strings.HasPrefix(err.Error(), "1:58: slog's AddSource is not supported") {
		t.Errorf("AddSource: CheckSource = %v", err)
	}
	if err := CheckSource("fmt.Println(t.Parse)", false); err != nil {
		t.Errorf("CheckSource of a harmless input: %v", err)
	}
}

func TestFlag(t *testing.T) {
	h, err := run(t, `package main
import ("flag"; "fmt"; "os")
func main() {
	n := flag.Int("n", 1, "how many")
	var name string
	flag.StringVar(&name, "name", "x", "who")
	args := []string{"prog", "-n", "3", "rest"}
	os.Args = args // (the interpreter ignores a composite literal assigned to a library variable)
	flag.Parse()
	fmt.Println(*n, name, flag.Args(), flag.NArg(), flag.Parsed(), flag.CommandLine.Lookup("n").Value)
	flag.CommandLine.Parse([]string{"-bad"})
}`, false)
	out, errOut, exits := h.record()
	if err != nil || out != "3 x [rest] 1 true 3\n" {
		t.Errorf("flag: %q, %v", out, err)
	}
	if !strings.HasPrefix(errOut, "flag provided but not defined: -bad\nUsage of prog:\n  -n int\n    \thow many (default 1)\n") || len(exits) != 1 || exits[0] != 2 {
		t.Errorf("a bad flag on CommandLine.Parse (ExitOnError, as Go's): stderr %q, exits %v; want exit 2", errOut, exits)
	}

	h, _ = run(t, `package main
import ("flag"; "os")
func main() { flag.Bool("v", false, "verbose"); a := []string{"prog", "-x"}; os.Args = a; flag.Parse() }`, false)
	if _, errOut, exits := h.record(); len(exits) != 1 || exits[0] != 2 || !strings.Contains(errOut, "-x") {
		t.Errorf("flag.Parse of a bad flag: exits %v, stderr %q; want exit 2", exits, errOut)
	}

	for _, c := range []struct {
		arg  string
		exit int
	}{{"-y", 2}, {"-help", 0}} {
		h, err = run(t, `package main
import "flag"
func main() { flag.NewFlagSet("tool", flag.ExitOnError).Parse([]string{"`+c.arg+`"}) }`, false)
		if _, errOut, exits := h.record(); err != nil || len(exits) != 1 || exits[0] != c.exit || !strings.Contains(errOut, "Usage of tool:") {
			t.Errorf("a FlagSet made with ExitOnError parses %s: %v, exits %v, stderr %q; want exit %d after the usage", c.arg, err, exits, errOut, c.exit)
		}
	}
}

func TestEnvironment(t *testing.T) {
	t.Setenv("CONCUR_TEST_ENV", "seen")
	src := `package main
import ("fmt"; "os")
func main() {
	v, ok := os.LookupEnv("CONCUR_TEST_ENV")
	fmt.Println(os.Getenv("CONCUR_TEST_ENV"), v, ok)
	fmt.Println(os.Setenv("CONCUR_TEST_SET", "mine"), os.Getenv("CONCUR_TEST_SET"), os.Setenv("", "x") != nil)
	os.Unsetenv("CONCUR_TEST_ENV")
	_, ok = os.LookupEnv("CONCUR_TEST_ENV")
	fmt.Println(ok)
}`
	for _, unrestricted := range []bool{false, true} {
		h, err := run(t, src, unrestricted)
		out, _, _ := h.record()
		if err != nil || out != "seen seen true\n<nil> mine true\nfalse\n" {
			t.Errorf("unrestricted=%v: %q, %v", unrestricted, out, err)
		}
		// Only unrestricted mode changes the worker's own environment.
		_, set := os.LookupEnv("CONCUR_TEST_SET")
		_, kept := os.LookupEnv("CONCUR_TEST_ENV")
		if set != unrestricted || kept == unrestricted {
			t.Errorf("unrestricted=%v: the process environment has CONCUR_TEST_SET %v, CONCUR_TEST_ENV %v", unrestricted, set, kept)
		}
		os.Unsetenv("CONCUR_TEST_SET")
		os.Setenv("CONCUR_TEST_ENV", "seen")
	}
}
