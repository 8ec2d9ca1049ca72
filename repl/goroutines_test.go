package repl_test

import (
	"strings"
	"testing"

	"github.com/concur-dev/concur/repl"
)

// :goroutines says what each goroutine of the session waits on, since when
// (time stands still between inputs: counted to the end of the last run),
// groups many alike, and gives the total, in the learner's language.
func TestGoroutinesCommand(t *testing.T) {
	lines := []string{
		"ch := make(chan int)",
		"go func() { time.Sleep(time.Second); <-ch }()",
		"time.Sleep(1500 * time.Millisecond)",
		":goroutines",
		"for i := 0; i < 40; i++ { go func() { time.Sleep(time.Hour) }() }",
		"x := 1", // a run that takes no time: the wait began in an earlier one
		":goroutines",
		":lang zh",
		":goroutines",
	}
	_, out, errOut := runREPL(t, repl.Config{Lang: "en"}, lines...)
	want := []string{
		"  g2 main.func1: chan receive on ch (made at #1:1:7), for 500ms\n  1 goroutine alive\n",
		"  g2 main.func1: chan receive on ch (made at #1:1:7), for 500ms\n  main.func1 ×40: sleep\n  41 goroutines alive\n",
		"  g2 main.func1：chan receive（ch，创建于 #1:1:7），已等 500ms\n  main.func1 ×40：sleep\n  共 41 个 goroutine 存活\n",
	}
	rest := out
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf(":goroutines did not say, in order:\n%s\nit said:\n%s\n%s", w, out, errOut)
		}
		rest = rest[i+len(w):]
	}
}
