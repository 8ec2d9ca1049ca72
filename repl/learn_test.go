package repl

import (
	"strings"
	"testing"
)

func TestWrapText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"short line", "short line"},
		{"one two three four", "one two\nthree four"},
		{"- item one two three", "- item one\n  two\n  three"},
		{"```\nlong code line here\n```", "```\nlong code line here\n```"},
		{"同步阻塞一个任务接着一个任务", "同步阻塞一\n个任务接着\n一个任务"},
	} {
		got := wrapText(tc.in, 10)
		if got != tc.want {
			t.Errorf("wrapText(%q, 10) =\n%s\nwant\n%s", tc.in, got, tc.want)
		}
		if !strings.Contains(tc.in, "```") {
			for _, l := range strings.Split(got, "\n") {
				if runeCells(l) > 10 {
					t.Errorf("line %q is wider than 10 cells", l)
				}
			}
		}
	}
}

func TestDeclarations(t *testing.T) {
	src := `func task(name string, d time.Duration) {
	fmt.Println("task", name, "start")
}

type T struct{ n int }

func (t T) M() int { return t.n }

task("A", 10*time.Second)
func() { fmt.Println("literal call") }()
var total = 3
for i := 0; i < 3; i++ {
	task("x", 0)
}
`
	want := `func task(name string, d time.Duration) {
	fmt.Println("task", name, "start")
}

type T struct{ n int }

func (t T) M() int { return t.n }

var total = 3`
	if got := declarations(src); got != want {
		t.Errorf("declarations:\n%s\nwant:\n%s", got, want)
	}
}
