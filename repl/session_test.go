package repl_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/concur-dev/concur/repl"
)

// TestRandomAfterReplay (issue 8 item 5): a session draws its random numbers
// from a seed of its own, so a replay draws the same ones: after the worker
// is replaced (a stack overflow ends it) and after each clock switch, the
// variables hold what the first run drew, from math/rand and math/rand/v2.
func TestRandomAfterReplay(t *testing.T) {
	const show = `fmt.Println("drawn", v, w, p)`
	_, out, errOut := runREPL(t, repl.Config{Lang: "en"},
		`import r2 "math/rand/v2"`,
		`v := r2.IntN(1000000000); w := rand.Intn(1000000000); p := rand.Perm(6)`,
		show,
		`var deep func(int) int; deep = func(n int) int { return deep(n+1) + 1 }; deep(0)`,
		show,
		":clock real",
		show,
		":clock virtual",
		show,
	)
	drawn := regexp.MustCompile(`(?m)│ drawn (.*)$`).FindAllStringSubmatch(out, -1)
	if len(drawn) != 4 {
		t.Fatalf("want 4 lines of drawn numbers:\n%s\nerrors:\n%s", out, errOut)
	}
	for i, d := range drawn[1:] {
		if d[1] != drawn[0][1] {
			t.Errorf("replay %d drew %q; the first run drew %q", i+1, d[1], drawn[0][1])
		}
	}
	if !strings.Contains(errOut, "concur: new program (the last one died: fatal error: stack overflow); replayed 3 earlier input(s)") {
		t.Errorf("the worker was not replaced:\n%s", errOut)
	}
	if n := strings.Count(out, "input(s) replayed on it"); n != 2 {
		t.Errorf("%d clock switches replayed the session, want 2:\n%s", n, out)
	}
}
