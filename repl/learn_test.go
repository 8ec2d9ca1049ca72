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
