package langcheck

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	c := New()
	c.AllowCode("func task(name string) {\n\tfmt.Println(\"task\", name, \"start\")\n}\n")
	for text, want := range map[string]string{
		// Chinese with what may stay in Latin letters.
		"第 1/26 课：同步阻塞":                                      "",
		"运行 tasks.go：":                                       "",
		" +0.000s  g1 main │ task A start":                   "",
		"+10.000s  g2 main.func1 │ anything at all":          "",
		"fatal error: all goroutines are asleep - deadlock!": "",
		"    g1 main: chan send":                             "",
		"panic: worker failed":                               "",
		"tasks.go:3:2: undefined: wg":                        "",
		"✗ “task C stop” 在 1s 打印：实际打印于 16s":                  "",
		":run 运行示例 · :next 下一步 · :help 查看所有命令":               "",
		"用 --clock=real 运行，或者 :clock real":                   "",
		"task 函数调用 fmt.Println 打印":                           "",
		"GOMAXPROCS 是 1，CPU 只有一个":                            "",
		"进度保存在 $XDG_STATE_HOME/concur/progress.json":         "",
		"用 2 KB 的栈，0.6 µs":                                   "",
		"text │  +0.000s  g1 main │ task A start":            "text",
		// English that must be found.
		"✗ line \"task C stop\" at 1s: it was printed at 16s": "line at it was printed at",
		"Step 1/3: One task after another":                    "Step One after another",
		"2 of 4 checks failed":                                "of checks failed",
		"╌ asleep  ● printed  ┫ ended":                        "asleep printed ended",
	} {
		got := c.Check(text)
		var words []string
		for _, f := range got {
			words = append(words, f.Words...)
		}
		if g := strings.Join(words, " "); g != want {
			t.Errorf("Check(%q): English %q, want %q", text, g, want)
		}
	}
}

func TestCheckLines(t *testing.T) {
	c := New()
	c.AllowLines("Whole lines of\nEnglish allowed")
	got := c.Check("第一行\nWhole lines of\nEnglish not allowed\n  English allowed  ")
	if len(got) != 1 || got[0].Line != 3 || strings.Join(got[0].Words, " ") != "English not allowed" {
		t.Errorf("findings %v", got)
	}
}
