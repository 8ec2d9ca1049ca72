package fidelity

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/repl"
)

// A program is one file of testdata and what its header says.
type program struct {
	name         string // file name without .go
	src          []byte
	mode         mode
	flags        []string // for concur
	env          []string
	stdin        []byte // nil: the program reads no standard input
	compileError bool   // Go refuses to build it
}

// directive matches a header line: "// fidelity: compare=sorted: why".
var directive = regexp.MustCompile(`^// fidelity: ([a-z-]+)(?:=([^\s:]+))?(.*)$`)

func loadPrograms(t *testing.T) []program {
	names, err := filepath.Glob("testdata/*.go")
	if err != nil {
		t.Fatal(err)
	}
	var progs []program
	for _, path := range names {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		p := program{name: strings.TrimSuffix(filepath.Base(path), ".go"), src: src}
		for l := range strings.Lines(string(src)) {
			if strings.HasPrefix(l, "package ") {
				break
			}
			m := directive.FindStringSubmatch(strings.TrimSpace(l))
			if m == nil {
				continue
			}
			key, value, why := m[1], m[2], strings.TrimSpace(strings.TrimPrefix(m[3], ":"))
			switch key {
			case "compare":
				p.mode = mode(value)
				if !slices.Contains([]mode{byInstant, bySorted, byStatus}, p.mode) {
					t.Errorf("%s: compare=%s: want instant, sorted or status", path, value)
				}
				if why == "" {
					t.Errorf("%s: compare=%s must say why Go's output is not fixed", path, value)
				}
			case "flags":
				p.flags = strings.Split(value, ",")
			case "env":
				p.env = append(p.env, value)
			case "compile-error":
				p.compileError = true
			default:
				t.Errorf("%s: unknown directive %q", path, key)
			}
		}
		if in, err := os.ReadFile(strings.TrimSuffix(path, ".go") + ".stdin"); err == nil {
			p.stdin = in
		}
		progs = append(progs, p)
	}
	return progs
}

// toolEnv is the environment of the go command the test runs: no
// workspace, no toolchain download, no cgo (nothing here needs it).
func toolEnv() []string {
	return append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "CGO_ENABLED=0", "GOFLAGS=")
}

// build writes a module with one package per program into dir and builds
// them in one go command, in parallel: runnable programs with -tags
// faketime into dir/bin, and the ones Go refuses just to get its errors.
// It returns the compiler's first error of each refused program.
func build(t *testing.T, goTool, dir string, progs []program) map[string]string {
	for _, sub := range []string{"ok", "bad"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		mod := "module fidelity.test/" + sub + "\n\ngo 1.26\n"
		if err := os.WriteFile(filepath.Join(dir, sub, "go.mod"), []byte(mod), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range progs {
		pdir := programDir(dir, p)
		if err := os.MkdirAll(pdir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pdir, p.name+".go"), p.src, 0o644); err != nil {
			t.Fatal(err)
		}
		// testdata/NAME/ holds the files the program embeds (//go:embed).
		if files := filepath.Join("testdata", p.name); isDir(files) {
			if err := os.CopyFS(pdir, os.DirFS(files)); err != nil {
				t.Fatal(err)
			}
		}
	}
	var (
		wg      sync.WaitGroup
		okErr   error
		okOut   []byte
		badOut  []byte
		started = time.Now()
	)
	wg.Go(func() {
		cmd := exec.Command(goTool, "build", "-tags", "faketime", "-ldflags=-s -w", "-o", filepath.Join(dir, "bin")+"/", "./...")
		cmd.Dir, cmd.Env = filepath.Join(dir, "ok"), toolEnv()
		okOut, okErr = cmd.CombinedOutput()
	})
	wg.Go(func() {
		cmd := exec.Command(goTool, "build", "./...")
		cmd.Dir, cmd.Env = filepath.Join(dir, "bad"), toolEnv()
		badOut, _ = cmd.CombinedOutput()
	})
	wg.Go(func() {
		cmd := exec.Command(goTool, "build", "-ldflags=-s -w", "-o", filepath.Join(dir, "concur"), "github.com/concur-dev/concur/cmd/concur")
		cmd.Env = toolEnv()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("build concur: %v\n%s", err, out)
		}
	})
	wg.Wait()
	if okErr != nil {
		t.Fatalf("go build of the programs: %v\n%s", okErr, okOut)
	}
	t.Logf("built concur and %d programs in %v", len(progs), time.Since(started).Round(time.Millisecond))
	// go build prints "# fidelity.test/bad/NAME" before each package's errors.
	errs := map[string]string{}
	for _, part := range strings.Split(string(badOut), "# fidelity.test/bad/")[1:] {
		name, rest, _ := strings.Cut(part, "\n")
		errs[name] = firstCompileError(rest)
	}
	return errs
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

func programDir(dir string, p program) string {
	sub := "ok"
	if p.compileError {
		sub = "bad"
	}
	return filepath.Join(dir, sub, p.name)
}

// deadline is only a backstop for a run that hangs: every program here
// ends in well under a second.
const deadline = 2 * time.Minute

type ran struct {
	stdout, stderr []byte
	code           int
}

func execute(t *testing.T, dir string, stdin []byte, env []string, name string, args ...string) ran {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.Exited():
	case err != nil:
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, errOut.Bytes())
	}
	return ran{stdout: out.Bytes(), stderr: errOut.Bytes(), code: cmd.ProcessState.ExitCode()}
}

// concurEnv keeps concur's messages in English and its state out of the
// user's home.
func concurEnv(t *testing.T, state string, p program) []string {
	return append([]string{"LC_ALL=C", "LANG=C", "NO_COLOR=1", "XDG_STATE_HOME=" + state, "HOME=" + state}, p.env...)
}

func TestFidelity(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		msg := "NO go ON PATH: THE DIFFERENTIAL FIDELITY SUITE DID NOT RUN (it needs the Go toolchain as its oracle)"
		if os.Getenv("CI") != "" || os.Getenv("CONCUR_GEN_FULL") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	progs := loadPrograms(t)
	if len(progs) < 150 {
		t.Errorf("%d programs; the suite wants at least 150", len(progs))
	}
	dir := t.TempDir()
	compileErrs := build(t, goTool, dir, progs)
	concur := filepath.Join(dir, "concur")
	state := filepath.Join(dir, "state")

	var matched, replMatched, replChecked atomic.Int32
	t.Run("programs", func(t *testing.T) {
		for _, p := range progs {
			t.Run(p.name, func(t *testing.T) {
				t.Parallel()
				pdir := programDir(dir, p)
				file := filepath.Join(pdir, p.name+".go")
				env := concurEnv(t, state, p)

				var (
					want outcome
					err  error
				)
				if p.compileError {
					want = outcome{end: compileErrs[p.name], code: 1}
					if want.end == "" {
						t.Fatalf("compile-error: Go built the program")
					}
				} else {
					r := execute(t, pdir, p.stdin, p.env, filepath.Join(dir, "bin", p.name))
					want, err = goOutcome(r.stdout, r.stderr, r.code)
					if err != nil {
						t.Fatalf("Go's output: %v", err)
					}
				}
				r := execute(t, pdir, p.stdin, env, concur, append(append([]string{"run", "--json"}, p.flags...), file)...)
				got, err := concurOutcome(r.stdout)
				if err != nil {
					t.Fatalf("concur run --json: %v\nstderr: %s", err, r.stderr)
				}
				diffs := compare(want, got, p.mode)
				reason, listed := differences[p.name+".go"]
				switch {
				case len(diffs) > 0 && !listed:
					t.Errorf("concur differs from Go (and differences_test.go does not list it):\n%s", strings.Join(diffs, "\n"))
				case len(diffs) == 0 && listed:
					t.Errorf("listed in differences (%s), but concur now prints what Go prints: remove it from the list and from README.md", reason)
				case listed:
					t.Logf("known difference: %s\n%s", reason, strings.Join(diffs, "\n"))
				default:
					matched.Add(1)
				}

				if p.stdin != nil {
					return // the REPL reads the program on its standard input
				}
				replChecked.Add(1)
				// What `concur run` prints is its printer's rendering of the
				// events --json gave (cmd/concur: repl.Printer, unpaced off a
				// terminal), so the events stand in for a third run.
				run := printed(t, r.stdout, r.code)
				repl := execute(t, pdir, p.src, env, concur, p.flags...)
				var rdiffs []string
				if run.code != repl.code {
					rdiffs = append(rdiffs, fmt.Sprintf("exit status: concur run %d, concur < file %d", run.code, repl.code))
				}
				if p.mode != byStatus {
					for _, s := range []struct{ name, run, repl string }{
						{"stdout", logPlaces(string(run.stdout), file), logPlaces(string(repl.stdout), "#1")},
						{"stderr", logPlaces(unnamed(string(run.stderr), file), file), logPlaces(unnamed(string(repl.stderr), "#1"), "#1")},
					} {
						if !samePrinted(s.run, s.repl, p.mode) {
							rdiffs = append(rdiffs, fmt.Sprintf("%s differs:\n  concur run:\n%s\n  concur < file:\n%s", s.name, indent(s.run), indent(s.repl)))
						}
					}
				}
				reason, listed = replDifferences[p.name+".go"]
				switch {
				case len(rdiffs) > 0 && !listed:
					t.Errorf("concur < %s.go differs from concur run (and replDifferences does not list it):\n%s", p.name, strings.Join(rdiffs, "\n"))
				case len(rdiffs) == 0 && listed:
					t.Errorf("listed in replDifferences (%s), but concur < file now prints what concur run prints: remove it", reason)
				case listed:
					t.Logf("known REPL difference: %s\n%s", reason, strings.Join(rdiffs, "\n"))
				default:
					replMatched.Add(1)
				}
			})
		}
	})
	t.Logf("%d of %d programs print what Go prints (%d listed differences); concur < file prints what concur run prints for %d of %d",
		matched.Load(), len(progs), len(differences), replMatched.Load(), replChecked.Load())
	if !t.Failed() {
		checkREADMECount(t, len(progs), len(progs)-len(differences))
	}
}

// positionNamed matches a position's name where concur gives one: the
// start of a line or of a traceback's indented frame, followed by
// `:line:col` or by the `: ` of a message about the whole input.
func positionNamed(name string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)(^|\t)` + regexp.QuoteMeta(name) + `(:\d+:\d+|: )`)
}

// unnamed takes the name out of the positions of concur's messages about
// a program: `concur run prog.go` names the file (prog.go:7:14), the REPL
// fed it on its standard input names the input (#1:7:14), since what it
// reads has no file name. What is compared is the line and column.
func unnamed(out, name string) string {
	return positionNamed(name).ReplaceAllString(out, "${1}INPUT${2}")
}

// logPlaces takes the name out of the places log.Lshortfile and Llongfile
// print (prog.go:14: msg, or the file's whole path), which the REPL names
// as it names positions (#1:14: msg): what is compared is the line.
func logPlaces(out, name string) string {
	names := regexp.QuoteMeta(name)
	if base := filepath.Base(name); base != name {
		names += "|" + regexp.QuoteMeta(base)
	}
	return regexp.MustCompile(`(?m)(^|[ \t])(?:`+names+`)(:\d+: )`).ReplaceAllString(out, "${1}INPUT${2}")
}

// readmeCount is README.md's sentence that gives the suite's numbers.
var readmeCount = regexp.MustCompile(`builds (\d+) small programs with the Go toolchain and runs them\s+with ` + "`concur run`" + `: (\d+) print what Go prints`)

// checkREADMECount keeps README's count of programs and of those that
// match true.
func checkREADMECount(t *testing.T, programs, matching int) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := readmeCount.FindSubmatch(readme)
	if m == nil {
		t.Fatalf("README.md does not say how many programs the suite builds and how many match (%q)", readmeCount)
	}
	if string(m[1]) != strconv.Itoa(programs) || string(m[2]) != strconv.Itoa(matching) {
		t.Errorf("README.md says the suite builds %s programs and %s match; it builds %d and %d match", m[1], m[2], programs, matching)
	}
}

// printed renders an event stream as `concur run` prints it off a terminal.
func printed(t *testing.T, jsonl []byte, code int) ran {
	var out, errOut bytes.Buffer
	p := repl.NewPrinter(&out, &errOut, false)
	for l := range bytes.Lines(jsonl) {
		e, err := event.Parse(bytes.TrimSpace(l))
		if err != nil {
			t.Fatalf("event %q: %v", l, err)
		}
		p.Event(e)
	}
	p.Flush()
	return ran{stdout: out.Bytes(), stderr: errOut.Bytes(), code: code}
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n    ")
}

// TestDifferencesListed checks the tables against the programs and
// README.md: every listed program exists and is named in README's
// "Differences from Go", and every program README names there is listed.
func TestDifferencesListed(t *testing.T) {
	progs := map[string]program{}
	for _, p := range loadPrograms(t) {
		progs[p.name+".go"] = p
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Differences from Go\n")
	if !ok {
		t.Fatal(`README.md has no "## Differences from Go"`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	for _, table := range []struct {
		name string
		m    map[string]string
	}{{"differences", differences}, {"replDifferences", replDifferences}} {
		for name, reason := range table.m {
			p, ok := progs[name]
			switch {
			case !ok:
				t.Errorf("%s lists %s, which is not in testdata", table.name, name)
			case reason == "":
				t.Errorf("%s lists %s without a reason", table.name, name)
			case table.name == "replDifferences" && p.stdin != nil:
				t.Errorf("replDifferences lists %s, which reads standard input and is not run in the REPL", name)
			}
			if !strings.Contains(section, "`"+name+"`") {
				t.Errorf("README.md's Differences from Go does not name `%s` (%s: %s)", name, table.name, reason)
			}
		}
	}
	for _, m := range regexp.MustCompile("`([a-z0-9_]+\\.go)`").FindAllStringSubmatch(section, -1) {
		name := m[1]
		if _, ok := progs[name]; !ok {
			continue
		}
		if _, ok := differences[name]; ok {
			continue
		}
		if _, ok := replDifferences[name]; ok {
			continue
		}
		t.Errorf("README.md's Differences from Go names `%s`, which no table lists", name)
	}
}
