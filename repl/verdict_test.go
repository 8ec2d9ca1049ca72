package repl

import (
	"bytes"
	"strings"
	"testing"

	"github.com/concur-dev/concur/engine"
	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/rewrite"
	"github.com/concur-dev/concur/stdlib"
)

// TestVerdictSaysWhatIsKept: after a panic the session keeps what it had;
// after a fatal error (a stack overflow) the worker is gone and the next
// input brings the session back without the input to blame: the line says
// so, in the learner's language, live and in a replay.
func TestVerdictSaysWhatIsKept(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		r := &REPL{msg: catalog(lang)}
		panicked := r.verdict(engine.Result{Outcome: engine.Panicked, Code: 2})
		died := r.verdict(engine.Result{Outcome: engine.Died, Code: 2})
		if panicked == "" || died == "" || panicked == died {
			t.Fatalf("%s: after a panic %q, after a fatal error %q", lang, panicked, died)
		}
		if want := map[string]string{"en": "without the input to blame", "zh": "舍弃惹祸的那一段输入"}[lang]; !strings.Contains(died, want) {
			t.Errorf("%s: after a fatal error %q, want it to say %q", lang, died, want)
		}
		var out, errOut bytes.Buffer
		p := NewPrinter(&out, &errOut, false)
		p.Lang = lang
		p.Verdict([]event.Event{{Kind: event.Fatal, Text: "fatal error: stack overflow"}, {Kind: event.Exit, Code: 2}})
		p.Flush()
		if got := strings.TrimSpace(errOut.String()); got != died {
			t.Errorf("%s: a replay's verdict %q, want the REPL's %q", lang, got, died)
		}
	}
}

// TestCompileWordsZh: concur's own words about an import it refuses follow
// the learner's language; the position and the path stay.
func TestCompileWordsZh(t *testing.T) {
	for in, want := range map[string]string{
		`#15:1:8: import "nosuch/pkg": concur runs the standard library only`:                               `#15:1:8: import "nosuch/pkg"：concur 只能运行标准库`,
		`#2:1:8: import "net/http": not available in concur's sandbox; run with --unrestricted to allow it`: `#2:1:8: import "net/http"：concur 的沙箱里没有这个包；要用它，请加 --unrestricted 运行`,
		`#3:1:13: undefined: x`: `#3:1:13: undefined: x`,
	} {
		if got := compileText("zh", in); got != want {
			t.Errorf("compileText(zh, %q) = %q, want %q", in, got, want)
		}
		if got := compileText("en", in); got != in {
			t.Errorf("compileText(en, %q) = %q", in, got)
		}
	}
}

// TestCompileWordsZhRefusal: the rewrite's refusal of an assignment the
// interpreter would get wrong, as the rewrite words it, reads in Chinese.
func TestCompileWordsZhRefusal(t *testing.T) {
	env := rewrite.NewCheckedEnv(stdlib.Names(false), false, nil)
	_, err := rewrite.Rewrite("x.go", "type T struct{ n int }\nfunc (t T) M() {}\nvar c any\nvar k int\nc, k = T{5}, 6\n", env)
	if err == nil {
		t.Fatal("the assignment was not refused")
	}
	zh := compileText("zh", err.Error())
	if zh == err.Error() || !strings.Contains(zh, "请一个一个地赋值") || !strings.HasPrefix(zh, "x.go:5:8: ") {
		t.Errorf("compileText(zh, %q) = %q", err.Error(), zh)
	}
}
